/**
 * Presentation mode: one toggle masks every recipient, personalisation value, rendered body and
 * subject, and reference, on every screen, while statuses stay readable; it survives a reload and
 * turning it off brings the text back.
 *
 * "Masked" is checked on the DOM, not on pixels: every element whose own text (or field value)
 * holds a known secret must be inside a `data-sensitive` element and have transparent text; no
 * attribute (a tooltip, a label) may repeat the secret; and frames showing content are hidden.
 */
import { randomUUID } from 'node:crypto';
import { test, expect } from './fixtures';
import type { ConsoleServer } from './fixtures';
import {
  chooseTemplate,
  DEMO_SERVICE_ID,
  DEMO_TEMPLATES,
  demoKey,
  goTo,
  sandboxControl,
  sendDirect,
  useProfile,
} from './helpers';
import type { Page } from '@playwright/test';

const TRANSPARENT = 'rgba(0, 0, 0, 0)';

interface MaskReport {
  /** Elements (or fields) found holding a secret. */
  found: number;
  /** What holds a secret unmasked, described for the failure message. */
  exposed: string[];
  /** Frames showing content that are not hidden. */
  visibleFrames: number;
}

/** Looks through the page for each secret and reports where it is not masked. */
async function maskReport(page: Page, secrets: readonly string[]): Promise<MaskReport> {
  return page.evaluate((secrets) => {
    const report = { found: 0, exposed: [] as string[], visibleFrames: 0 };
    const describe = (el: Element, why: string) =>
      `${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[${el.getAttribute('data-testid')}]` : ''}: ${why}`;
    const masked = (el: Element) =>
      el.closest('[data-sensitive]') !== null && getComputedStyle(el).color === 'rgba(0, 0, 0, 0)';
    for (const el of document.body.querySelectorAll('*')) {
      for (const attr of el.getAttributeNames()) {
        const value = el.getAttribute(attr) ?? '';
        // A field's value and a frame's document are checked below (masked field, hidden frame).
        if (attr === 'value' || attr === 'srcdoc') continue;
        if (secrets.some((s) => value.includes(s))) report.exposed.push(describe(el, `attribute ${attr}`));
      }
      if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) {
        if (secrets.some((s) => el.value.includes(s))) {
          report.found++;
          if (!masked(el)) report.exposed.push(describe(el, `field value “${el.value}”`));
        }
        continue;
      }
      // The element's own text: its text nodes, not its children's.
      const own = [...el.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent ?? '')
        .join('');
      if (secrets.some((s) => own.includes(s))) {
        report.found++;
        if (!masked(el)) report.exposed.push(describe(el, `text “${own.trim().slice(0, 80)}”`));
      }
    }
    for (const frame of document.querySelectorAll('iframe')) {
      if (getComputedStyle(frame).visibility !== 'hidden') report.visibleFrames++;
    }
    return report;
  }, secrets);
}

/** Every element holding a secret is masked; `min` of them at least were found on this screen. */
async function expectMasked(page: Page, secrets: readonly string[], where: string, min = 1): Promise<void> {
  await expect
    .poll(async () => (await maskReport(page, secrets)).found, { message: `secrets shown on ${where}` })
    .toBeGreaterThanOrEqual(min);
  const report = await maskReport(page, secrets);
  expect(report.exposed, `unmasked personal data on ${where}`).toEqual([]);
  expect(report.visibleFrames, `content frames visible on ${where}`).toBe(0);
}

/** Statuses stay readable: at least one status tag, none of them transparent. */
async function expectStatusesVisible(page: Page, where: string): Promise<void> {
  const colours = await page
    .locator('main .status')
    .evaluateAll((els) =>
      els.map((el) => (el.closest('[data-sensitive]') ? 'masked' : getComputedStyle(el).color)),
    );
  expect(colours.length, `statuses on ${where}`).toBeGreaterThan(0);
  for (const c of colours) expect(c, `a status on ${where}`).not.toMatch(/masked|rgba\(0, 0, 0, 0\)/);
}

const randomWord = () =>
  randomUUID()
    .replace(/[^a-f]/g, '')
    .slice(0, 8)
    .replace(/^./, (c) => c.toUpperCase());

async function seed(server: ConsoleServer) {
  const key = await demoKey(server, 'test');
  const sms = {
    phone: '07700900456',
    reference: `present-sms-${randomUUID()}`,
    name: `Zed${randomWord()}`,
    code: `Q${randomWord()}`,
  };
  const email = {
    address: `presenter.${randomWord().toLowerCase()}@example.gov.uk`,
    reference: `present-email-${randomUUID()}`,
    name: `Yara${randomWord()}`,
    ref: `REF-${randomWord()}`,
  };
  const sent = await sendDirect(server, key, 'sms', {
    phone_number: sms.phone,
    template_id: DEMO_TEMPLATES.smsVerification,
    personalisation: { name: sms.name, code: sms.code },
    reference: sms.reference,
  });
  await sendDirect(server, key, 'email', {
    email_address: email.address,
    template_id: DEMO_TEMPLATES.emailWelcome,
    personalisation: { name: email.name, 'reference number': email.ref },
    reference: email.reference,
  });
  const inbound = { number: '447700900765', content: `Reply from ${randomWord()} ${randomUUID()}` };
  await sandboxControl(server, 'POST', `services/${DEMO_SERVICE_ID}/inbound`, {
    user_number: inbound.number,
    content: inbound.content,
  });
  return { smsId: sent.id, sms, email, inbound };
}

async function turnOn(page: Page): Promise<void> {
  const toggle = page.getByRole('button', { name: 'Presentation mode' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('presenting-indicator')).toHaveText('Presenting — personal data hidden');
  await expect(page.locator('html')).toHaveAttribute('data-presenting', '');
}

test.describe('Presentation mode', () => {
  test.beforeEach(async ({ page }) => {
    await useProfile(page, 'Local sandbox');
  });

  test('masks personal data on every screen, keeps statuses, and survives a reload', async ({
    page,
    server,
  }) => {
    const { smsId, sms, email, inbound } = await seed(server);
    const secrets = [
      sms.phone,
      sms.reference,
      sms.name,
      sms.code,
      email.address,
      email.reference,
      email.name,
      email.ref,
    ];
    await turnOn(page);

    // History: recipients and references in the rows; statuses still readable.
    await goTo(page, 'History', 'History');
    await expect(page.getByTestId('history-row').filter({ hasText: sms.reference })).toHaveCount(1);
    await expect(page.getByTestId('history-row').filter({ hasText: email.reference })).toHaveCount(1);
    await expectMasked(page, secrets, 'History', 4);
    await expectStatusesVisible(page, 'History');

    // The toggle survives a reload.
    await page.reload();
    await expect(page.getByRole('button', { name: 'Presentation mode' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expect(page.getByTestId('presenting-indicator')).toBeVisible();
    await expect(page.getByTestId('history-row').filter({ hasText: sms.reference })).toHaveCount(1);
    await expectMasked(page, secrets, 'History after a reload', 4);

    // A reference filter: the field and the filter description in the toolbar.
    const filters = page.getByRole('form', { name: 'History filters' });
    await filters.getByLabel('Reference', { exact: true }).fill(sms.reference);
    await filters.getByRole('button', { name: 'Apply filters' }).click();
    // Screen readers get "hidden" after the (aria-hidden) value.
    await expect(page.getByTestId('history-count')).toContainText(`reference “${sms.reference}hidden”`);
    await expect(page.getByTestId('history-row')).toHaveCount(1);
    await expectMasked(page, secrets, 'History filtered by reference', 4);

    // The status screen: heading, reference, body and raw JSON; the callback payload too.
    await page.getByTestId('history-row').filter({ hasText: sms.reference }).click();
    const detail = page.getByTestId('notification-detail');
    await expect(detail).toContainText(smsId);
    await expect(page.getByTestId('notification-json')).toContainText(sms.reference);
    await expectMasked(page, secrets, 'the status screen', 4);
    await expectStatusesVisible(page, 'the status screen');
    await expect(detail.getByRole('definition').filter({ hasText: smsId })).toBeVisible();
    // The panel is still named by its heading, without the recipient: "Text message to hidden".
    await expect(page.getByRole('article', { name: 'Text message to hidden' })).toBeVisible();
    await detail.getByRole('tab', { name: 'Callback payload' }).click();
    await expect(page.getByTestId('callback-payload')).toContainText(sms.reference);
    await expectMasked(page, secrets, 'the callback payload', 3);

    // Support: the search box and the results.
    await goTo(page, 'Support', 'Support');
    const form = page.getByRole('form', { name: 'Find a notification in every profile' });
    await form.getByLabel('Notification id or reference').fill(email.reference);
    await form.getByRole('button', { name: 'Search all profiles' }).click();
    await expect(page.getByTestId('lookup-result')).toHaveCount(1);
    await expectMasked(page, secrets, 'Support lookup', 3);
    await expectStatusesVisible(page, 'Support lookup');

    // Received texts: the sender's number and the message.
    await goTo(page, 'Received texts', 'Received text messages');
    await expect(page.getByTestId('received-row').filter({ hasText: inbound.content })).toHaveCount(1);
    await expectMasked(page, [inbound.number, inbound.content], 'Received texts', 2);

    // Send: what is typed, and the previews it renders.
    await goTo(page, 'Send', 'Send a message');
    await chooseTemplate(page, 'Verification code (Text message)');
    await page.getByLabel('Phone number').fill(sms.phone);
    await page.getByLabel('name', { exact: true }).fill(sms.name);
    await page.getByLabel('code', { exact: true }).fill(sms.code);
    await page.getByLabel('Reference (optional)').fill(sms.reference);
    await expect(page.getByTestId('sms-preview')).toContainText(sms.code);
    await expectMasked(page, secrets, 'Send (text message)', 5);
    await chooseTemplate(page, 'Welcome email (Email)');
    await page.getByLabel('Email address').fill(email.address);
    await page.getByLabel('name', { exact: true }).fill(email.name);
    await page.getByLabel('reference number', { exact: true }).fill(email.ref);
    await expect(page.getByTestId('email-subject')).toContainText(email.name);
    await expect(page.getByTestId('sensitive-frame-label').first()).toHaveText('Hidden in presentation mode');
    await expectMasked(page, secrets, 'Send (email)', 4);

    // Inspector: the lookup's request URL carries the reference.
    await goTo(page, 'Inspector', 'Request inspector');
    const row = page.getByTestId('inspector-row').filter({ hasText: email.reference });
    await expect(row.first()).toBeVisible();
    await row.first().getByRole('button').click();
    await expect(page.getByTestId('inspector-detail')).toContainText(email.reference);
    await expectMasked(page, secrets, 'the Inspector', 2);

    // Screen readers hear "hidden", not the value.
    const cell = row.first().locator('[data-sensitive]');
    await expect(cell.getByText('hidden', { exact: true })).toBeAttached();
    await expect(cell.locator('[aria-hidden="true"]')).toContainText(email.reference);
  });

  test('turning it off restores the text; the shortcut and the palette toggle it', async ({
    page,
    server,
  }) => {
    const { sms } = await seed(server);
    await goTo(page, 'History', 'History');
    const cell = page
      .getByTestId('history-row')
      .filter({ hasText: sms.reference })
      .locator('[data-sensitive]', { hasText: sms.reference });
    await expect(cell).toHaveCount(1);
    const colour = () => cell.evaluate((el) => getComputedStyle(el).color);
    expect(await colour()).not.toBe(TRANSPARENT);
    await expect(page.getByTestId('presenting-indicator')).toHaveCount(0);

    await turnOn(page);
    expect(await colour()).toBe(TRANSPARENT);
    expect(await cell.getAttribute('title')).toBeNull();

    // Off from the header: the text and its tooltip come back.
    await page.getByRole('button', { name: 'Presentation mode' }).click();
    await expect(page.locator('html')).not.toHaveAttribute('data-presenting');
    await expect(page.getByTestId('presenting-indicator')).toHaveCount(0);
    expect(await colour()).not.toBe(TRANSPARENT);
    await expect(cell).toHaveAttribute('title', sms.reference);
    await expect(cell.getByText('hidden', { exact: true })).toHaveCount(0);

    // The shortcut, even from a text field.
    await page.keyboard.press('Control+Shift+H');
    await expect(page.locator('html')).toHaveAttribute('data-presenting', '');
    await page.getByRole('main').getByRole('textbox').first().focus();
    await page.keyboard.press('Control+Shift+H');
    await expect(page.locator('html')).not.toHaveAttribute('data-presenting');

    // The palette, which lists it with its shortcut; the help dialog lists it too.
    await page.keyboard.press('Control+K');
    const palette = page.getByRole('dialog', { name: /command/i });
    await palette.getByRole('combobox').fill('presentation');
    await palette.getByRole('option', { name: /Turn presentation mode on/ }).click();
    await expect(page.locator('html')).toHaveAttribute('data-presenting', '');
    expect(await colour()).toBe(TRANSPARENT);
    await page.getByRole('button', { name: 'Shortcuts' }).click();
    await expect(page.getByRole('dialog', { name: /shortcuts/i })).toContainText(
      'Turn presentation mode on or off',
    );
  });
});
