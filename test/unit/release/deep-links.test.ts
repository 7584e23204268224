/**
 * notify-console:// links and the single-instance rule, with a fake Electron `app`: a link can only
 * choose a screen of the console, a second launch hands its link to the first, and macOS's early
 * `open-url` is kept for the first window.
 */
import fc from 'fast-check';
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { installDeepLinks, urlWithHash, type DeepLinkAppLike } from '../../../src-main/electron/deep-links';

const NOTIFICATION = '740e5834-3a29-46b4-9a6f-16142fde533a';
const TEMPLATE = 'f33517ff-2a88-4f6e-b855-c550268ce08a';

class FakeApp extends EventEmitter implements DeepLinkAppLike {
  registered: string[] = [];
  constructor(
    private readonly lock: boolean,
    public isPackaged = true,
    private readonly registers = true,
  ) {
    super();
  }
  requestSingleInstanceLock(): boolean {
    return this.lock;
  }
  setAsDefaultProtocolClient(protocol: string): boolean {
    this.registered.push(protocol);
    return this.registers;
  }
}

function setUp(app: FakeApp, argv: string[] = ['/opt/Notify Console/notify-console']) {
  const shown: (string | null)[] = [];
  const warnings: string[] = [];
  const links = installDeepLinks({
    app,
    argv,
    show: (hash) => shown.push(hash),
    log: { warn: (m) => warnings.push(m) },
  });
  return { links, shown, warnings };
}
const openUrl = (app: FakeApp, url: unknown) => {
  let prevented = false;
  app.emit('open-url', { preventDefault: () => (prevented = true) }, url);
  return prevented;
};

/**
 * The screen a link opens, by both ways it reaches the console: on the command line of a first launch
 * (Windows, Linux) and through macOS's `open-url` before the window exists. Both must agree.
 */
function screenFor(link: string): string | null {
  const launched = setUp(new FakeApp(true), ['/opt/Notify Console/notify-console', link]).links;
  const fromArgv = launched.takeInitialHash();
  expect(openedOnMac(link)).toBe(fromArgv);
  return fromArgv;
}

/** The screen macOS's `open-url` opens for any value Electron hands over (a string, in practice). */
function openedOnMac(link: unknown): string | null {
  const app = new FakeApp(true);
  const { links } = setUp(app);
  expect(openUrl(app, link)).toBe(true);
  return links.takeInitialHash();
}

describe('deep links', () => {
  it('turn a link into the screen’s fragment, as the renderer names screens', () => {
    expect(screenFor('notify-console://history')).toBe('#/history');
    expect(screenFor('notify-console://history/')).toBe('#/history');
    expect(screenFor('NOTIFY-CONSOLE://support')).toBe('#/support');
    expect(screenFor(`notify-console://templates/${TEMPLATE}`)).toBe(`#/templates/${TEMPLATE}`);
    expect(screenFor(`notify-console://send/${TEMPLATE}`)).toBe(`#/send/${TEMPLATE}`);
    expect(screenFor(`notify-console://bulk/${TEMPLATE}`)).toBe(`#/bulk/${TEMPLATE}`);
    expect(screenFor('notify-console://bulk')).toBe('#/bulk');
    expect(screenFor(`notify-console://archive/${TEMPLATE}`)).toBe(`#/archive/${TEMPLATE}`);
    expect(screenFor('notify-console://archive')).toBe('#/archive');
    expect(screenFor(`notify-console://status/sandbox-test/${NOTIFICATION}`)).toBe(
      `#/status/sandbox-test/${NOTIFICATION}`,
    );
  });

  it.each([
    'https://example.com/history',
    'notify-console:history',
    'notify-console://',
    'notify-console://settings',
    'notify-console://history/extra',
    `notify-console://status/${NOTIFICATION}`,
    'notify-console://templates/a/b',
    'notify-console://history?token=abc',
    'notify-console://history#/send',
    'notify-console://user:pass@history',
    'notify-console://%68istory',
    'notify-console://status/../../etc/passwd',
    'notify-console://status//x',
    `notify-console://status/${'p'.repeat(65)}/${NOTIFICATION}`,
    `notify-console://history${'/'.repeat(200)}`,
    ' notify-console://history',
  ])('refuse %s', (link) => {
    expect(screenFor(link)).toBeNull();
  });

  it('never throw, and only ever yield a fragment of letters, digits, - _ and /', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string().map((s) => `notify-console://${s}`),
        ),
        (input) => {
          const hash = screenFor(input);
          return hash === null || (/^#\/[A-Za-z0-9_/-]+$/.test(hash) && hash.length < 120);
        },
      ),
    );
    for (const odd of [undefined, null, 42, {}, ['notify-console://history']])
      expect(openedOnMac(odd)).toBeNull();
  });

  it('find the link among command-line arguments (Windows and Linux pass it there)', () => {
    const launch = (argv: string[]) => setUp(new FakeApp(true), argv).links.takeInitialHash();
    expect(launch(['C:\\App\\notify-console.exe', '--flag', 'notify-console://received'])).toBe('#/received');
    expect(launch(['/usr/bin/notify-console', 'notify-console://bogus', '--x'])).toBeNull();
    // The first link among several wins.
    expect(
      launch(['x', 'notify-console://bogus', 'notify-console://history', 'notify-console://support']),
    ).toBe('#/history');
  });

  it('replace only the fragment of the app URL', () => {
    expect(urlWithHash('app://notify-console/index.html', '#/history')).toBe(
      'app://notify-console/index.html#/history',
    );
    expect(urlWithHash('app://notify-console/index.html#/send', '#/history')).toBe(
      'app://notify-console/index.html#/history',
    );
    expect(urlWithHash('app://notify-console/index.html#/send', null)).toBe(
      'app://notify-console/index.html',
    );
  });

  describe('single instance', () => {
    it('a second launch gets no lock, registers nothing and is told to quit', () => {
      const app = new FakeApp(false);
      const { links } = setUp(app, ['x', 'notify-console://history']);
      expect(links.primary).toBe(false);
      expect(links.takeInitialHash()).toBeNull();
      expect(app.registered).toEqual([]);
      expect(app.listenerCount('second-instance')).toBe(0);
    });

    it('the first launch opens on the link it was started with, once', () => {
      const { links } = setUp(new FakeApp(true), ['x', 'notify-console://inspector']);
      expect(links.primary).toBe(true);
      expect(links.takeInitialHash()).toBe('#/inspector');
      expect(links.takeInitialHash()).toBeNull();
    });

    it('a later launch’s link goes to the running window; one without a link just focuses it', () => {
      const app = new FakeApp(true);
      const { links, shown } = setUp(app);
      links.ready();
      app.emit('second-instance', {}, ['x', 'notify-console://history']);
      app.emit('second-instance', {}, ['x']);
      app.emit('second-instance', {}, ['x', 'notify-console://history?steal=1']);
      expect(shown).toEqual(['#/history', null, null]);
    });

    it('macOS open-url before the window exists opens the first window there; after, goes to it', () => {
      const app = new FakeApp(true);
      const { links, shown } = setUp(app);
      expect(openUrl(app, 'notify-console://received')).toBe(true);
      expect(shown).toEqual([]);
      expect(links.takeInitialHash()).toBe('#/received');
      links.ready();
      openUrl(app, 'notify-console://support');
      expect(shown).toEqual(['#/support']);
    });

    it('a second launch before the first window exists is not lost', () => {
      const app = new FakeApp(true);
      const { links } = setUp(app);
      app.emit('second-instance', {}, ['x', 'notify-console://history']);
      expect(links.takeInitialHash()).toBe('#/history');
    });
  });

  describe('registering the scheme', () => {
    it('an installed copy claims notify-console:// with the OS', () => {
      const app = new FakeApp(true, true);
      setUp(app);
      expect(app.registered).toEqual(['notify-console']);
    });

    it('an unpackaged run (a development checkout) does not', () => {
      const app = new FakeApp(true, false);
      setUp(app);
      expect(app.registered).toEqual([]);
    });

    it('a refusal by the OS is logged, and links still work inside the app', () => {
      const app = new FakeApp(true, true, false);
      const { warnings, links, shown } = setUp(app);
      expect(warnings).toEqual(['could not register notify-console:// links with the operating system']);
      links.ready();
      app.emit('second-instance', {}, ['x', 'notify-console://profiles']);
      expect(shown).toEqual(['#/profiles']);
    });
  });
});
