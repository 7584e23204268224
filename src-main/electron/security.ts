/**
 * The Electron shell's security policies, as pure functions over injected Electron-like objects.
 *
 * Each policy names the item of Electron's security checklist it implements
 * (https://www.electronjs.org/docs/latest/tutorial/security), numbered as on that page. Nothing here
 * imports `electron`, so every policy runs in plain-Node tests: they hand {@link installSecurity} fake
 * objects, fire their events and read the answers, as main.ts hands it the real ones.
 *
 * "The app" is one origin: `app://notify-console`, the privileged scheme that serves the built renderer
 * (checklist 18, ./app-protocol), or in development the electron-vite dev server on loopback. No
 * `file://` URL is ever the app.
 */

import { CSP_DIRECTIVES } from '../host/content-security-policy';

/** A frame as Electron's `WebFrameMain` presents it: enough to tell where a message came from. */
export interface FrameLike {
  readonly url: string;
  readonly parent?: FrameLike | null;
}

/** An Electron event that can be cancelled. */
interface PreventableEventLike {
  preventDefault(): void;
}

export type OpenExternal = (url: string) => Promise<void> | void;

/** Electron's `will-frame-navigate` event: a navigation in any frame, the main one or a subframe. */
interface FrameNavigationEventLike extends PreventableEventLike {
  readonly url: string;
  readonly isMainFrame: boolean;
}

/** The slice of `WebContents` the policies hook into. */
export interface WebContentsLike {
  on(
    event: 'will-navigate' | 'will-redirect' | 'will-attach-webview',
    listener: (event: PreventableEventLike, url: string) => void,
  ): unknown;
  on(event: 'will-frame-navigate', listener: (event: FrameNavigationEventLike) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/** The slice of `app` the policies hook into. */
interface AppLike {
  on(event: 'web-contents-created', listener: (event: unknown, contents: WebContentsLike) => void): unknown;
}

/** Requesting contents as a permission handler sees them. */
interface PermissionContentsLike {
  getURL(): string;
}

interface PermissionDetailsLike {
  requestingUrl?: string;
  isMainFrame?: boolean;
}

export type PermissionRequestHandler = (
  webContents: PermissionContentsLike | null,
  permission: string,
  callback: (granted: boolean) => void,
  details?: PermissionDetailsLike,
) => void;

export type PermissionCheckHandler = (
  webContents: PermissionContentsLike | null,
  permission: string,
  requestingOrigin: string,
  details?: PermissionDetailsLike,
) => boolean;

type ResponseHeaders = Record<string, string[] | string>;

export type HeadersReceivedListener = (
  details: { url: string; responseHeaders?: ResponseHeaders },
  callback: (response: { responseHeaders?: ResponseHeaders }) => void,
) => void;

/** The slice of `Session` the policies hook into. */
interface SessionLike {
  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void;
  setPermissionCheckHandler(handler: PermissionCheckHandler | null): void;
  readonly webRequest: { onHeadersReceived(listener: HeadersReceivedListener | null): void };
}

interface SecurityDeps {
  /** The URL the main window loads (app://notify-console/index.html, or the dev server in development). */
  appUrl: string;
  /** The policy to send with every response: the app's (host/content-security-policy.ts) or the development one. */
  csp: string;
  openExternal: OpenExternal;
}

/**
 * The `webPreferences` of every window.
 *
 * Checklist 2 (no Node integration), 3 (context isolation), 4 (process sandboxing), 6 (keep webSecurity),
 * 8 (no insecure content), 9 (no experimental features), 10 (no enableBlinkFeatures: simply absent),
 * 12 (no `<webview>`). Spellcheck is off because it sends typed text, API keys included, to the OS or a
 * dictionary service.
 */
export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    spellcheck: false,
    navigateOnDragDrop: false,
  } as const;
}

/**
 * The policy while running against the electron-vite dev server (never in a packaged app).
 *
 * The React refresh preamble is an inline module script and HMR talks over a WebSocket to the dev
 * server, so development alone adds `'unsafe-inline'` scripts and that one `ws:` origin.
 */
export function devContentSecurityPolicy(devServerUrl: string): string {
  const { host } = new URL(devServerUrl);
  return CSP_DIRECTIVES.map((d) => {
    if (d.startsWith('script-src')) return `${d} 'unsafe-inline'`;
    if (d.startsWith('connect-src')) return `${d} ws://${host}`;
    return d;
  }).join('; ');
}

function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/** Schemes whose URLs are never the app, even with a host: local files and non-page protocols. */
const NEVER_APP_SCHEMES: ReadonlySet<string> = new Set(['file:', 'ws:', 'wss:', 'ftp:', 'blob:', 'data:']);

/**
 * The origin of a URL that could be the app, or null.
 *
 * http(s) URLs have their usual origin. Node's URL gives every URL of a custom scheme the opaque origin
 * "null", where Chromium gives a standard scheme such as app:// a real (scheme, host, port) one, so that
 * origin is built here, with the host lower-cased as Chromium does. A URL with credentials, with no
 * host (`about:`, `javascript:`, `blob:…`, `data:`) or on a {@link NEVER_APP_SCHEMES} scheme has none.
 */
function appOriginOf(url: URL): string | null {
  if (url.username !== '' || url.password !== '') return null;
  if (url.protocol === 'http:' || url.protocol === 'https:') return url.origin;
  if (NEVER_APP_SCHEMES.has(url.protocol) || url.hostname === '') return null;
  return `${url.protocol}//${url.host.toLowerCase()}`;
}

/**
 * Whether `url` is the app itself: the same origin as `appUrl`, any path, query or fragment.
 *
 * `appUrl` is what `rendererTarget` chose: `app://notify-console/index.html` or the loopback dev server.
 * A `file://` appUrl makes nothing the app. Credentials in a URL never match.
 */
function isAppUrl(url: string, appUrl: string): boolean {
  const candidate = parseUrl(url);
  const app = parseUrl(appUrl);
  if (candidate === null || app === null) return false;
  const appOrigin = appOriginOf(app);
  return appOrigin !== null && appOriginOf(candidate) === appOrigin;
}

/**
 * Whether the main frame may navigate to `url` (checklist 13: disable or limit navigation).
 *
 * The console is a single page, so the only navigation it needs is to itself (a reload or a route).
 */
function isAllowedNavigation(url: string, appUrl: string): boolean {
  return isAppUrl(url, appUrl);
}

/** Where a subframe may go: the previews' own documents, never a page of the web or a local file. */
const SUBFRAME_SCHEMES: ReadonlySet<string> = new Set(['blob:', 'data:']);
const SUBFRAME_ABOUT_PAGES: ReadonlySet<string> = new Set(['about:blank', 'about:srcdoc']);

/**
 * Whether a frame may navigate to `url` (checklist 13, for every frame: `will-navigate` sees only
 * the main frame).
 *
 * The main frame follows {@link isAllowedNavigation}. A subframe (a template or letter preview) may
 * load only what the CSP's `frame-src` allows, `blob:` and `data:` documents, and `about:blank` or
 * `about:srcdoc`: a link clicked inside a rendered email cannot turn the preview into a web page,
 * another app:// page or a file.
 */
function isAllowedFrameNavigation(url: string, isMainFrame: boolean, appUrl: string): boolean {
  if (isMainFrame) return isAllowedNavigation(url, appUrl);
  if (SUBFRAME_ABOUT_PAGES.has(url)) return true;
  const parsed = parseUrl(url);
  return parsed !== null && SUBFRAME_SCHEMES.has(parsed.protocol);
}

/**
 * Whether a URL may be handed to the OS to open (checklist 15: no `openExternal` with untrusted content).
 *
 * Only `https:` without credentials: never `file:`, `smb:`, custom schemes or `javascript:`, which the OS
 * would happily run or mount.
 */
export function isSafeExternalUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return parsed !== null && parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '';
}

/**
 * The window-open handler (checklist 14: disable or limit creation of new windows).
 *
 * No page ever gets a new Electron window. An `https:` link (Notify's documentation, say) opens in the
 * user's browser through `openExternal`; anything else is dropped.
 */
function windowOpenHandler(openExternal: OpenExternal): (details: { url: string }) => { action: 'deny' } {
  return ({ url }) => {
    if (isSafeExternalUrl(url)) void Promise.resolve(openExternal(url)).catch(() => undefined);
    return { action: 'deny' };
  };
}

/**
 * Permissions the app's own page may be granted; everything else, for everyone, is denied.
 *
 * Only writing to the clipboard (`navigator.clipboard.writeText` for the copy buttons on ids, keys' last
 * four and code snippets). Reading the clipboard, camera, notifications, geolocation… are all denied.
 */
const APP_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

function isAppPermission(
  contents: PermissionContentsLike | null,
  permission: string,
  details: PermissionDetailsLike | undefined,
  appUrl: string,
): boolean {
  if (!APP_PERMISSIONS.has(permission) || contents === null || details?.isMainFrame !== true) return false;
  const requestingUrl = details.requestingUrl ?? contents.getURL();
  return isAppUrl(requestingUrl, appUrl) && isAppUrl(contents.getURL(), appUrl);
}

/**
 * The session's permission-request handler (checklist 5: handle permission requests).
 *
 * Denies every request, except clipboard writes from the app's own top-level page.
 */
function permissionRequestHandler(appUrl: string): PermissionRequestHandler {
  return (contents, permission, callback, details) =>
    callback(isAppPermission(contents, permission, details, appUrl));
}

/** The matching permission-check handler (checklist 5): Chromium checks before it requests. */
function permissionCheckHandler(appUrl: string): PermissionCheckHandler {
  return (contents, permission, _origin, details) => isAppPermission(contents, permission, details, appUrl);
}

/**
 * Whether an IPC message's sender may call the core (checklist 17: validate the sender of all IPC messages).
 *
 * Only the top-level frame of the app: not a subframe (a template preview), not a page the window was
 * somehow navigated to, not a frame that has gone away (`null`).
 */
export function isTrustedSender(frame: FrameLike | null | undefined, mainFrameUrl: string): boolean {
  if (frame === null || frame === undefined) return false;
  if (frame.parent !== null && frame.parent !== undefined) return false;
  return isAppUrl(frame.url, mainFrameUrl);
}

/**
 * Response headers with our CSP in place of any the server sent (checklist 7, as an HTTP header).
 *
 * Header names are matched case-insensitively so a server's `content-security-policy` cannot sit
 * beside ours and loosen nothing but confuse everything.
 */
function withContentSecurityPolicy(
  headers: ResponseHeaders | undefined,
  csp: string,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') continue;
    out[name] = Array.isArray(value) ? value : [value];
  }
  out['Content-Security-Policy'] = [csp];
  return out;
}

/**
 * Hooks navigation, redirects, webviews and window creation of one `WebContents`.
 *
 * Checklist 12 (no `<webview>` may attach), 13 (navigation of the main frame and of every subframe),
 * 14 (new windows), 15 (external links).
 */
function hardenWebContents(
  contents: WebContentsLike,
  deps: Pick<SecurityDeps, 'appUrl' | 'openExternal'>,
): void {
  contents.on('will-navigate', (event, url) => {
    if (isAllowedNavigation(url, deps.appUrl)) return;
    event.preventDefault();
    // A plain <a href="https://…"> in the page: the user meant to read it, in their browser.
    if (isSafeExternalUrl(url)) void Promise.resolve(deps.openExternal(url)).catch(() => undefined);
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAllowedFrameNavigation(event.url, event.isMainFrame, deps.appUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url, deps.appUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(windowOpenHandler(deps.openExternal));
}

/**
 * Installs every policy: on the session, on `contents` if given, and on every `WebContents` created later.
 *
 * Call it once the app is ready and before the first window is created, so no page ever runs unhardened.
 */
export function installSecurity(
  app: AppLike,
  session: SessionLike,
  contents: WebContentsLike | null,
  deps: SecurityDeps,
): void {
  const hardened = new WeakSet<WebContentsLike>();
  const harden = (c: WebContentsLike): void => {
    if (hardened.has(c)) return;
    hardened.add(c);
    hardenWebContents(c, deps);
  };
  session.setPermissionRequestHandler(permissionRequestHandler(deps.appUrl));
  session.setPermissionCheckHandler(permissionCheckHandler(deps.appUrl));
  session.webRequest.onHeadersReceived((details, callback) =>
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders, deps.csp) }),
  );
  app.on('web-contents-created', (_event, created) => harden(created));
  if (contents !== null) harden(contents);
}
