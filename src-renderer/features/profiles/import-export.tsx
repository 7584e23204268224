/**
 * Export profiles to a file (never with keys) and import them back.
 */
import { useId, useState } from 'react';
import type { MethodOutput } from '../../../src-main/contract/methods';
import type { RpcError } from '../../../src-main/contract/result';
import { downloadText } from '../../components/download';
import { ErrorPanel } from '../../components/error-panel';
import { useAppStoreApi } from '../../state/context';

export function ImportExport() {
  const store = useAppStoreApi();
  const inputId = useId();
  const [report, setReport] = useState<MethodOutput<'profiles.import'> | null>(null);
  const [error, setError] = useState<RpcError | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <section className="panel" aria-labelledby="import-export-heading">
      <h2 id="import-export-heading">Export and import</h2>
      <p>Exports hold names, base URLs, key types, colours and proxies. API keys are never exported.</p>
      <div className="form__actions">
        <button
          type="button"
          className="button button--secondary"
          data-testid="profiles-export"
          onClick={() =>
            void store
              .getState()
              .exportProfiles()
              .then((r) => {
                if (r.ok) {
                  downloadText('notify-console-profiles.json', r.value.json, 'application/json');
                  store.getState().pushToast('success', 'Profiles exported.');
                } else setError(r.error);
              })
          }
        >
          Export profiles
        </button>
        <div className="field field--inline">
          <label htmlFor={inputId} className="field__label">
            Import profiles from a file
          </label>
          <input
            id={inputId}
            type="file"
            accept="application/json,.json"
            className="input input--file"
            disabled={busy}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (!file) return;
              setBusy(true);
              setError(null);
              setReport(null);
              void file
                .text()
                .then((json) => store.getState().importProfiles(json))
                .then((r) => {
                  setBusy(false);
                  if (r.ok) setReport(r.value);
                  else setError(r.error);
                });
            }}
          />
        </div>
      </div>
      {error ? <ErrorPanel error={error} title="Import or export failed" /> : null}
      {report ? (
        <div role="status" data-testid="import-report">
          <p>
            Imported {report.imported.length} profile{report.imported.length === 1 ? '' : 's'}
            {report.imported.length ? `: ${report.imported.join(', ')}` : ''}. Add their keys before using
            them.
          </p>
          {report.renamed.length ? (
            <ul>
              {report.renamed.map((r) => (
                <li key={r.from}>
                  Renamed “{r.from}” to “{r.to}”: the name was taken.
                </li>
              ))}
            </ul>
          ) : null}
          {report.skipped.length ? (
            <ul>
              {report.skipped.map((s) => (
                <li key={s.name}>
                  Skipped “{s.name}”: {s.reason}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
