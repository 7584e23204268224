/**
 * The archive under the user's control: its size, how long it keeps notifications, purging now
 * (after a confirmation), exporting a date range to CSV (a download in browser mode; Electron
 * asks where to save it, as for the history export) and SQLite's full check on demand.
 */
import { useState } from 'react';
import type { ArchiveStatus } from '../../../src-main/contract/archive';
import { Dialog } from '../../components/dialog';
import { downloadText } from '../../components/download';
import { RadioGroup, SelectField, TextField } from '../../components/fields';
import { useAppStoreApi } from '../../state/context';
import { formatBytes, RETENTION_CHOICES, retentionLabel } from './archive-format';

function PurgeDialog({ months, onClose }: { months: number; onClose: () => void }) {
  const store = useAppStoreApi();
  const [scope, setScope] = useState<'expired' | 'all'>('expired');
  const [busy, setBusy] = useState(false);
  return (
    <Dialog title="Purge the archive" onClose={onClose} testId="archive-purge-dialog">
      <RadioGroup
        legend="What to delete"
        name="purge-scope"
        value={scope}
        onChange={setScope}
        options={[
          { value: 'expired', label: `Notifications older than ${retentionLabel(months)}` },
          { value: 'all', label: 'Every archived notification' },
        ]}
      />
      <p className="notice notice--warning">
        Deleted notifications cannot be brought back, and Notify no longer holds those older than 7 days.
      </p>
      <div className="form__actions">
        <button
          type="button"
          className="button button--danger"
          disabled={busy}
          data-autofocus=""
          onClick={async () => {
            setBusy(true);
            const r = await store.getState().purgeArchive(scope);
            setBusy(false);
            if (r.ok) {
              store
                .getState()
                .pushToast('success', `Purged ${r.value.purged.toLocaleString('en-GB')} notifications.`);
              onClose();
            }
          }}
        >
          Purge now
        </button>
        <button type="button" className="button button--secondary" onClick={onClose}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}

function ExportForm() {
  const store = useAppStoreApi();
  const today = new Date(store.getState().archiveNow()).toISOString().slice(0, 10);
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today);
  const [progress, setProgress] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="form form--inline"
      aria-label="Export the archive to CSV"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!from || !to || from > to) return setError('Choose a start date on or before the end date.');
        setError(null);
        setProgress('Exporting…');
        const r = await store
          .getState()
          .exportArchive(from, to, (n) => setProgress(`Exporting: ${n.toLocaleString('en-GB')} so far…`));
        if (!r.ok) {
          setProgress(null);
          return setError(r.error.message);
        }
        downloadText(`notify-archive-${from}-to-${to}.csv`, r.value.csv, 'text/csv');
        setProgress(`Exported ${r.value.count.toLocaleString('en-GB')} notifications.`);
      }}
    >
      <TextField label="From" type="date" value={from} onChange={setFrom} error={error} />
      <TextField label="To (inclusive)" type="date" value={to} onChange={setTo} />
      <button type="submit" className="button">
        Export CSV
      </button>
      {progress ? (
        <p className="small" role="status" data-testid="archive-export-progress">
          {progress}
        </p>
      ) : null}
    </form>
  );
}

export function ArchiveRetentionPanel({ status }: { status: ArchiveStatus }) {
  const store = useAppStoreApi();
  const months = status.retentionMonths ?? 12;
  const [purging, setPurging] = useState(false);
  const size = status.size;
  return (
    <section aria-labelledby="archive-retention-heading">
      <h2 id="archive-retention-heading">Retention and export</h2>
      {size ? (
        <p data-testid="archive-size">
          {size.notifications.toLocaleString('en-GB')} notification{size.notifications === 1 ? '' : 's'},{' '}
          {formatBytes(size.bytesOnDisk)} on disk
          {size.freeBytes > 0 ? ` (${formatBytes(size.freeBytes)} of it free for new ones)` : ''}, at{' '}
          <code>{status.path}</code>.
        </p>
      ) : null}
      <div className="form form--inline">
        <SelectField
          label="Keep notifications for"
          value={String(months)}
          testId="archive-retention"
          hint="Older ones are deleted after each sync, and at once when you change this."
          options={RETENTION_CHOICES.map((m) => ({ value: String(m), label: retentionLabel(m) }))}
          onChange={async (v) => {
            const r = await store.getState().setArchiveRetention(Number(v));
            if (r.ok && r.value.purged > 0)
              store
                .getState()
                .pushToast('info', `Deleted ${r.value.purged.toLocaleString('en-GB')} older notifications.`);
          }}
        />
        <button type="button" className="button button--danger" onClick={() => setPurging(true)}>
          Purge now…
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={async () => {
            const r = await store.getState().checkArchive();
            if (r.ok) store.getState().pushToast('success', 'The archive passed SQLite’s check.');
          }}
        >
          Check the archive
        </button>
      </div>
      <h3>Export to CSV</h3>
      <ExportForm />
      {purging ? <PurgeDialog months={months} onClose={() => setPurging(false)} /> : null}
    </section>
  );
}
