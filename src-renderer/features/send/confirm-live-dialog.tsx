/**
 * Sending with a live key costs money and reaches a real person: say who and how much first.
 */
import type { PublicProfile } from '../../../src-main/contract/schemas';
import { ColourDot, KeyTypeBadge } from '../../components/badges';
import { Dialog } from '../../components/dialog';

export function ConfirmLiveDialog({
  profile,
  recipient,
  cost,
  onConfirm,
  onClose,
}: {
  profile: PublicProfile;
  recipient: string;
  cost: string;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <Dialog
      title="Send with a live key?"
      onClose={onClose}
      testId="confirm-live-dialog"
      description="This message goes to a real recipient and is charged."
    >
      <dl className="facts">
        <div>
          <dt>Profile</dt>
          <dd>
            <ColourDot colour={profile.colour} /> {profile.name} <KeyTypeBadge keyType={profile.keyType} />
          </dd>
        </div>
        <div>
          <dt>Recipient</dt>
          <dd data-testid="confirm-recipient">{recipient}</dd>
        </div>
        <div>
          <dt>Cost</dt>
          <dd data-testid="confirm-cost">{cost}</dd>
        </div>
      </dl>
      <div className="form__actions">
        <button type="button" className="button button--danger" onClick={onConfirm}>
          Send for real
        </button>
        {/* Cancel is focused first: a second Enter must not spend money by accident. */}
        <button type="button" className="button button--ghost" onClick={onClose} data-autofocus>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
