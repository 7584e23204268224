/**
 * A megabyte-long personalisation value no longer freezes the send screen (issue 8, "Left open"): the
 * preview renders in a Web Worker, so a key pressed while it renders is echoed at once and the page
 * keeps painting; the preview then appears with the value in it. The value is Markdown links, one of
 * the slowest inputs for the email renderer (seconds for a few MB), so the render is long enough to
 * type into. The worker loads under the console's unchanged Content-Security-Policy.
 */
import { test, expect } from './fixtures';
import { chooseTemplate, goTo, useProfile } from './helpers';

/**
 * About 1 MB: `[a](b) ` is a link Notify's Markdown renders, and the slowest per character. Long
 * enough to type into while it renders (a second or more), well inside the 8 s preview limit even on
 * a loaded machine.
 */
const HUGE_NAME = `Ada ${'[a](b) '.repeat(150_000)}end-of-name`;

/** What the page records while the large preview renders (see the test). */
interface Probe {
  probe: {
    frames: Array<[number, boolean]>;
    echoAt: number | null;
    echoPending: boolean | null;
    previewAt: number | null;
  };
}

test.describe('Preview of a large value', () => {
  test.beforeEach(async ({ page }) => {
    await useProfile(page, 'Local sandbox');
    await goTo(page, 'Send', 'Send a message');
  });

  test('typing is echoed while a megabyte-long preview renders, then the preview appears', async ({
    page,
  }) => {
    const cspErrors: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
    });
    await chooseTemplate(page, 'Welcome email (Email)');
    await page.getByLabel('Email address').fill('ada.lovelace@example.gov.uk');
    // An ordinary value renders in the same paint, without a pending state.
    await page.getByLabel('name', { exact: true }).fill('Ada');
    await expect(page.frameLocator('[data-testid="email-preview"]').locator('body')).toContainText(
      'Dear Ada',
    );
    await expect(page.getByTestId('preview-pending')).toHaveCount(0);

    // In the page: every painted frame with whether the preview was still rendering then; when the
    // key pressed into another field was echoed; and when the preview with the value appeared.
    await page.evaluate(() => {
      const w = window as unknown as Probe;
      w.probe = { frames: [], echoAt: null, echoPending: null, previewAt: null };
      const probe = w.probe;
      const pending = () => document.querySelector('[data-testid="preview-pending"]') !== null;
      const tick = (t: number) => {
        probe.frames.push([t, pending()]);
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      document.addEventListener('input', (e) => {
        if ((e.target as HTMLInputElement).value !== 'R') return;
        probe.echoAt = performance.now();
        probe.echoPending = pending();
      });
      new MutationObserver(() => {
        const frame = document.querySelector<HTMLIFrameElement>('[data-testid="email-preview"]');
        if (probe.previewAt === null && frame?.srcdoc.includes('end-of-name'))
          probe.previewAt = performance.now();
      }).observe(document.body, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeFilter: ['srcdoc'],
      });
    });

    await page.getByLabel('name', { exact: true }).fill(HUGE_NAME);
    const reference = page.getByLabel('reference number', { exact: true });
    await reference.press('R');
    await expect(reference).toHaveValue('R');

    const preview = page.frameLocator('[data-testid="email-preview"]').locator('body');
    await expect(preview).toContainText('end-of-name', { timeout: 60_000 });
    await expect(preview).toContainText('Your reference is R');
    await expect(page.getByTestId('preview-pending')).toHaveCount(0);
    await expect(page.getByTestId('preview-too-large')).toHaveCount(0);

    const probe = await page.evaluate(() => (window as unknown as Probe).probe);
    // The key was echoed while the preview was still rendering, before it appeared (inline, the
    // key waits for the whole render and is echoed after it).
    expect(probe.echoAt).not.toBeNull();
    expect(probe.previewAt).not.toBeNull();
    expect(probe.echoAt!).toBeLessThan(probe.previewAt!);
    expect(probe.echoPending).toBe(true);
    // The page kept painting while the preview rendered (inline, the render is one task with no
    // frame inside it). How long the gaps were is printed, not asserted: it depends on the machine.
    const pendingFrames = probe.frames.filter(([, p]) => p).map(([t]) => t);
    expect(pendingFrames.length).toBeGreaterThan(2);
    const renderMs = pendingFrames.at(-1)! - pendingFrames[0]!;
    const gaps = pendingFrames.slice(1).map((t, i) => t - pendingFrames[i]!);
    console.log(
      `preview rendering ${Math.round(renderMs)} ms over ${pendingFrames.length} frames, longest gap ` +
        `${Math.round(Math.max(...gaps))} ms; key echoed ${Math.round(probe.previewAt! - probe.echoAt!)} ms before the preview`,
    );
    expect(cspErrors).toEqual([]);
  });
});
