/**
 * One batch, followed to the end: the progress bar with rate and ETA while sending, pause, resume
 * and cancel; then what Notify says of each message (delivered, pending, failed by reason with the
 * explainer), the rows live, the results file, and re-sending the failed rows as a new batch.
 */
import { useEffect, useState } from 'react';
import type { BulkBatch } from '../../../src-main/contract/bulk';
import { StatusTag } from '../../components/badges';
import { Dialog } from '../../components/dialog';
import { ExplanationView } from '../../components/explanation-view';
import { Sensitive } from '../../components/sensitive';
import { saveCsv } from './bulk-format';
import { formatDateTime } from '../../lib/time';
import { useAppStore, useAppStoreApi } from '../../state/context';
import { ROWS_PAGE, type RowFilter } from './bulk-slice';
import { etaText, STATE_LABELS } from './bulk-format';

const FILTERS: ReadonlyArray<{ value: RowFilter; label: string }> = [
  { value: 'all', label: 'All rows' },
  { value: 'delivered', label: 'Delivered' },
  { value: 'pending', label: 'Pending' },
  { value: 'failed', label: 'Failed' },
  { value: 'not-sent', label: 'Not sent' },
];

function ProgressBar({ batch }: { batch: BulkBatch }) {
  const { total, sent, failed } = batch.counts;
  const done = sent + failed;
  const percent = total ? Math.round((done / total) * 100) : 100;
  const text = `${done.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} rows done (${sent.toLocaleString('en-GB')} sent, ${failed.toLocaleString('en-GB')} refused)`;
  return (
    <div className="bulk-progress">
      <div
        className="bulk-progress__bar"
        role="progressbar"
        aria-label="Sending"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={text}
        data-testid="bulk-progress"
      >
        <span className="bulk-progress__fill" style={{ width: `${percent}%` }} />
      </div>
      <p className="bulk-progress__text" data-testid="bulk-progress-text">
        {text}
        {batch.state === 'running'
          ? ` · ${batch.currentRate.toLocaleString('en-GB')} a minute (pace ${batch.ratePerMinute.toLocaleString('en-GB')}) · ${etaText(batch.etaSeconds)}`
          : ''}
        {batch.counts.unknown ? ` · ${batch.counts.unknown} being looked up by reference` : ''}
      </p>
    </div>
  );
}

function Deliveries({ batch }: { batch: BulkBatch }) {
  const d = batch.deliveries;
  if (batch.counts.sent === 0) return null;
  return (
    <section aria-labelledby="bulk-deliveries-title" data-testid="bulk-deliveries">
      <h3 id="bulk-deliveries-title">
        What Notify says {d.tracking ? <span className="muted">(following…)</span> : null}
      </h3>
      <dl className="facts bulk-tally">
        <div>
          <dt>Delivered</dt>
          <dd data-testid="bulk-delivered">{d.delivered.toLocaleString('en-GB')}</dd>
        </div>
        <div>
          <dt>Pending</dt>
          <dd data-testid="bulk-pending">{d.pending.toLocaleString('en-GB')}</dd>
        </div>
        <div>
          <dt>Failed</dt>
          <dd data-testid="bulk-failed">{d.failed.toLocaleString('en-GB')}</dd>
        </div>
        {d.cancelled ? (
          <div>
            <dt>Cancelled</dt>
            <dd>{d.cancelled.toLocaleString('en-GB')}</dd>
          </div>
        ) : null}
      </dl>
      {d.failures.map((f) => (
        <details key={f.status} className="bulk-failure" data-testid="bulk-failure">
          <summary>
            <StatusTag status={f.status} /> {f.count.toLocaleString('en-GB')} · {f.explanation.title}
          </summary>
          <ExplanationView explanation={f.explanation} testId={`bulk-explanation-${f.status}`} />
        </details>
      ))}
    </section>
  );
}

function RowsTable({ batch }: { batch: BulkBatch }) {
  const store = useAppStoreApi();
  const page = useAppStore((s) => s.bulkRows[batch.batchId]);
  // Reload the page on show and whenever the batch moves (events arrive a few times a second).
  const stamp = `${batch.counts.sent}/${batch.counts.failed}/${batch.deliveries.delivered}/${batch.deliveries.failed}/${batch.state}`;
  useEffect(() => {
    void store.getState().loadBatchRows(batch.batchId);
  }, [store, batch.batchId, stamp]);
  const filter = page?.filter ?? 'all';
  const offset = page?.offset ?? 0;
  const total = page?.total ?? 0;
  return (
    <section aria-labelledby="bulk-rows-title">
      <div className="toolbar">
        <h3 id="bulk-rows-title">Rows</h3>
        <label className="bulk-filter">
          Show{' '}
          <select
            className="input select"
            value={filter}
            data-testid="bulk-rows-filter"
            onChange={(e) =>
              void store.getState().loadBatchRows(batch.batchId, e.target.value as RowFilter, 0)
            }
          >
            {FILTERS.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
        </label>
        <p className="toolbar__status" role="status">
          {total
            ? `Rows ${offset + 1}–${Math.min(total, offset + ROWS_PAGE)} of ${total.toLocaleString('en-GB')}`
            : 'No rows'}
        </p>
      </div>
      {page?.rows.length ? (
        <div className="bulk-scroll" tabIndex={0} role="region" aria-label="Rows of the batch">
          <table className="table" data-testid="bulk-results-table">
            <caption className="visually-hidden">Each row of the batch and what happened to it</caption>
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Recipient</th>
                <th scope="col">Reference</th>
                <th scope="col">Notification id</th>
                <th scope="col">Status</th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((r) => (
                <tr key={r.row} data-testid="bulk-result-row">
                  <th scope="row">{r.row}</th>
                  <td>
                    <Sensitive>{r.recipient ?? ''}</Sensitive>
                  </td>
                  <td>
                    <Sensitive>{r.reference}</Sensitive>
                  </td>
                  <td className="mono">{r.notificationId ?? '—'}</td>
                  <td>
                    <StatusTag status={r.status ?? r.outcome} />
                  </td>
                  <td>{r.reason ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {total > ROWS_PAGE ? (
        <div className="form__actions">
          <button
            type="button"
            className="button button--ghost button--small"
            disabled={offset === 0}
            onClick={() =>
              void store.getState().loadBatchRows(batch.batchId, filter, Math.max(0, offset - ROWS_PAGE))
            }
          >
            Previous rows
          </button>
          <button
            type="button"
            className="button button--ghost button--small"
            disabled={offset + ROWS_PAGE >= total}
            onClick={() => void store.getState().loadBatchRows(batch.batchId, filter, offset + ROWS_PAGE)}
          >
            Next rows
          </button>
        </div>
      ) : null}
    </section>
  );
}

export function BatchDetail({
  batch,
  onResume,
  onStart,
}: {
  batch: BulkBatch;
  /** Resuming or starting may need the live-send confirmation: the screen asks for it. */
  onResume: () => void;
  onStart: () => void;
}) {
  const store = useAppStoreApi();
  const [confirmResend, setConfirmResend] = useState(false);
  const s = () => store.getState();
  const finished =
    batch.state === 'done' ||
    (batch.state === 'cancelled' && batch.counts.unknown === 0 && batch.counts.inFlight === 0);
  return (
    <section className="panel" aria-labelledby="bulk-batch-title" data-testid="bulk-batch">
      <div className="bulk-report__head">
        <h2 id="bulk-batch-title">
          {batch.fileName} <span className="muted">with {batch.templateName ?? batch.templateId}</span>
        </h2>
        <span className={`bulk-state bulk-state--${batch.state}`} data-testid="bulk-state">
          {STATE_LABELS[batch.state]}
        </span>
      </div>
      <p className="muted">
        Made {formatDateTime(batch.createdAt)} · {batch.profileName ?? 'a deleted profile'}
        {batch.resendOf ? ' · failed rows of an earlier batch, sent again' : ''}
      </p>
      {batch.message ? (
        <div className="bulk-banner bulk-banner--error" role="alert" data-testid="bulk-stop-message">
          <p>
            <strong>Stopped:</strong> {batch.message}
          </p>
        </div>
      ) : null}
      {batch.state === 'interrupted' ? (
        <p className="bulk-hint" data-testid="bulk-interrupted">
          The console stopped while this batch was sending. Resume it to carry on: rows whose outcome is
          unknown are looked up by their reference first, so nothing is sent twice.
        </p>
      ) : null}
      <ProgressBar batch={batch} />
      <div className="form__actions">
        {batch.state === 'ready' ? (
          <button type="button" className="button" onClick={onStart} data-testid="bulk-start">
            Start sending
          </button>
        ) : null}
        {batch.state === 'running' ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void s().bulkAction('pause', batch.batchId)}
            data-testid="bulk-pause"
          >
            Pause
          </button>
        ) : null}
        {batch.state === 'paused' || batch.state === 'stopped' || batch.state === 'interrupted' ? (
          <button type="button" className="button" onClick={onResume} data-testid="bulk-resume">
            Resume
          </button>
        ) : null}
        {!finished && batch.state !== 'cancelled' ? (
          <button
            type="button"
            className="button button--danger"
            onClick={() => void s().bulkAction('cancel', batch.batchId)}
            data-testid="bulk-cancel"
          >
            Cancel the rest
          </button>
        ) : null}
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void s().resultsFile(batch.batchId).then(saveCsv)}
          data-testid="bulk-export"
        >
          Export results
        </button>
        {finished && batch.failedRows > 0 ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setConfirmResend(true)}
            data-testid="bulk-resend"
          >
            Send {batch.failedRows} failed row{batch.failedRows === 1 ? '' : 's'} again
          </button>
        ) : null}
      </div>
      <Deliveries batch={batch} />
      <RowsTable batch={batch} />
      {confirmResend ? (
        <Dialog
          title="Send the failed rows again?"
          onClose={() => setConfirmResend(false)}
          testId="bulk-resend-dialog"
          description={`${batch.failedRows} row${batch.failedRows === 1 ? '' : 's'} go into a new batch, with new references. You start it from there.`}
        >
          <div className="form__actions">
            <button
              type="button"
              className="button"
              onClick={() => {
                setConfirmResend(false);
                void s()
                  .resendFailed(batch.batchId)
                  .then((id) => id && s().navigate({ screen: 'bulk', batchId: id }));
              }}
            >
              Make the new batch
            </button>
            <button
              type="button"
              className="button button--ghost"
              onClick={() => setConfirmResend(false)}
              data-autofocus
            >
              Cancel
            </button>
          </div>
        </Dialog>
      ) : null}
    </section>
  );
}
