/**
 * The console's health in the contract (issues 8.6 and 10.10): notices of what it recovered from,
 * the diagnostics support staff paste into a ticket, and moving a damaged sandbox's data aside.
 */
import { z } from 'zod';

const empty = z.strictObject({});

/**
 * Something the console recovered from or cannot do, told once on start and shown as a banner
 * until dismissed: a damaged settings file (and the copy it kept), a damaged vault header, the
 * embedded sandbox's torn journal, damaged data or crashes. Never carries a secret.
 */
const consoleNotice = z.object({
  id: z.string(),
  severity: z.enum(['info', 'warning', 'error']),
  title: z.string(),
  message: z.string(),
  /** Where the damaged original was kept, when it was. */
  savedCopy: z.string().nullable(),
  /** How to restore it, in words. */
  restore: z.string().nullable(),
  /** What the banner offers to do about it. */
  action: z.enum(['move-sandbox-data-aside']).nullable(),
});
export type ConsoleNotice = z.infer<typeof consoleNotice>;
/** What support staff need to know about this console, and nothing secret (issue 10.10). */
const diagnostics = z.object({
  version: z.string(),
  mode: z.enum(['electron', 'browser']),
  logPath: z.string().nullable(),
  runtime: z.record(z.string(), z.string()),
  os: z.object({ platform: z.string(), release: z.string(), arch: z.string() }),
  vault: z.enum(['os-keychain', 'passphrase']),
  sandbox: z.string(),
  profiles: z.object({
    builtIn: z.number(),
    stored: z.number(),
    byKeyType: z.object({ live: z.number(), team: z.number(), test: z.number() }),
    followingSandbox: z.number(),
    needingKey: z.number(),
  }),
  recentErrors: z.array(z.object({ at: z.string(), message: z.string() })),
  /** All of it as text, to paste into a ticket. */
  text: z.string(),
});
export type Diagnostics = z.infer<typeof diagnostics>;
const notices = z.object({ notices: z.array(consoleNotice) });

export const healthMethods = {
  'app.notices': { input: empty, output: notices },
  'app.diagnostics': { input: empty, output: diagnostics },
  'app.dismissNotice': { input: z.strictObject({ id: z.string().min(1).max(100) }), output: notices },
  /** Moves the embedded sandbox's damaged data folder aside (nothing is deleted) and starts it afresh. */
  'sandbox.moveDataAside': {
    input: empty,
    output: z.object({ movedTo: z.string(), notices: z.array(consoleNotice) }),
  },
} as const;

export const healthEvents = {
  'app.notices': notices,
} as const;
