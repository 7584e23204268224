/**
 * Received text messages as one table, wherever they are shown: the Received texts screen (a
 * profile's, from Notify) and the Sandbox panel (a sandbox service's). Numbers and message content
 * are personal data, so they are wrapped for presentation mode.
 */
import type { ReceivedText } from '../../../src-shared/notify/resources';
import { Sensitive } from '../../components/sensitive';
import { formatDateTime } from '../../lib/time';

interface ReceivedTextsTableProps {
  messages: readonly ReceivedText[];
  caption: string;
  testId: string;
  rowTestId?: string;
  compact?: boolean;
}

export function ReceivedTextsTable({
  messages,
  caption,
  testId,
  rowTestId,
  compact,
}: ReceivedTextsTableProps) {
  return (
    <table className={compact ? 'table table--compact' : 'table'} data-testid={testId}>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Received</th>
          <th scope="col">From</th>
          <th scope="col">To</th>
          <th scope="col">Message</th>
        </tr>
      </thead>
      <tbody>
        {messages.map((m) => (
          <tr key={m.id} data-testid={rowTestId}>
            <td>{formatDateTime(m.created_at)}</td>
            <td>
              <Sensitive>{m.user_number}</Sensitive>
            </td>
            <td>{m.notify_number}</td>
            <td className="pre-wrap">
              <Sensitive>{m.content}</Sensitive>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
