/**
 * Deep links (`notify-console://history`, `notify-console://status/<profile>/<notification id>`) and
 * the single-instance rule they depend on.
 *
 * A link names a screen of the console and its ids, exactly as the renderer's URL fragment does
 * (src-renderer/state/url-route.ts): `notify-console://templates/<id>` opens `#/templates/<id>`. It
 * never carries anything else (no query, no credentials, no percent-encoding), and anything that does
 * not look like a route is ignored: a link is input from any web page or document the user clicks,
 * so it can only choose a screen, and the renderer parses the fragment strictly again.
 *
 * One console runs per user profile (its data folder and key vault are not shared between
 * processes): a second launch hands its link to the first, which focuses its window and opens the
 * screen, and then quits. macOS delivers links through `open-url` instead, before or after ready.
 */

/** The URL scheme registered for the app (build/electron-builder.yml `protocols`). */
const DEEP_LINK_SCHEME = 'notify-console';

const SCREENS_WITHOUT_IDS = new Set(['profiles', 'history', 'support', 'received', 'inspector']);
const SCREENS_WITH_ONE_ID = new Set(['templates', 'send', 'bulk', 'archive']);
const ID_RE = /^[A-Za-z0-9_-]{1,64}$/;
/** Longer than any route the renderer can name (`status/` + 64 + `/` + 36 characters). */
const MAX_LINK_LENGTH = 160;

/**
 * The renderer fragment (`#/history`) a deep link names, or null for anything that is not one.
 * Total: never throws, whatever the input.
 */
function deepLinkToHash(link: unknown): string | null {
  if (typeof link !== 'string' || link.length > MAX_LINK_LENGTH) return null;
  const prefix = `${DEEP_LINK_SCHEME}://`;
  if (link.slice(0, prefix.length).toLowerCase() !== prefix) return null;
  // One trailing slash is what some launchers add (`notify-console://history/`).
  const path = link.slice(prefix.length).replace(/\/$/, '');
  const segments = path.split('/');
  const [screen, ...ids] = segments;
  if (screen === undefined || !ids.every((id) => ID_RE.test(id))) return null;
  const valid =
    (SCREENS_WITHOUT_IDS.has(screen) && ids.length === 0) ||
    (SCREENS_WITH_ONE_ID.has(screen) && ids.length <= 1) ||
    (screen === 'status' && (ids.length === 0 || ids.length === 2));
  return valid ? `#/${segments.join('/')}` : null;
}

/** The first deep link among command-line arguments (Windows and Linux pass the link there). */
function deepLinkInArgv(argv: readonly string[]): string | null {
  for (const arg of argv) {
    const hash = deepLinkToHash(arg);
    if (hash !== null) return hash;
  }
  return null;
}

/** The app URL to load for a fragment: the renderer's own URL with the fragment replaced. */
export function urlWithHash(appUrl: string, hash: string | null): string {
  const base = appUrl.split('#', 1)[0]!;
  return hash === null ? base : `${base}${hash}`;
}

/** The part of Electron's `app` this module uses. */
export interface DeepLinkAppLike {
  requestSingleInstanceLock(): boolean;
  isPackaged: boolean;
  setAsDefaultProtocolClient(protocol: string): boolean;
  on(event: 'second-instance', listener: (event: unknown, argv: string[]) => void): unknown;
  on(event: 'open-url', listener: (event: { preventDefault(): void }, url: string) => void): unknown;
}

interface DeepLinkDeps {
  app: DeepLinkAppLike;
  /** The arguments this process started with (a first launch from a link carries it here). */
  argv: readonly string[];
  /** Brings the console's window forward (creating it if there is none), showing `hash` if given. */
  show(hash: string | null): void;
  log: { warn(message: string): void };
}

interface DeepLinks {
  /** False when another console already runs: this process should quit at once. */
  primary: boolean;
  /** The fragment the first window should open with (a link this process was started with). */
  takeInitialHash(): string | null;
  /** Once the first window exists: later links and second launches go to `show`. */
  ready(): void;
}

/**
 * Takes the single-instance lock and routes links. Call before `ready`: macOS may deliver the link
 * that launched the app (`open-url`) before the app is ready, and it is kept until `ready()`.
 */
export function installDeepLinks({ app, argv, show, log }: DeepLinkDeps): DeepLinks {
  if (!app.requestSingleInstanceLock()) {
    return { primary: false, takeInitialHash: () => null, ready: () => undefined };
  }
  // Installed copies claim the scheme (macOS and Linux also declare it in Info.plist / the .desktop
  // file). An unpackaged run must not: it would point the OS at a development checkout.
  if (app.isPackaged && !app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME)) {
    log.warn(`could not register ${DEEP_LINK_SCHEME}:// links with the operating system`);
  }
  let initial = deepLinkInArgv(argv);
  let isReady = false;
  // Before the first window exists a link is kept for it; after, it goes to that window.
  const route = (hash: string | null): void => {
    if (isReady) show(hash);
    else initial = hash ?? initial;
  };
  app.on('second-instance', (_event, secondArgv) => route(deepLinkInArgv(secondArgv)));
  app.on('open-url', (event, url) => {
    event.preventDefault();
    route(deepLinkToHash(url));
  });
  return {
    primary: true,
    takeInitialHash() {
      const hash = initial;
      initial = null;
      return hash;
    },
    ready() {
      isReady = true;
    },
  };
}
