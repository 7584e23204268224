/**
 * History: a filtered list paged through three pages (Notify gives 250 a page), and the CSV
 * export of what is loaded.
 *
 * The notifications are made straight through the sandbox's API with the demo service's test key,
 * since the "Local sandbox" profile uses that key and Notify lists only notifications made with
 * the same key type. Each test tags its notifications with its own reference and filters by it,
 * so what other tests sent to the same sandbox never shows.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { test, expect } from './fixtures';
import { DEMO_TEMPLATES, demoKey, goTo, sendDirect, sendManyDirect, useProfile } from './helpers';
import type { Page } from '@playwright/test';

/** Parses RFC 4180 CSV (quoted cells, doubled quotes, CRLF) into rows of cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell !== '' || row.length) rows.push([...row, cell]);
  return rows;
}

/** Filters history to text messages with one reference. */
async function filterByReference(page: Page, reference: string): Promise<void> {
  const filters = page.getByRole('form', { name: 'History filters' });
  await filters.getByLabel('Text message').check();
  await filters.getByLabel('Reference', { exact: true }).fill(reference);
  await filters.getByRole('button', { name: 'Apply filters' }).click();
}

test.describe('History', () => {
  test.beforeEach(async ({ page }) => {
    await useProfile(page, 'Local sandbox');
  });

  test('pages through three pages of filtered notifications', async ({ page, server }) => {
    const reference = `history-${randomUUID()}`;
    const total = 520;
    const apiKey = await demoKey(server, 'test');
    const body = {
      phone_number: '07700900123',
      template_id: DEMO_TEMPLATES.smsVerification,
      personalisation: { name: 'Ada', code: '1234' },
      reference,
    };
    const ids = await sendManyDirect(
      server,
      apiKey,
      Array.from({ length: total }, () => body),
    );
    // An email with the same reference, which the type filter leaves out.
    await sendDirect(server, apiKey, 'email', {
      email_address: 'ada@example.gov.uk',
      template_id: DEMO_TEMPLATES.emailWelcome,
      personalisation: { name: 'Ada', 'reference number': 'R1' },
      reference,
    });

    await goTo(page, 'History', 'History');
    await filterByReference(page, reference);

    const count = page.getByTestId('history-count');
    await expect(count).toHaveText(
      `250 notifications loaded, more available · sms · reference “${reference}”`,
    );
    const list = page.getByTestId('history-list');
    await expect(list).toHaveAttribute('aria-rowcount', '251');
    await expect(list.getByTestId('history-row').first()).toContainText(reference);
    await expect(list.getByTestId('history-row').first()).toContainText('07700900123');

    const loadMore = page.getByRole('button', { name: 'Load more' });
    await loadMore.click();
    await expect(count).toHaveText(
      `500 notifications loaded, more available · sms · reference “${reference}”`,
    );
    await loadMore.click();
    await expect(count).toHaveText(
      `${total} notifications loaded, that is all · sms · reference “${reference}”`,
    );
    await expect(loadMore).toBeDisabled();
    await expect(list).toHaveAttribute('aria-rowcount', String(total + 1));

    // Newest first: the end of the list is the first notification made.
    await list.focus();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Notification status' })).toBeVisible();
    await expect(page.getByTestId('notification-detail')).toContainText(ids[0]!);
  });

  test('exports the loaded rows as CSV with quoting and a formula guard', async ({ page, server }) => {
    const tag = randomUUID().slice(0, 8);
    // A reference is the user's own text: here a spreadsheet formula with a comma and quotes.
    const reference = `=SUM(1,2) csv-${tag} "quoted"`;
    const apiKey = await demoKey(server, 'test');
    const [id] = await sendManyDirect(server, apiKey, [
      {
        phone_number: '07700900123',
        template_id: DEMO_TEMPLATES.smsVerification,
        personalisation: { name: 'Ada', code: '42' },
        reference,
      },
    ]);

    await goTo(page, 'History', 'History');
    await filterByReference(page, reference);
    await expect(page.getByTestId('history-count')).toContainText('1 notification loaded, that is all');

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^notifications-Local-sandbox-[\d-T]+\.csv$/);
    const text = await readFile((await download.path())!, 'utf8');

    const lines = text.split('\r\n');
    expect(lines[0]).toBe(
      'id,reference,type,status,recipient,template_id,template_version,created_at,sent_at,completed_at,cost_in_pounds,subject,body',
    );
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    // A cell with a comma or a quote is quoted, its quotes doubled; a formula gets a leading '.
    expect(lines[1]).toContain(`,"'=SUM(1,2) csv-${tag} ""quoted""",sms,`);
    expect(lines[1]).toMatch(/,"Hello Ada, your verification code is 42\. It expires in 10 minutes\."$/);

    const [header, row] = parseCsv(text);
    const cell = (name: string) => row![header!.indexOf(name)];
    expect(row).toHaveLength(header!.length);
    expect(cell('id')).toBe(id);
    expect(cell('reference')).toBe(`'${reference}`);
    expect(cell('type')).toBe('sms');
    expect(cell('recipient')).toBe('07700900123');
    expect(cell('template_id')).toBe(DEMO_TEMPLATES.smsVerification);
    expect(cell('template_version')).toBe('2');
    expect(cell('created_at')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    expect(cell('subject')).toBe('');
    expect(cell('body')).toBe('Hello Ada, your verification code is 42. It expires in 10 minutes.');
    await expect(page.getByTestId('toast').filter({ hasText: 'Exported 1 row to CSV.' })).toBeVisible();
  });
});
