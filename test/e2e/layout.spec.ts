/**
 * Layout at common window sizes (issue 9.9): every screen at 1280×720, 1440×900 and 1920×1080,
 * with a screenshot of each in test-results/layout/ to look at. What must hold: nothing runs off
 * the side, the add-profile dialog keeps Save and Test connection in view, and the request
 * inspector uses the full width with its times on one line.
 */
import { expect, type Page } from '@playwright/test';
import { ownConsoleTest } from './fixtures';
import { chooseTemplate, goTo, sendVerificationSms } from './helpers';

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
] as const;

/** Lines a cell's text takes, counted from its line boxes. */
const linesOf = (page: Page, testId: string) =>
  page.getByTestId(testId).evaluateAll((cells) =>
    cells.map((cell) => {
      const range = document.createRange();
      range.selectNodeContents(cell);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    }),
  );

/** Words broken inside a short cell ("Text messa ge"), and cell content that runs into the next column. */
const brokenCells = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('td, th')].flatMap((cell) => {
      const edge = cell.getBoundingClientRect().right;
      const over = [...cell.querySelectorAll('*')]
        .filter((el) => el.getBoundingClientRect().width > 0 && el.getBoundingClientRect().right > edge + 1)
        .map((el) => `"${(el.textContent ?? '').trim().slice(0, 40)}" runs into the next column`);
      // In a notification table only the long free-text columns may break inside a word.
      if (!cell.closest('.notification-table') || cell.classList.contains('notification-table__long'))
        return over;
      const split: string[] = [];
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (const m of text.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          if (tops.size > 1) split.push(`"${m[0]}" is broken across lines`);
        }
      }
      return [...over, ...split];
    }),
  );

async function shoot(page: Page, name: string, size: { width: number; height: number }) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `${name} runs off the side at ${size.width}×${size.height}`).toBeLessThanOrEqual(0);
  expect(
    await brokenCells(page),
    `${name}: cells broken or overlapping at ${size.width}×${size.height}`,
  ).toEqual([]);
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(page.getByRole('heading', { level: 1 })).toBeInViewport();
  await page.screenshot({ path: `test-results/layout/${size.width}x${size.height}-${name}.png` });
}

for (const size of SIZES) {
  const test = ownConsoleTest({ viewport: size });

  test(`every screen at ${size.width}×${size.height}`, async ({ page }) => {
    const id = await sendVerificationSms(page);
    await shoot(page, 'send', size);

    await goTo(page, 'Profiles', 'Profiles');
    await shoot(page, 'profiles', size);
    await page.getByRole('main').getByRole('button', { name: 'Add a profile' }).click();
    const form = page.getByRole('form', { name: 'Add a profile' });
    await expect(form.getByRole('button', { name: 'Save profile' })).toBeInViewport();
    await expect(form.getByRole('button', { name: 'Test connection' })).toBeInViewport();
    await page.screenshot({ path: `test-results/layout/${size.width}x${size.height}-add-profile.png` });
    // Scrolled to the top field, the actions are still in view.
    await form.getByLabel('Name', { exact: true }).focus();
    await expect(form.getByRole('button', { name: 'Save profile' })).toBeInViewport();
    await page.keyboard.press('Escape');
    await expect(form).toBeHidden();

    await goTo(page, 'Templates', 'Templates');
    await shoot(page, 'templates', size);

    await goTo(page, 'Send', 'Send a message');
    await chooseTemplate(page, 'Appointment letter (Letter)');
    await shoot(page, 'send-letter', size);

    await page.goto(`${page.url().split('#')[0]}#/status/sandbox-test/${id}`);
    await expect(page.getByTestId('notification-detail')).toContainText(id);
    await shoot(page, 'status', size);

    await goTo(page, 'History', 'History');
    await expect(page.getByTestId('history-row').first()).toBeVisible();
    await shoot(page, 'history', size);

    await goTo(page, 'Support', 'Support');
    await page.getByLabel('Notification id or reference').fill(id);
    await page.getByRole('button', { name: 'Search all profiles' }).click();
    await expect(page.getByText('Found 1 notification')).toBeVisible();
    await shoot(page, 'support', size);

    await goTo(page, 'Received texts', 'Received text messages');
    await shoot(page, 'received', size);

    await goTo(page, 'Inspector', 'Request inspector');
    const list = page.getByTestId('inspector-list');
    await expect(list).toBeVisible();
    const main = await page.locator('#main').boundingBox();
    const table = await list.boundingBox();
    expect(table!.width, 'the inspector list uses the width it has').toBeGreaterThan(main!.width * 0.85);
    expect(await linesOf(page, 'inspector-time')).toEqual(expect.arrayContaining([1]));
    expect(
      (await linesOf(page, 'inspector-time')).every((n) => n === 1),
      'times on one line',
    ).toBe(true);
    await page.getByTestId('inspector-row').first().getByRole('button').click();
    await expect(page.getByTestId('inspector-detail')).toBeVisible();
    expect(
      (await linesOf(page, 'inspector-time')).every((n) => n === 1),
      'times on one line beside the detail',
    ).toBe(true);
    await shoot(page, 'inspector', size);

    await goTo(page, 'Sandbox', 'Sandbox');
    await expect(page.getByTestId('sandbox-key').first()).toBeVisible();
    await shoot(page, 'sandbox', size);
    await page.getByRole('tab', { name: 'Faults' }).click();
    await page.getByRole('button', { name: '429 rate limit' }).click();
    await expect(page.getByTestId('active-fault')).toHaveCount(1);
    await shoot(page, 'sandbox-faults', size);
  });
}
