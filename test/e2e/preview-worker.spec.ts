/**
 * A multi-MB personalisation value no longer freezes the send screen (issue 8, "Left open"): the
 * preview renders in a Web Worker, so a key pressed while it renders is echoed at once and the page
 * keeps painting; the preview then appears with the value in it. The value is Markdown links, one of
 * the slowest inputs for the email renderer (seconds for a few MB), so the render is long enough to
 * type into. The worker loads under the console's unchanged Content-Security-Policy.
 */
import { test, expect } from './fixtures';
import { chooseTemplate, goTo, useProfile } from './helpers';

/** About 3 MB: `[a](b) ` is a link Notify's Markdown renders, and the slowest per character. */
const HUGE_NAME = `Ada ${'[a](b) '.repeat(450_000)}end-of-name`;

test.describe('Preview of a large value', () => {
  test.beforeEach(async ({ page }) => {
    await useProfile(page, 'Local sandbox');
    await goTo(page, 'Send', 'Send a message');
  });

  test('typing is echoed while a multi-MB preview renders, then the preview appears', async ({ page }) => {
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

    // Every painted frame from here on, with whether the preview was still rendering then; and, for
    // the key pressed into another field, whether the preview was still rendering when it was echoed.
    await page.evaluate(() => {
      const w = window as unknown as { frames_: Array<[number, boolean]>; echo_: boolean[] };
      w.frames_ = [];
      w.echo_ = [];
      const pending = () => document.querySelector('[data-testid="preview-pending"]') !== null;
      const tick = (t: number) => {
        w.frames_.push([t, pending()]);
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      document.addEventListener('input', (e) => {
        if ((e.target as HTMLInputElement).value === 'R') w.echo_.push(pending());
      });
    });

    await page.getByLabel('name', { exact: true }).fill(HUGE_NAME);
    await expect(page.getByTestId('preview-pending')).toBeVisible();
    const reference = page.getByLabel('reference number', { exact: true });
    await reference.press('R');
    await expect(reference).toHaveValue('R');

    const preview = page.frameLocator('[data-testid="email-preview"]').locator('body');
    await expect(preview).toContainText('end-of-name', { timeout: 60_000 });
    await expect(preview).toContainText('Your reference is R');
    await expect(page.getByTestId('preview-pending')).toHaveCount(0);
    await expect(page.getByTestId('preview-too-large')).toHaveCount(0);

    const { frames, echo } = await page.evaluate(() => {
      const w = window as unknown as { frames_: Array<[number, boolean]>; echo_: boolean[] };
      return { frames: w.frames_, echo: w.echo_ };
    });
    // The key was echoed while the preview was still rendering, not after it.
    expect(echo).toEqual([true]);
    // The page kept painting while the preview rendered: no gap between frames came near the whole
    // render's length (inline, the render is one task as long as all of it, with no frame inside).
    const pendingFrames = frames.filter(([, p]) => p).map(([t]) => t);
    expect(pendingFrames.length).toBeGreaterThan(2);
    const renderMs = pendingFrames.at(-1)! - pendingFrames[0]!;
    const gaps = pendingFrames.slice(1).map((t, i) => t - pendingFrames[i]!);
    expect(Math.max(...gaps)).toBeLessThan(renderMs / 2);
    expect(cspErrors).toEqual([]);
  });
});
