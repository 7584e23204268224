/**
 * The columns a notification table can show. Every screen that lists notifications (history,
 * support's lookup, the followed list on the status screen, the lookup after an unknown send) picks
 * from these, so a notification reads the same everywhere; a screen may add its own column (the
 * archive's "source") as another {@link NotificationColumn}.
 */
import type { ReactNode } from 'react';
import type { ProfileRef } from '../../../src-main/contract/methods';
import type { Notification } from '../../../src-main/contract/schemas';
import { ColourDot, StatusTag } from '../badges';
import { Sensitive } from '../sensitive';
import { formatDateTime } from '../../lib/time';
import { recipientOf } from './notification-fields';
import { templateLabel } from './template-label';

/** One row: a notification and the profile it is opened with. */
export interface NotificationRow {
  profileId: string;
  notification: Notification;
  /** Every profile that saw it, when more than one did (same service, several keys). */
  profiles?: readonly ProfileRef[];
  templateName?: string | null;
}

export interface NotificationColumn<R extends NotificationRow = NotificationRow> {
  id: string;
  header: string;
  /** CSS grid track for the windowed table (`minmax(120px, 1fr)`). */
  width: string;
  cell: (row: R) => ReactNode;
  /** In the windowed table, the cell clips long text with an ellipsis (the full text is in its title). */
  truncate?: boolean;
}

export const TYPE_LABELS: Readonly<Record<Notification['type'], string>> = {
  sms: 'Text message',
  email: 'Email',
  letter: 'Letter',
};

/** What the profile column needs to know about profiles. */
export interface ProfileLookup {
  colourOf(profileId: string): string;
  nameOf(profileId: string): string;
}

export const createdColumn: NotificationColumn = {
  id: 'created',
  header: 'Created',
  width: 'minmax(150px, 1fr)',
  cell: (r) => <span className="nowrap">{formatDateTime(r.notification.created_at)}</span>,
};

export const statusColumn: NotificationColumn = {
  id: 'status',
  header: 'Status',
  width: 'minmax(130px, 1fr)',
  cell: (r) => <StatusTag status={r.notification.status} />,
};

export const typeColumn: NotificationColumn = {
  id: 'type',
  header: 'Type',
  width: '110px',
  cell: (r) => TYPE_LABELS[r.notification.type],
};

export const recipientColumn: NotificationColumn = {
  id: 'recipient',
  header: 'Recipient',
  width: 'minmax(160px, 1.6fr)',
  truncate: true,
  cell: (r) => <Sensitive title={recipientOf(r.notification)}>{recipientOf(r.notification)}</Sensitive>,
};

export const referenceColumn: NotificationColumn = {
  id: 'reference',
  header: 'Reference',
  width: 'minmax(120px, 1.2fr)',
  truncate: true,
  cell: (r) => <Sensitive title={r.notification.reference ?? ''}>{r.notification.reference ?? ''}</Sensitive>,
};

export const templateColumn: NotificationColumn = {
  id: 'template',
  header: 'Template',
  width: 'minmax(160px, 1.4fr)',
  truncate: true,
  cell: (r) => {
    const label = templateLabel(r.templateName, r.notification.template.version);
    return (
      <span title={`${label} · ${r.notification.template.id}`} data-testid="template-name">
        {label}
      </span>
    );
  },
};

/** The profile it is opened with, and "via N profiles" when several profiles of the service saw it. */
export function profileColumn(profiles: ProfileLookup): NotificationColumn {
  return {
    id: 'profile',
    header: 'Profile',
    width: 'minmax(160px, 1.2fr)',
    cell: (r) => {
      const via = r.profiles ?? [];
      return (
        <>
          <ColourDot colour={profiles.colourOf(r.profileId)} /> {profiles.nameOf(r.profileId)}
          {via.length > 1 ? (
            <span
              className="muted small via-profiles"
              data-testid="via-profiles"
              title={via.map((p) => p.profileName).join(', ')}
            >
              {' '}
              · via {via.length} profiles
            </span>
          ) : null}
        </>
      );
    },
  };
}

/** A button that opens the notification on the status screen. */
export function openColumn(open: (row: NotificationRow) => void, short = true): NotificationColumn {
  return {
    id: 'open',
    header: 'Notification',
    width: 'minmax(130px, 1fr)',
    cell: (r) => (
      <button type="button" className="link-button" onClick={() => open(r)}>
        {short ? `Open ${r.notification.id.slice(0, 8)}…` : r.notification.id}
      </button>
    ),
  };
}
