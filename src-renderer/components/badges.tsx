/**
 * Small labels: a profile's key type (LIVE in red), its colour, a notification's status.
 */
import type { PublicProfile } from '../../src-main/contract/schemas';
import { statusTone } from './status-tone';

const KEY_TYPE_TEXT: Record<PublicProfile['keyType'], string> = { live: 'LIVE', team: 'team', test: 'test' };

export function KeyTypeBadge({ keyType, title }: { keyType: PublicProfile['keyType']; title?: string }) {
  return (
    <span
      className={`badge badge--key-${keyType}`}
      title={title}
      data-testid="key-type"
      data-key-type={keyType}
    >
      {KEY_TYPE_TEXT[keyType]}
    </span>
  );
}

export function ColourDot({ colour }: { colour: string }) {
  return <span className="colour-dot" style={{ backgroundColor: colour }} aria-hidden="true" />;
}

export function StatusTag({ status, testId }: { status: string; testId?: string }) {
  return (
    <span className={`status status--${statusTone(status)}`} data-testid={testId} data-status={status}>
      {status}
    </span>
  );
}
