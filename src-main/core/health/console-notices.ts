/**
 * What the console tells the user it recovered from (issue 8.6): each notice once, on stderr or in
 * the log by the host, and as a banner in the window until dismissed. Built from what the parts
 * report (the settings store, the vault, the profiles, the embedded sandbox); never a secret.
 */
import type { ConsoleNotice } from '../../contract/methods';
import type { CoreEvents } from '../events';
import type { EmbeddedSandboxStatus, Logger } from '../ports';
import type { StoreRecovery } from '../store/settings-store';

export class ConsoleNotices {
  private readonly notices = new Map<string, ConsoleNotice>();

  constructor(
    private readonly events: CoreEvents,
    private readonly logger: Logger,
  ) {}

  list(): ConsoleNotice[] {
    return [...this.notices.values()];
  }

  /** Adds (or replaces) a notice, logs it and tells the window. */
  add(notice: ConsoleNotice): void {
    this.notices.set(notice.id, notice);
    const log = notice.severity === 'error' ? this.logger.error : this.logger.warn;
    log.call(this.logger, notice.title, {
      notice: notice.id,
      message: notice.message,
      savedCopy: notice.savedCopy,
    });
    this.changed();
  }

  dismiss(id: string): ConsoleNotice[] {
    if (this.notices.delete(id)) this.changed();
    return this.list();
  }

  /** Removes notices whose cause has gone (a sandbox that runs again). */
  clear(...ids: string[]): void {
    let any = false;
    for (const id of ids) any = this.notices.delete(id) || any;
    if (any) this.changed();
  }

  private changed(): void {
    this.events.emit('app.notices', { notices: this.list() });
  }
}

/** A settings file that was moved aside at start. */
export function settingsNotice(recovered: StoreRecovery): ConsoleNotice {
  return {
    id: 'settings-recovered',
    severity: 'warning',
    title: 'Your settings file could not be read',
    message: `settings.json could not be read (${recovered.reason}), so the console started with fresh settings: your profiles and saved keys are not shown.`,
    savedCopy: recovered.backupPath,
    restore:
      'Nothing was deleted. To go back to it, quit the console, repair the saved copy (it is a JSON text file) and rename it to settings.json in the same folder, replacing the new one.',
    action: null,
  };
}

/** A passphrase vault header that cannot be used. */
export function vaultNotice(problem: string): ConsoleNotice {
  return {
    id: 'vault-damaged',
    severity: 'error',
    title: 'The key vault is damaged',
    message: problem,
    savedCopy: null,
    restore:
      'The vault is in settings.json in the data folder. Restore that file from a backup, or add your profiles’ keys again in a new data folder.',
    action: null,
  };
}

/** Saved profiles that could not be read (kept as they were). */
export function profilesNotice(problem: string): ConsoleNotice {
  return {
    id: 'profiles-unreadable',
    severity: 'warning',
    title: 'Some saved profiles could not be read',
    message: problem,
    savedCopy: null,
    restore:
      'They are kept in settings.json exactly as they were; a newer version of the console may read them.',
    action: null,
  };
}

/** The notices for the embedded sandbox's state: each kind replaces the others. */
export function sandboxNotices(status: EmbeddedSandboxStatus): ConsoleNotice[] {
  const out: ConsoleNotice[] = [];
  const torn = status.recovery;
  if (torn) {
    out.push({
      id: 'sandbox-journal-recovered',
      severity: 'warning',
      title: 'The embedded sandbox recovered from an unclean stop',
      message: torn.message,
      savedCopy: torn.damaged[0]?.savedTo ?? null,
      restore:
        'The damaged bytes were a write the sandbox never acknowledged; they are kept for inspection only and nothing needs restoring.',
      action: null,
    });
  }
  if (status.state === 'damaged') {
    out.push({
      id: 'sandbox-damaged',
      severity: 'error',
      title: 'The embedded sandbox’s data is damaged',
      message: `The embedded Notify Sandbox could not start on its data: ${status.message ?? 'its journal cannot be read'} The console runs without it.`,
      savedCopy: null,
      restore:
        'Move the damaged data aside (nothing is deleted; it is renamed sandbox.damaged-<time> in the data folder) and the sandbox starts afresh with its demo service.',
      action: 'move-sandbox-data-aside',
    });
  } else if (status.state === 'restarting' || status.state === 'stopped') {
    out.push({
      id: 'sandbox-stopped',
      severity: status.state === 'stopped' ? 'error' : 'warning',
      title:
        status.state === 'stopped'
          ? 'The embedded sandbox has stopped'
          : 'The embedded sandbox is restarting',
      message: status.message ?? '',
      savedCopy: null,
      restore: null,
      action: null,
    });
  }
  return out;
}

/** The ids {@link sandboxNotices} can produce, so stale ones are cleared. */
export const SANDBOX_NOTICE_IDS = [
  'sandbox-journal-recovered',
  'sandbox-damaged',
  'sandbox-stopped',
] as const;
