/**
 * Support: find a notification in any profile, and review recent failures across profiles.
 */
import { Failures } from './failures';
import { Lookup } from './lookup';

export function SupportScreen() {
  return (
    <div className="screen" data-testid="screen-support">
      <div className="screen__head">
        <h1 tabIndex={-1}>Support</h1>
      </div>
      <Lookup />
      <Failures />
    </div>
  );
}
