/**
 * "About / diagnostics" (issue 10.10): the version, where the log is, the runtime and OS, what kinds
 * of profiles there are and the last errors, with "Copy diagnostics" for a support ticket. Nothing
 * here is secret: the core builds it from counts and the masked log.
 */
import { useState } from 'react';
import type { Diagnostics } from '../../../src-main/contract/methods';
import { CopyButton } from '../../components/copy-button';
import { Dialog } from '../../components/dialog';
import { LoadState } from '../../components/states';
import { useAppStore, useAppStoreApi } from '../../state/context';

/** The header's "About" button and the dialog it opens. */
export function AboutButton() {
  const store = useAppStoreApi();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button button--ghost"
        data-testid="about-open"
        onClick={() => {
          setOpen(true);
          void store.getState().loadDiagnostics();
        }}
      >
        About
      </button>
      {open ? <AboutDialog onClose={() => setOpen(false)} /> : null}
    </>
  );
}

/** What the console runs on and what went wrong lately, with "Copy diagnostics". */
function DiagnosticsView({ d }: { d: Diagnostics }) {
  return (
    <>
      <dl className="summary-list" data-testid="about-summary">
        <dt>Version</dt>
        <dd data-testid="about-version">
          {d.version} ({d.mode === 'electron' ? 'desktop app' : 'browser mode'})
        </dd>
        <dt>Log file</dt>
        <dd>
          <code data-testid="about-log-path">{d.logPath ?? 'none'}</code>
        </dd>
        <dt>Runtime</dt>
        <dd>
          {Object.entries(d.runtime)
            .map(([k, v]) => `${k} ${v}`)
            .join(', ')}
        </dd>
        <dt>System</dt>
        <dd>
          {d.os.platform} {d.os.release} ({d.os.arch})
        </dd>
        <dt>Profiles</dt>
        <dd>
          {d.profiles.builtIn} built-in, {d.profiles.stored} of yours ({d.profiles.byKeyType.live} live,{' '}
          {d.profiles.byKeyType.team} team, {d.profiles.byKeyType.test} test keys)
        </dd>
        <dt>Embedded sandbox</dt>
        <dd>{d.sandbox}</dd>
      </dl>
      <h3>Recent errors</h3>
      {d.recentErrors.length === 0 ? (
        <p>None since the console started.</p>
      ) : (
        <ul data-testid="about-errors">
          {d.recentErrors.map((e) => (
            <li key={`${e.at}${e.message}`}>
              <code>{e.at}</code> {e.message}
            </li>
          ))}
        </ul>
      )}
      <p className="small">
        “Copy diagnostics” copies all of this as text for a support ticket. It holds no API key, passphrase or
        token, and no profile names or addresses.
      </p>
      <CopyButton text={d.text} label="Copy diagnostics" testId="about-copy" />
    </>
  );
}

function AboutDialog({ onClose }: { onClose: () => void }) {
  const diagnostics = useAppStore((s) => s.diagnostics);
  const store = useAppStoreApi();
  return (
    <Dialog title="About Notify Console" onClose={onClose} testId="about-dialog" className="dialog--wide">
      <LoadState
        loadable={diagnostics}
        loadingLabel="Loading…"
        errorTitle="Could not read the diagnostics"
        onRetry={() => void store.getState().loadDiagnostics()}
      >
        {(d) => <DiagnosticsView d={d} />}
      </LoadState>
    </Dialog>
  );
}
