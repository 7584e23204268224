/**
 * What the console recovered from (issue 8.6), on every screen until dismissed: a damaged settings
 * file and where its copy was kept, a damaged vault, the embedded sandbox's torn journal, damaged
 * data (with "Move the damaged data aside") or crashes.
 */
import { useState } from 'react';
import type { ConsoleNotice } from '../../../src-main/contract/methods';
import { useAppStore, useAppStoreApi } from '../../state/context';

export function ConsoleNoticesBanner() {
  const notices = useAppStore((s) => s.notices);
  if (notices.length === 0) return null;
  return (
    <div data-testid="console-notices">
      {notices.map((n) => (
        <NoticeBanner key={n.id} notice={n} />
      ))}
    </div>
  );
}

function NoticeBanner({ notice }: { notice: ConsoleNotice }) {
  const store = useAppStoreApi();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <section
      className={`banner banner--warning notice notice--${notice.severity === 'error' ? 'error' : 'warning'}`}
      role={notice.severity === 'error' ? 'alert' : 'status'}
      aria-label={notice.title}
      data-testid={`notice-${notice.id}`}
    >
      <div>
        <p>
          <strong>{notice.title}.</strong> {notice.message}
        </p>
        {notice.savedCopy ? (
          <p>
            Saved copy: <code data-testid="notice-saved-copy">{notice.savedCopy}</code>
          </p>
        ) : null}
        {notice.restore ? <p className="small">{notice.restore}</p> : null}
        {problem ? (
          <p className="small" role="alert">
            {problem}
          </p>
        ) : null}
      </div>
      {notice.action === 'move-sandbox-data-aside' ? (
        <button
          type="button"
          className="button button--small"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            void store
              .getState()
              .moveSandboxDataAside()
              .then((r) => {
                setBusy(false);
                if (r.ok)
                  store.getState().pushToast('success', `The damaged data was moved to ${r.value.movedTo}.`);
                else setProblem(r.error.message);
              });
          }}
        >
          {busy ? 'Moving…' : 'Move the damaged data aside'}
        </button>
      ) : null}
      <button
        type="button"
        className="button button--ghost button--small"
        onClick={() => void store.getState().dismissNotice(notice.id)}
      >
        Dismiss
      </button>
    </section>
  );
}
