/**
 * Every batch in the data folder, newest first, with its state; one opens with its link
 * (`#/bulk/<batch id>`).
 */
import type { BulkBatch } from '../../../src-main/contract/bulk';
import { LoadState } from '../../components/states';
import { formatDateTime } from '../../lib/time';
import { useAppStore, useAppStoreApi } from '../../state/context';
import { STATE_LABELS } from './bulk-format';

export function BatchesList() {
  const store = useAppStoreApi();
  const batches = useAppStore((s) => s.bulkBatches);
  return (
    <section className="panel" aria-labelledby="bulk-batches-title" data-testid="bulk-batches">
      <h2 id="bulk-batches-title">Batches</h2>
      <LoadState
        loadable={batches}
        loadingLabel="Loading batches…"
        errorTitle="Could not list the batches"
        onRetry={() => void store.getState().loadBulkBatches()}
        isEmpty={(v) => v.length === 0}
        empty={<p className="muted">No batches yet. Upload a spreadsheet to make one.</p>}
      >
        {(list: BulkBatch[]) => (
          <table className="table" data-testid="bulk-batches-table">
            <caption className="visually-hidden">Batches, newest first</caption>
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">Made</th>
                <th scope="col">State</th>
                <th scope="col">Sent</th>
                <th scope="col">Delivered</th>
                <th scope="col">Failed</th>
              </tr>
            </thead>
            <tbody>
              {list.map((b) => (
                <tr key={b.batchId} data-testid="bulk-batch-row">
                  <th scope="row">
                    <a
                      href={`#/bulk/${b.batchId}`}
                      onClick={(e) => {
                        e.preventDefault();
                        store.getState().navigate({ screen: 'bulk', batchId: b.batchId });
                      }}
                    >
                      {b.fileName}
                    </a>
                    <span className="muted"> · {b.templateName ?? b.type}</span>
                  </th>
                  <td className="nowrap">{formatDateTime(b.createdAt)}</td>
                  <td>
                    <span className={`bulk-state bulk-state--${b.state}`}>{STATE_LABELS[b.state]}</span>
                  </td>
                  <td>
                    {b.counts.sent.toLocaleString('en-GB')} of {b.counts.total.toLocaleString('en-GB')}
                  </td>
                  <td>{b.deliveries.delivered.toLocaleString('en-GB')}</td>
                  <td>{(b.counts.failed + b.deliveries.failed).toLocaleString('en-GB')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </LoadState>
    </section>
  );
}
