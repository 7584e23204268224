/**
 * Keeps the core in step with the embedded sandbox as it restarts, moves or stops: the built-in
 * profiles follow its address and keys, the window is told profiles changed, and the notices say
 * what happened (issues 8.3 and 8.6).
 */
import { NotApplicableError } from '../errors';
import type { CoreEvents } from '../events';
import type { EmbeddedSandbox, Logger } from '../ports';
import type { BuiltInProfiles } from '../profiles/built-in-profiles';
import { SANDBOX_NOTICE_IDS, sandboxNotices, type ConsoleNotices } from './console-notices';

interface SandboxLinkOptions {
  sandbox: EmbeddedSandbox | null;
  builtIn: BuiltInProfiles;
  notices: ConsoleNotices;
  events: CoreEvents;
  activeId: () => string | null;
  logger: Logger;
}

interface SandboxLink {
  /** Moves a damaged sandbox's data aside and starts it afresh; the built-in profiles come back. */
  moveDataAside(): Promise<{ movedTo: string }>;
  close(): void;
}

export function linkEmbeddedSandbox(options: SandboxLinkOptions): SandboxLink {
  const { sandbox, builtIn, notices, events, logger } = options;
  if (sandbox === null) {
    return {
      moveDataAside: () => Promise.reject(new NotApplicableError('The embedded sandbox is off.')),
      close: () => undefined,
    };
  }
  const show = () => {
    notices.clear(...SANDBOX_NOTICE_IDS);
    for (const n of sandboxNotices(sandbox.status())) notices.add(n);
  };
  /** Reads the sandbox's keys again (a fresh data folder has new ones) and tells the window. */
  const refresh = async () => {
    if (sandbox.status().state === 'running') {
      try {
        builtIn.replaceServices(await sandbox.services());
      } catch (err) {
        logger.warn('could not read the embedded sandbox’s services', {
          error: err instanceof Error ? err.message : String(err),
        });
      }
    }
    events.emit('profiles.changed', { activeId: options.activeId() });
  };
  show();
  const unsubscribe = sandbox.onChange(() => {
    show();
    void refresh();
  });
  return {
    moveDataAside: async () => {
      if (sandbox.status().state !== 'damaged')
        throw new NotApplicableError('The embedded sandbox’s data is not damaged; nothing was moved.');
      const moved = await sandbox.moveDataAside();
      show();
      await refresh();
      return moved;
    },
    close: unsubscribe,
  };
}
