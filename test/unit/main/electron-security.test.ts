import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { BRIDGE_GLOBAL, IPC_CHANNELS } from '../../../src-main/contract/channels';
import type { EventName } from '../../../src-main/contract/methods';
import type { Result } from '../../../src-main/contract/result';
import type { CallContext, RpcEndpoint } from '../../../src-main/rpc/dispatch';
import { APP_INDEX_URL } from '../../../src-main/electron/app-protocol';
import {
  mainWindowOptions,
  quitsWhenAllWindowsClosed,
  rendererTarget,
  userDataOverride,
} from '../../../src-main/electron/app-policy';
import {
  registerIpc,
  type IpcInvokeEventLike,
  type WindowLike,
} from '../../../src-main/electron/ipc-transport';
import { buildMenuTemplate } from '../../../src-main/electron/menu';
import { createBridge } from '../../../src-main/preload/bridge';
import {
  safeStorageAdapter,
  type ElectronSafeStorageLike,
} from '../../../src-main/electron/safe-storage-adapter';
import {
  CONTENT_SECURITY_POLICY,
  CONTENT_SECURITY_POLICY_META,
} from '../../../src-main/host/content-security-policy';
import {
  devContentSecurityPolicy,
  installSecurity,
  isSafeExternalUrl,
  isTrustedSender,
  secureWebPreferences,
  type FrameLike,
  type HeadersReceivedListener,
  type OpenExternal,
  type PermissionCheckHandler,
  type PermissionRequestHandler,
  type WebContentsLike,
} from '../../../src-main/electron/security';

const fakes = vi.hoisted(() => {
  const exposed: { key: string; api: unknown }[] = [];
  const listeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>();
  const invoked: { channel: string; args: unknown[] }[] = [];
  return {
    exposed,
    listeners,
    invoked,
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => void exposed.push({ key, api }) },
    ipcRenderer: {
      invoke: async (channel: string, ...args: unknown[]) => {
        invoked.push({ channel, args });
        return { ok: true, value: 'answer' };
      },
      on: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => {
        const set = listeners.get(channel) ?? new Set();
        set.add(listener);
        listeners.set(channel, set);
      },
      removeListener: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => {
        listeners.get(channel)?.delete(listener);
      },
      // Present on the real ipcRenderer; the bridge must never hand it out.
      send: () => undefined,
      sendSync: () => undefined,
    },
  };
});

// The real module is aliased to one that throws; the preload gets these fakes instead.
vi.mock('electron', () => ({ contextBridge: fakes.contextBridge, ipcRenderer: fakes.ipcRenderer }));

const APP_URL = APP_INDEX_URL;
/** Where the renderer used to load from: a file:// URL is never the app now. */
const FILE_URL = pathToFileURL('/opt/Notify Console/resources/app.asar/out/renderer/index.html').href;
const DEV_URL = 'http://localhost:5173/';

/** A WebContents stand-in that records its listeners so a test can fire them. */
function fakeContents() {
  type Listener = (event: any, url: string) => void;
  const listeners = new Map<string, Listener[]>();
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
  const contents: WebContentsLike = {
    on(event: string, listener: Listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return contents;
    },
    setWindowOpenHandler(handler) {
      openHandler = handler;
    },
  };
  const fire = (event: string, url = ''): boolean => {
    let prevented = false;
    for (const l of listeners.get(event) ?? []) l({ preventDefault: () => (prevented = true) }, url);
    return prevented;
  };
  /** Fires Electron's `will-frame-navigate`, whose one argument carries the URL and frame kind. */
  const fireFrame = (url: string, isMainFrame: boolean): boolean => {
    let prevented = false;
    for (const l of listeners.get('will-frame-navigate') ?? [])
      l({ url, isMainFrame, preventDefault: () => (prevented = true) }, url);
    return prevented;
  };
  return { contents, listeners, fire, fireFrame, openHandler: () => openHandler };
}

type ResponseHeaders = Record<string, string[] | string>;

/**
 * installSecurity as main.ts calls it, over a fake app, session and main window: what it hooked, and
 * helpers that answer as Electron would ask (a permission request, a response's headers).
 */
function installed(
  appUrl = APP_URL,
  options: { csp?: string; openExternal?: OpenExternal; withContents?: boolean } = {},
) {
  // A given opener is passed as it is: a vi.fn would handle the promises it returns.
  const openExternal = vi.fn<OpenExternal>(() => undefined);
  let created: ((event: unknown, contents: WebContentsLike) => void) | undefined;
  const app = {
    on: vi.fn(
      (_e: 'web-contents-created', l: (event: unknown, contents: WebContentsLike) => void) => (created = l),
    ),
  };
  let headers: HeadersReceivedListener | null = null;
  let requestHandler: PermissionRequestHandler | null = null;
  let checkHandler: PermissionCheckHandler | null = null;
  const session = {
    setPermissionRequestHandler: (h: PermissionRequestHandler | null) => void (requestHandler = h),
    setPermissionCheckHandler: (h: PermissionCheckHandler | null) => void (checkHandler = h),
    webRequest: { onHeadersReceived: (l: HeadersReceivedListener | null) => void (headers = l) },
  };
  const main = fakeContents();
  installSecurity(app, session, options.withContents === false ? null : main.contents, {
    appUrl,
    csp: options.csp ?? CONTENT_SECURITY_POLICY,
    openExternal: options.openExternal ?? openExternal,
  });
  return {
    openExternal,
    main,
    created: (c: WebContentsLike) => created?.({}, c),
    headers: () => headers,
    requestHandler: () => requestHandler,
    checkHandler: () => checkHandler,
    /** The session's permission-request handler's answer; it must answer at once. */
    request(
      contents: Parameters<PermissionRequestHandler>[0],
      permission: string,
      details?: Parameters<PermissionRequestHandler>[3],
    ): boolean {
      if (requestHandler === null) throw new Error('no permission-request handler');
      let granted: boolean | undefined;
      requestHandler(contents, permission, (g) => (granted = g), details);
      if (granted === undefined) throw new Error('handler never answered');
      return granted;
    },
    /** The session's permission-check handler's answer. */
    check(...args: Parameters<PermissionCheckHandler>): boolean {
      if (checkHandler === null) throw new Error('no permission-check handler');
      return checkHandler(...args);
    },
    /** The headers a response goes on with, after the session's onHeadersReceived listener. */
    responseHeaders(responseHeaders: ResponseHeaders | undefined): ResponseHeaders | undefined {
      if (headers === null) throw new Error('no onHeadersReceived listener');
      let response: { responseHeaders?: ResponseHeaders } | undefined;
      headers(
        responseHeaders === undefined ? { url: APP_URL } : { url: APP_URL, responseHeaders },
        (r) => (response = r),
      );
      if (response === undefined) throw new Error('listener never answered');
      return response.responseHeaders;
    },
  };
}

describe('secureWebPreferences (checklist 2, 3, 4, 6, 8, 9, 12)', () => {
  it('locks every option down and sets the preload', () => {
    expect(secureWebPreferences('/app/preload.cjs')).toMatchObject({
      preload: '/app/preload.cjs',
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
    });
  });

  it('never enables Blink features', () => {
    expect(secureWebPreferences('/p')).not.toHaveProperty('enableBlinkFeatures');
  });

  it('is what the main window uses', () => {
    expect(mainWindowOptions('/p').webPreferences).toEqual(secureWebPreferences('/p'));
    expect(mainWindowOptions('/p').show).toBe(false);
  });
});

describe('Content Security Policy (checklist 7)', () => {
  it.each([
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    'frame-src blob: data:',
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ])('contains %s', (directive) => {
    expect(CONTENT_SECURITY_POLICY.split('; ')).toContain(directive);
  });

  it('never allows inline or evaluated scripts', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
  });

  it('drops only frame-ancestors from the meta version (browsers ignore it there)', () => {
    // What electron.vite.config.ts writes into the built index.html's <meta http-equiv> tag.
    expect(CONTENT_SECURITY_POLICY_META).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: blob:; frame-src blob: data:; connect-src 'self'; object-src 'none'; " +
        "base-uri 'none'; form-action 'none'",
    );
    expect(CONTENT_SECURITY_POLICY.split('; ').filter((d) => !d.startsWith('frame-ancestors'))).toEqual(
      CONTENT_SECURITY_POLICY_META.split('; '),
    );
  });

  it('loosens development only for the refresh preamble and the HMR socket', () => {
    const dev = devContentSecurityPolicy('http://localhost:5173/');
    expect(dev).toContain("script-src 'self' 'unsafe-inline'");
    expect(dev).toContain("connect-src 'self' ws://localhost:5173");
    expect(dev).toContain("object-src 'none'");
    expect(dev).not.toContain('unsafe-eval');
  });

  it('replaces any CSP a server sent, whatever its case, and keeps other headers', () => {
    const out = installed().responseHeaders({
      'content-security-policy': ['default-src *'],
      'Content-Type': 'text/html',
      'X-Thing': ['a', 'b'],
    });
    expect(out).toEqual({
      'Content-Type': ['text/html'],
      'X-Thing': ['a', 'b'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
    // The policy main.ts passes (the dev server's in development), on a response without headers too.
    expect(installed(APP_URL, { csp: 'x' }).responseHeaders(undefined)).toEqual({
      'Content-Security-Policy': ['x'],
    });
  });
});

describe('subframe navigation (checklist 13, every frame: will-frame-navigate)', () => {
  it('lets a subframe load no web page, whatever the URL (property)', () => {
    const { main, openExternal } = installed();
    fc.assert(
      fc.property(
        fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.string()),
        (url) => {
          const prevented = main.fireFrame(url, false);
          const expected = /^(blob|data):/i.test(url) || url === 'about:blank' || url === 'about:srcdoc';
          expect(prevented).toBe(!expected);
        },
      ),
    );
    expect(openExternal).not.toHaveBeenCalled();
  });
});

describe('main-frame navigation (checklist 13: will-navigate, will-redirect, will-frame-navigate)', () => {
  it.each<[string, string, boolean]>([
    [APP_URL, APP_URL, true],
    [`${APP_URL}#/history`, APP_URL, true],
    [`${APP_URL}?profile=1`, APP_URL, true],
    ['app://notify-console/', APP_URL, true],
    ['app://notify-console/assets/index.js', APP_URL, true],
    ['APP://NOTIFY-CONSOLE/index.html', APP_URL, true],
    ['app://evil/index.html', APP_URL, false],
    ['app://notify-console.evil/index.html', APP_URL, false],
    ['app://notify-console:8080/index.html', APP_URL, false],
    ['app://user:pass@notify-console/index.html', APP_URL, false],
    ['app:notify-console/index.html', APP_URL, false],
    ['other://notify-console/index.html', APP_URL, false],
    ['blob:app://notify-console/0b7e-4c1a', APP_URL, false],
    [FILE_URL, APP_URL, false],
    [FILE_URL, FILE_URL, false],
    [`${FILE_URL}#/history`, FILE_URL, false],
    ['file:///etc/passwd', APP_URL, false],
    ['file://notify-console/index.html', APP_URL, false],
    [APP_URL, FILE_URL, false],
    ['https://evil.example/', APP_URL, false],
    ['https://docs.notifications.service.gov.uk/', APP_URL, false],
    ['javascript:alert(1)', APP_URL, false],
    ['data:text/html,<h1>x</h1>', APP_URL, false],
    ['about:blank', APP_URL, false],
    ['devtools://devtools/bundled/inspector.html', APP_URL, false],
    ['not a url', APP_URL, false],
    [DEV_URL, DEV_URL, true],
    ['http://localhost:5173/src/main.tsx', DEV_URL, true],
    ['http://localhost:5174/', DEV_URL, false],
    ['https://localhost:5173/', DEV_URL, false],
    ['http://127.0.0.1:5173/', DEV_URL, false],
    ['http://user:pass@localhost:5173/', DEV_URL, false],
    [DEV_URL, APP_URL, false],
    [APP_URL, DEV_URL, false],
    [APP_URL, 'chrome://settings', false],
  ])('%s from app %s → %s', (url, app, allowed) => {
    const { main } = installed(app);
    expect(main.fire('will-navigate', url)).toBe(!allowed);
    expect(main.fire('will-redirect', url)).toBe(!allowed);
    expect(main.fireFrame(url, true)).toBe(!allowed);
  });
});

describe('new windows (checklist 14, 15: the window-open handler)', () => {
  it.each<[string, boolean]>([
    ['https://docs.notifications.service.gov.uk/rest-api.html', true],
    ['http://example.com/', false],
    ['file:///etc/passwd', false],
    ['smb://server/share', false],
    ['javascript:alert(1)', false],
    ['ms-msdt:/id', false],
    ['https://user:pass@example.com/', false],
    [APP_URL, false],
    [FILE_URL, false],
    ['nonsense', false],
  ])('denies a window for %s and opens it externally: %s', (url, external) => {
    const { main, openExternal } = installed();
    expect(main.openHandler()?.({ url })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledTimes(external ? 1 : 0);
    if (external) expect(openExternal).toHaveBeenCalledWith(url);
    expect(isSafeExternalUrl(url)).toBe(external);
  });

  it('survives an opener that rejects, from a new window or a link, leaving no unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const record = (reason: unknown): void => void unhandled.push(reason);
    process.on('unhandledRejection', record);
    try {
      let opened = 0;
      const { main } = installed(APP_URL, {
        openExternal: () => {
          opened += 1;
          return Promise.reject(new Error('no browser'));
        },
      });
      expect(main.openHandler()?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
      expect(main.fire('will-navigate', 'https://example.com/')).toBe(true);
      // Node reports an unhandled rejection once the microtasks have run: wait a macrotask.
      await new Promise((resolve) => setImmediate(resolve));
      expect(opened).toBe(2);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', record);
    }
  });
});

describe('permission handlers (checklist 5)', () => {
  const contents = (url: string) => ({ getURL: () => url });

  it.each([
    'media',
    'geolocation',
    'notifications',
    'midi',
    'midiSysex',
    'pointerLock',
    'fullscreen',
    'openExternal',
    'clipboard-read',
    'display-capture',
    'hid',
    'serial',
    'usb',
    'idle-detection',
    'window-management',
    'storage-access',
    'unknown',
  ])('denies %s even to the app itself', (permission) => {
    const details = { isMainFrame: true, requestingUrl: APP_URL };
    const origin = 'app://notify-console';
    const session = installed();
    expect(session.request(contents(APP_URL), permission, details)).toBe(false);
    expect(session.check(contents(APP_URL), permission, origin, details)).toBe(false);
  });

  it.each<
    [
      string,
      ReturnType<typeof contents> | null,
      { isMainFrame?: boolean; requestingUrl?: string } | undefined,
      boolean,
    ]
  >([
    ['the app’s top frame', contents(APP_URL), { isMainFrame: true, requestingUrl: APP_URL }, true],
    [
      'a subframe of the app',
      contents(APP_URL),
      { isMainFrame: false, requestingUrl: 'blob:app://notify-console/x' },
      false,
    ],
    [
      'a subframe at the app’s own URL',
      contents(APP_URL),
      { isMainFrame: false, requestingUrl: APP_URL },
      false,
    ],
    ['a frame of unknown kind', contents(APP_URL), { requestingUrl: APP_URL }, false],
    ['a file:// page', contents(FILE_URL), { isMainFrame: true, requestingUrl: FILE_URL }, false],
    [
      'a file:// page claiming to be the app',
      contents(FILE_URL),
      { isMainFrame: true, requestingUrl: APP_URL },
      false,
    ],
    [
      'another app:// host',
      contents('app://evil/index.html'),
      { isMainFrame: true, requestingUrl: 'app://evil/index.html' },
      false,
    ],
    [
      'another page',
      contents('https://evil.example/'),
      { isMainFrame: true, requestingUrl: 'https://evil.example/' },
      false,
    ],
    [
      'a forged requesting URL',
      contents('https://evil.example/'),
      { isMainFrame: true, requestingUrl: APP_URL },
      false,
    ],
    ['no contents', null, { isMainFrame: true, requestingUrl: APP_URL }, false],
    ['no details', contents(APP_URL), undefined, false],
  ])('allows clipboard writes only from the app’s top frame: %s → %s', (_name, c, details, allowed) => {
    const session = installed();
    expect(session.request(c, 'clipboard-sanitized-write', details)).toBe(allowed);
    expect(session.check(c, 'clipboard-sanitized-write', '', details)).toBe(allowed);
  });
});

describe('isTrustedSender (checklist 17)', () => {
  const top = (url: string): FrameLike => ({ url, parent: null });
  it.each<[string, FrameLike | null | undefined, string, boolean]>([
    ['the app’s top frame', top(APP_URL), APP_URL, true],
    ['the app’s top frame on another route', top(`${APP_URL}#/send`), APP_URL, true],
    ['a subframe at the app’s URL', { url: APP_URL, parent: top(APP_URL) }, APP_URL, false],
    [
      'a blob: preview subframe',
      { url: 'blob:app://notify-console/abc', parent: top(APP_URL) },
      APP_URL,
      false,
    ],
    ['a data: subframe', { url: 'data:text/html,x', parent: top(APP_URL) }, APP_URL, false],
    ['another origin', top('https://evil.example/'), APP_URL, false],
    ['another local file', top('file:///tmp/evil.html'), APP_URL, false],
    ['the built index.html as a file:// URL', top(FILE_URL), APP_URL, false],
    ['a file:// page when the app URL is one', top(FILE_URL), FILE_URL, false],
    ['another app:// host', top('app://evil/index.html'), APP_URL, false],
    ['about:blank', top('about:blank'), APP_URL, false],
    ['a disposed frame', null, APP_URL, false],
    ['no frame', undefined, APP_URL, false],
    ['the dev server', top('http://localhost:5173/'), DEV_URL, true],
    ['another dev port', top('http://localhost:5174/'), DEV_URL, false],
    ['a frame without a parent field', { url: APP_URL }, APP_URL, true],
  ])('%s → %s', (_name, frame, app, trusted) => {
    expect(isTrustedSender(frame, app)).toBe(trusted);
  });
});

describe('installSecurity', () => {
  it('sets deny-by-default permission handlers on the session', () => {
    const s = installed();
    let granted: boolean | undefined;
    s.requestHandler()?.({ getURL: () => APP_URL }, 'media', (g) => (granted = g), { isMainFrame: true });
    expect(granted).toBe(false);
    expect(s.checkHandler()?.({ getURL: () => APP_URL }, 'geolocation', '', { isMainFrame: true })).toBe(
      false,
    );
  });

  it('puts the CSP on every response', () => {
    const s = installed();
    let response: { responseHeaders?: Record<string, string[] | string> } | undefined;
    s.headers()?.(
      { url: DEV_URL, responseHeaders: { 'Content-Security-Policy': ['default-src *'] } },
      (r) => (response = r),
    );
    expect(response?.responseHeaders).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });

  it('hardens the given contents: navigation, redirects, webviews, new windows', () => {
    const { main, openExternal } = installed();
    expect(main.fire('will-navigate', `${APP_URL}#/x`)).toBe(false);
    expect(main.fire('will-navigate', 'https://docs.notifications.service.gov.uk/')).toBe(true);
    expect(openExternal).toHaveBeenCalledWith('https://docs.notifications.service.gov.uk/');
    expect(main.fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(main.fire('will-navigate', FILE_URL)).toBe(true);
    expect(main.fire('will-navigate', 'app://evil/index.html')).toBe(true);
    expect(main.fire('will-navigate', 'http://evil.example/')).toBe(true);
    expect(openExternal).toHaveBeenCalledTimes(1);
    expect(main.fire('will-redirect', 'https://evil.example/')).toBe(true);
    expect(main.fire('will-redirect', APP_URL)).toBe(false);
    expect(main.fire('will-redirect', FILE_URL)).toBe(true);
    expect(openExternal).toHaveBeenCalledTimes(1);
    expect(main.fire('will-attach-webview')).toBe(true);
    expect(main.openHandler()?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('guards every frame’s navigation (will-frame-navigate): previews stay previews', () => {
    const { main, openExternal } = installed();
    // The main frame: only the app, as will-navigate.
    expect(main.fireFrame(`${APP_URL}#/history`, true)).toBe(false);
    expect(main.fireFrame('https://evil.example/', true)).toBe(true);
    expect(main.fireFrame(FILE_URL, true)).toBe(true);
    // A preview frame: its blob:/data: document and about:blank, nothing else.
    expect(main.fireFrame('blob:app://notify-console/5b1f0c8e-0000-4000-8000-000000000000', false)).toBe(
      false,
    );
    expect(main.fireFrame('data:text/html;base64,PHA+aGk8L3A+', false)).toBe(false);
    expect(main.fireFrame('about:blank', false)).toBe(false);
    expect(main.fireFrame('about:srcdoc', false)).toBe(false);
    for (const url of [
      'https://www.gov.uk/',
      'http://127.0.0.1:6011/_sandbox/info',
      APP_URL,
      'app://evil/index.html',
      FILE_URL,
      'file:///etc/passwd',
      'javascript:alert(1)',
      'about:config',
      'not a url',
    ])
      expect(main.fireFrame(url, false), url).toBe(true);
    // Blocking a frame never opens anything in the user's browser.
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('hardens every WebContents created later, once each', () => {
    const s = installed(APP_URL, { withContents: false });
    const later = fakeContents();
    s.created(later.contents);
    s.created(later.contents);
    expect(later.listeners.get('will-navigate')).toHaveLength(1);
    expect(later.listeners.get('will-frame-navigate')).toHaveLength(1);
    expect(later.fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(later.openHandler()).toBeTypeOf('function');
  });
});

/** An endpoint that records calls and lets the test emit events. */
function fakeEndpoint(behaviour: 'answer' | 'throw' = 'answer') {
  const calls: { method: unknown; input: unknown; ctx: CallContext }[] = [];
  const listeners = new Set<(name: EventName, payload: unknown) => void>();
  const endpoint: RpcEndpoint = {
    async call(method, input, ctx): Promise<Result<unknown>> {
      calls.push({ method, input, ctx });
      if (behaviour === 'throw') throw new Error('boom at /secret/path.ts:1:1');
      return { ok: true, value: { method } };
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    endpoint,
    calls,
    listeners,
    emit: (n: EventName, p: unknown) => listeners.forEach((l) => l(n, p)),
  };
}

function fakeIpcMain() {
  const handlers = new Map<string, (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown>>();
  return {
    handlers,
    handle: (channel: string, l: (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown>) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, l);
    },
    removeHandler: (channel: string) => void handlers.delete(channel),
  };
}

function fakeWindow(url: string, options: { destroyed?: boolean; failSend?: boolean } = {}) {
  const sent: { channel: string; args: unknown[] }[] = [];
  const win: WindowLike = {
    isDestroyed: () => options.destroyed ?? false,
    webContents: {
      isDestroyed: () => options.destroyed ?? false,
      mainFrame: { url, parent: null },
      send: (channel, ...args) => {
        if (options.failSend) throw new Error('Render frame was disposed');
        sent.push({ channel, args });
      },
    },
  };
  return { win, sent };
}

describe('registerIpc', () => {
  const trusted = (frame: FrameLike | null | undefined) => isTrustedSender(frame, APP_URL);

  function setup(behaviour: 'answer' | 'throw' = 'answer', windows: WindowLike[] = []) {
    const ipcMain = fakeIpcMain();
    const fake = fakeEndpoint(behaviour);
    const dispose = registerIpc(ipcMain, fake.endpoint, {
      isTrustedSender: trusted,
      getWindows: () => windows,
    });
    const invoke = (frame: FrameLike | null, request: unknown) => {
      const handler = ipcMain.handlers.get(IPC_CHANNELS.call);
      if (!handler) throw new Error('no handler');
      return handler({ senderFrame: frame }, request);
    };
    return { ipcMain, fake, dispose, invoke };
  }

  it('registers exactly one invoke channel', () => {
    const { ipcMain } = setup();
    expect([...ipcMain.handlers.keys()]).toEqual(['notify-console:call']);
  });

  it('carries a trusted call to the endpoint with the ipc transport', async () => {
    const { fake, invoke } = setup();
    expect(await invoke({ url: APP_URL, parent: null }, { method: 'app.status', input: {} })).toEqual({
      ok: true,
      value: { method: 'app.status' },
    });
    expect(fake.calls).toEqual([{ method: 'app.status', input: {}, ctx: { transport: 'ipc' } }]);
  });

  it.each<[string, FrameLike | null]>([
    ['a subframe', { url: APP_URL, parent: { url: APP_URL, parent: null } }],
    ['another origin', { url: 'https://evil.example/', parent: null }],
    ['a file:// page', { url: FILE_URL, parent: null }],
    ['a disposed frame', null],
  ])('refuses %s without calling the endpoint', async (_name, frame) => {
    const { fake, invoke } = setup();
    expect(await invoke(frame, { method: 'profiles.export', input: {} })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(fake.calls).toHaveLength(0);
  });

  it('refuses when reading the sender frame throws', async () => {
    const { ipcMain, fake } = setup();
    const event = {
      get senderFrame(): FrameLike | null {
        throw new Error('Object has been destroyed');
      },
    };
    expect(await ipcMain.handlers.get(IPC_CHANNELS.call)?.(event, { method: 'app.status' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(fake.calls).toHaveLength(0);
  });

  it.each([null, 'app.status', ['app.status'], { input: {} }, { method: 7 }, { method: 'm'.repeat(65) }])(
    'refuses the malformed request %j',
    async (request) => {
      const { fake, invoke } = setup();
      expect(await invoke({ url: APP_URL, parent: null }, request)).toMatchObject({
        ok: false,
        error: { code: 'bad-request' },
      });
      expect(fake.calls).toHaveLength(0);
    },
  );

  it('turns an endpoint that throws into an internal error without its message', async () => {
    const { invoke } = setup('throw');
    const result = (await invoke(
      { url: APP_URL, parent: null },
      { method: 'app.status' },
    )) as Result<unknown>;
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('secret');
  });

  it('sends events only to windows showing the app, on one channel', () => {
    const good = fakeWindow(APP_URL);
    const alsoGood = fakeWindow(`${APP_URL}#/history`);
    const foreign = fakeWindow('https://evil.example/');
    const local = fakeWindow(FILE_URL);
    const gone = fakeWindow(APP_URL, { destroyed: true });
    const broken = fakeWindow(APP_URL, { failSend: true });
    const { fake } = setup('answer', [broken.win, good.win, foreign.win, local.win, gone.win, alsoGood.win]);
    fake.emit('vault.changed', { locked: false });
    const message = {
      channel: 'notify-console:event',
      args: [{ name: 'vault.changed', payload: { locked: false } }],
    };
    expect(good.sent).toEqual([message]);
    expect(alsoGood.sent).toEqual([message]);
    expect(foreign.sent).toEqual([]);
    expect(local.sent).toEqual([]);
    expect(gone.sent).toEqual([]);
  });

  it('stops serving and forwarding when disposed', () => {
    const { ipcMain, fake, dispose } = setup();
    expect(fake.listeners.size).toBe(1);
    dispose();
    expect(ipcMain.handlers.size).toBe(0);
    expect(fake.listeners.size).toBe(0);
  });
});

describe('preload', () => {
  it('exposes notifyConsole with call and onEvent only, and no IPC object', async () => {
    await import('../../../src-main/preload/preload');
    expect(fakes.exposed).toHaveLength(1);
    const [{ key, api }] = fakes.exposed as [{ key: string; api: Record<string, unknown> }];
    expect(key).toBe(BRIDGE_GLOBAL);
    expect(key).toBe('notifyConsole');
    expect(Object.keys(api).sort()).toEqual(['call', 'onEvent']);
    expect(Object.values(api).every((v) => typeof v === 'function')).toBe(true);
    expect(Object.values(api)).not.toContain(fakes.ipcRenderer);
  });

  it('invokes the one call channel with { method, input }', async () => {
    const bridge = createBridge(fakes.ipcRenderer);
    fakes.invoked.length = 0;
    await expect(bridge.call('app.status', { a: 1 })).resolves.toEqual({ ok: true, value: 'answer' });
    expect(fakes.invoked).toEqual([
      { channel: 'notify-console:call', args: [{ method: 'app.status', input: { a: 1 } }] },
    ]);
    await expect(bridge.call(42 as unknown as string)).rejects.toThrow(TypeError);
    expect(fakes.invoked).toHaveLength(1);
  });

  it('passes events without the IPC event object and unsubscribes', async () => {
    const bridge = createBridge(fakes.ipcRenderer);
    const received: unknown[][] = [];
    const before = fakes.listeners.get(IPC_CHANNELS.event)?.size ?? 0;
    const off = bridge.onEvent((...args: unknown[]) => received.push(args));
    const ipcEvent = { sender: fakes.ipcRenderer, ports: [] };
    for (const l of fakes.listeners.get(IPC_CHANNELS.event) ?? [])
      l(ipcEvent, { name: 'vault.changed', payload: { locked: true } });
    expect(received).toEqual([[{ name: 'vault.changed', payload: { locked: true } }]]);
    expect(JSON.stringify(received)).not.toContain('sender');
    off();
    expect(fakes.listeners.get(IPC_CHANNELS.event)?.size ?? 0).toBe(before);
    expect(() => bridge.onEvent('nope' as never)).toThrow(TypeError);
  });

  it('keeps delivering to other listeners when one throws', async () => {
    const bridge = createBridge(fakes.ipcRenderer);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const seen: unknown[] = [];
    const offA = bridge.onEvent(() => {
      throw new Error('page bug');
    });
    const offB = bridge.onEvent((e) => seen.push(e));
    for (const l of fakes.listeners.get(IPC_CHANNELS.event) ?? [])
      l({}, { name: 'vault.changed', payload: {} });
    expect(seen).toHaveLength(1);
    expect(error).toHaveBeenCalledOnce();
    offA();
    offB();
    error.mockRestore();
  });
});

describe('safeStorageAdapter', () => {
  /** Methods on a prototype that use `this`, like Electron's native binding. */
  class FakeSafeStorage {
    private readonly prefix = 'enc:';
    isEncryptionAvailable(): boolean {
      return this.prefix === 'enc:';
    }
    encryptString(plain: string): Buffer {
      return Buffer.from(this.prefix + plain);
    }
    decryptString(buf: Buffer): string {
      return buf.toString().slice(this.prefix.length);
    }
    getSelectedStorageBackend(): 'gnome_libsecret' {
      return this.prefix ? 'gnome_libsecret' : 'gnome_libsecret';
    }
    async isAsyncEncryptionAvailable(): Promise<boolean> {
      return this.isEncryptionAvailable();
    }
    async encryptStringAsync(plain: string): Promise<Buffer> {
      return this.encryptString(plain);
    }
    async decryptStringAsync(buf: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }> {
      return { result: this.decryptString(buf), shouldReEncrypt: false };
    }
  }

  it('passes every method through as a plain object, bound to safeStorage', async () => {
    const adapted = safeStorageAdapter(new FakeSafeStorage(), 'linux');
    expect(Object.keys(adapted).sort()).toEqual([
      'decryptString',
      'decryptStringAsync',
      'encryptString',
      'encryptStringAsync',
      'getSelectedStorageBackend',
      'isAsyncEncryptionAvailable',
      'isEncryptionAvailable',
    ]);
    const { encryptString, decryptString, isEncryptionAvailable } = adapted;
    expect(isEncryptionAvailable()).toBe(true);
    expect(decryptString(encryptString('key'))).toBe('key');
    expect(adapted.getSelectedStorageBackend?.()).toBe('gnome_libsecret');
    const encrypted = await adapted.encryptStringAsync?.('async');
    expect(encrypted && (await adapted.decryptStringAsync?.(encrypted))).toEqual({
      result: 'async',
      shouldReEncrypt: false,
    });
    expect(await adapted.isAsyncEncryptionAvailable?.()).toBe(true);
  });

  it.each<NodeJS.Platform>(['darwin', 'win32'])(
    'offers the storage backend on Linux only (%s)',
    (platform) => {
      expect(safeStorageAdapter(new FakeSafeStorage(), platform)).not.toHaveProperty(
        'getSelectedStorageBackend',
      );
    },
  );

  it('leaves out the async API where Electron lacks it, or has only half', () => {
    const syncOnly: ElectronSafeStorageLike = {
      isEncryptionAvailable: () => true,
      encryptString: (p) => Buffer.from(p),
      decryptString: (b) => b.toString(),
    };
    expect(Object.keys(safeStorageAdapter(syncOnly, 'linux')).sort()).toEqual([
      'decryptString',
      'encryptString',
      'isEncryptionAvailable',
    ]);
    const half = { ...syncOnly, encryptStringAsync: async (p: string) => Buffer.from(p) };
    expect(safeStorageAdapter(half, 'darwin')).not.toHaveProperty('encryptStringAsync');
  });
});

describe('application menu', () => {
  type Item = { role?: string; label?: string; submenu?: Item[]; click?: () => void };
  const roles = (items: Item[]): (string | undefined)[] => items.map((i) => i.role ?? i.label);
  const view = (items: Item[]): Item[] => items.find((i) => i.label === 'View')?.submenu ?? [];

  it('has File, Edit, View, Window, Help, and the app menu on macOS', () => {
    const openExternal = vi.fn();
    expect(roles(buildMenuTemplate({ platform: 'linux', isPackaged: true, openExternal }) as Item[])).toEqual(
      ['fileMenu', 'editMenu', 'View', 'windowMenu', 'help'],
    );
    expect(
      roles(buildMenuTemplate({ platform: 'darwin', isPackaged: true, openExternal }) as Item[])[0],
    ).toBe('appMenu');
  });

  it('offers reload and devtools only when not packaged', () => {
    const openExternal = vi.fn();
    const packaged = roles(
      view(buildMenuTemplate({ platform: 'win32', isPackaged: true, openExternal }) as Item[]),
    );
    const dev = roles(
      view(buildMenuTemplate({ platform: 'win32', isPackaged: false, openExternal }) as Item[]),
    );
    for (const role of ['reload', 'forceReload', 'toggleDevTools']) {
      expect(packaged).not.toContain(role);
      expect(dev).toContain(role);
    }
    expect(packaged).toContain('zoomIn');
  });

  it('opens Notify’s https documentation externally from Help', () => {
    const openExternal = vi.fn(async () => undefined);
    const help = (buildMenuTemplate({ platform: 'linux', isPackaged: true, openExternal }) as Item[]).find(
      (i) => i.role === 'help',
    );
    const item = help?.submenu?.find((i) => i.label === 'Notify API documentation');
    item?.click?.();
    // Notify's API reference, on the service's own documentation site.
    const docs = 'https://docs.notifications.service.gov.uk/rest-api.html';
    expect(openExternal).toHaveBeenCalledWith(docs);
    expect(isSafeExternalUrl(docs)).toBe(true);
  });
});

describe('app policy', () => {
  it.each<[string, boolean, string | undefined, string]>([
    ['the built renderer when packaged', true, 'http://localhost:5173/', APP_URL],
    ['the dev server when unpackaged', false, 'http://localhost:5173/', 'http://localhost:5173/'],
    ['the dev server on 127.0.0.1', false, 'http://127.0.0.1:5173', 'http://127.0.0.1:5173/'],
    ['the built renderer for a non-loopback dev URL', false, 'http://evil.example:5173/', APP_URL],
    ['the built renderer for a file: dev URL', false, 'file:///tmp/evil.html', APP_URL],
    ['the built renderer for an app: dev URL', false, 'app://notify-console/evil.html', APP_URL],
    ['the built renderer for garbage', false, 'not a url', APP_URL],
    ['the built renderer without a dev URL', false, undefined, APP_URL],
  ])('loads %s', (_name, isPackaged, devServerUrl, url) => {
    const target = rendererTarget({ isPackaged, devServerUrl });
    expect(target.url).toBe(url);
    expect(target.dev).toBe(url !== APP_URL);
    expect(target.csp).toBe(target.dev ? devContentSecurityPolicy(url) : CONTENT_SECURITY_POLICY);
  });

  it('loads the built renderer from app://notify-console, never from file://', () => {
    const { url } = rendererTarget({ isPackaged: true, devServerUrl: undefined });
    expect(url).toBe('app://notify-console/index.html');
    expect(installed(url).main.fire('will-navigate', url)).toBe(false);
    expect(isTrustedSender({ url, parent: null }, url)).toBe(true);
  });

  it.each<[boolean, string | undefined, string | null]>([
    [false, '/tmp/nc-test', '/tmp/nc-test'],
    [true, '/tmp/nc-test', null],
    [false, 'relative/dir', null],
    [false, undefined, null],
  ])('userDataOverride(packaged=%s, %s) → %s', (isPackaged, dir, expected) => {
    expect(userDataOverride(isPackaged, { NOTIFY_CONSOLE_USER_DATA_DIR: dir })).toBe(expected);
  });

  it('keeps running with no window on macOS only', () => {
    expect(quitsWhenAllWindowsClosed('darwin')).toBe(false);
    expect(quitsWhenAllWindowsClosed('linux')).toBe(true);
    expect(quitsWhenAllWindowsClosed('win32')).toBe(true);
  });
});
