/**
 * The header's "fault active" marker: shown on every screen while the embedded sandbox has a fault
 * on (a 500, a 429, latency, a dropped connection, a daily limit), so a failure the user caused on
 * purpose is never mistaken for a real one. It opens the panel's faults.
 */
import { useAppStore, useAppStoreApi } from '../../state/context';

export function FaultMarker() {
  const store = useAppStoreApi();
  const faults = useAppStore((s) => s.sandboxFaults);
  if (faults.length === 0) return null;
  const words = faults.length === 1 ? '1 sandbox fault active' : `${faults.length} sandbox faults active`;
  return (
    <button
      type="button"
      className="header__fault"
      data-testid="fault-marker"
      title={faults.map((f) => f.summary).join('\n')}
      onClick={() => store.getState().navigate({ screen: 'sandbox', tab: 'faults' })}
    >
      <span aria-hidden="true">⚠ </span>
      {words}
    </button>
  );
}
