/**
 * What the console has seen of a profile's key, in words for its card: when it was added, when it
 * was last used from this console, whether it is time to rotate it, and whether Notify revoked it.
 */
import type { PublicProfile } from '../../../src-main/contract/schemas';
import { formatAgo, formatDay, parseNotifyTime } from '../../lib/time';

/**
 * Keys older than this get a rotation reminder. The console's own threshold, not a Notify rule:
 * Notify asks teams to replace keys regularly without setting a period.
 */
const ROTATION_REMINDER_DAYS = 365;

const ROTATION_REMINDER =
  'Consider rotating this key: Notify recommends replacing keys regularly. Create a new key in Notify, enter it here, then revoke the old one.';

interface KeyHygieneView {
  /** `Key added 14 Mar 2026 (8 months ago) · last used 2 hours ago`. */
  usage: string;
  /** The rotation reminder, when the key is older than {@link ROTATION_REMINDER_DAYS}. */
  rotate: string | null;
  /** Notify reported the key revoked: the card leads with the problem and a Replace key action. */
  revoked: boolean;
}

/** The key line of a profile card, or null when the profile has no key. */
export function describeKeyHygiene(key: PublicProfile['key'], nowMs: number): KeyHygieneView | null {
  if (!key) return null;
  const added = parseNotifyTime(key.addedAt);
  const used = parseNotifyTime(key.lastUsedAt);
  const usedText = used === null ? 'never used from this console' : `last used ${formatAgo(used, nowMs)}`;
  const usage =
    added === null
      ? `Key ${usedText}`
      : `Key added ${formatDay(added)} (${formatAgo(added, nowMs)}) · ${usedText}`;
  const old = added !== null && nowMs - added > ROTATION_REMINDER_DAYS * 86_400_000;
  const revoked = key.revokedSeenAt !== null;
  return { usage, rotate: old && !revoked ? ROTATION_REMINDER : null, revoked };
}
