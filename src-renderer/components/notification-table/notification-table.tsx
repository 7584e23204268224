/**
 * The one notification table: a plain table for short lists (lookups, followed notifications) and,
 * for history's long list, the same columns in a windowed grid ({@link VirtualNotificationTable}).
 */
import type { ReactNode } from 'react';
import { VirtualList } from '../virtual-list';
import type { NotificationColumn, NotificationRow } from './columns';
import './notification-table.css';

const rowKey = (r: NotificationRow): string => `${r.profileId}:${r.notification.id}`;

export function NotificationTable<R extends NotificationRow>({
  rows,
  columns,
  caption,
  captionHidden = false,
  testId,
  rowTestId,
}: {
  rows: readonly R[];
  columns: readonly NotificationColumn<R>[];
  caption: ReactNode;
  captionHidden?: boolean;
  testId?: string;
  rowTestId?: string;
}) {
  return (
    <div className="table-scroll">
      <table className="table notification-table" data-testid={testId}>
        <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th scope="col" key={c.id}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={rowKey(r)} data-testid={rowTestId} data-notification-id={r.notification.id}>
              {columns.map((c) => (
                <td key={c.id} className={c.truncate ? 'notification-table__long' : undefined}>
                  {c.cell(r)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The same columns over a windowed list, for up to 100,000 rows (history). */
export function VirtualNotificationTable<R extends NotificationRow>({
  rows,
  columns,
  label,
  rowHeight,
  onOpen,
  onEndReached,
  hasMore,
  loading,
  initialScrollTop,
  onScrollPosition,
  rowTestId,
  testId,
  scrollRef,
}: {
  rows: readonly R[];
  columns: readonly NotificationColumn<R>[];
  label: string;
  rowHeight: number;
  onOpen: (row: R) => void;
  onEndReached?: () => void;
  hasMore?: boolean;
  loading?: boolean;
  initialScrollTop?: number;
  onScrollPosition?: (scrollTop: number) => void;
  rowTestId?: string;
  testId?: string;
  scrollRef?: (el: HTMLDivElement | null) => void;
}) {
  return (
    <VirtualList
      items={rows}
      rowHeight={rowHeight}
      label={label}
      columns={columns.map((c) => c.width).join(' ')}
      header={columns.map((c) => (
        <div role="columnheader" key={c.id}>
          {c.header}
        </div>
      ))}
      getKey={rowKey}
      renderRow={(r) =>
        columns.map((c) => (
          <div role="gridcell" key={c.id} className={c.truncate ? 'truncate' : undefined}>
            {c.cell(r)}
          </div>
        ))
      }
      onOpen={onOpen}
      onEndReached={onEndReached}
      hasMore={hasMore}
      loading={loading}
      initialScrollTop={initialScrollTop}
      onScrollPosition={onScrollPosition}
      rowTestId={rowTestId}
      testId={testId}
      viewportRef={scrollRef}
    />
  );
}
