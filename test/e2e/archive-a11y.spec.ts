/**
 * Accessibility audit of the Archive screen (the pattern of test/e2e/a11y.spec.ts): axe-core, WCAG
 * 2.0 to 2.2 A and AA, in the light and the dark theme, over each of its states with real content:
 * locked (no passphrase yet), no archive, search results, an archived notification, profiles and
 * sync, retention and export, the purge dialog, and a damaged archive with its action.
 */
import AxeBuilder from '@axe-core/playwright';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, ownConsoleTest } from './fixtures';
import { ensureVaultUnlocked, goTo, sendVerificationSms, VAULT_PASSPHRASE } from './helpers';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const test = ownConsoleTest();

async function audit(page: Page, where: string): Promise<void> {
  await expect(page.locator('.spinner')).toHaveCount(0);
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const found = results.violations.map(
    (v) =>
      `${v.id} (${v.impact ?? 'unknown'}): ${v.help}\n` +
      v.nodes
        .slice(0, 5)
        .map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`)
        .join('\n'),
  );
  expect.soft(found, `axe violations on ${where}`).toEqual([]);
  expect(results.passes.length, `axe checked nothing on ${where}`).toBeGreaterThan(10);
}

async function auditBothThemes(page: Page, where: string): Promise<void> {
  const toggle = page.getByTestId('theme-toggle');
  const html = page.locator('html');
  await audit(page, `${where} (light)`);
  await toggle.click();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await audit(page, `${where} (dark)`);
  await toggle.click();
  await expect(html).not.toHaveAttribute('data-theme', 'dark');
}

test('the Archive screen in each of its states passes axe in both themes', async ({ page, server }) => {
  // Sixteen audits of a full screen: several seconds each on a shared two-core machine.
  test.setTimeout(240_000);
  await goTo(page, 'Archive', 'Notification archive');
  await expect(page.getByTestId('archive-locked')).toContainText('no passphrase yet');
  await auditBothThemes(page, 'the archive, locked');

  await ensureVaultUnlocked(page);
  await goTo(page, 'Archive', 'Notification archive');
  await expect(page.getByTestId('archive-off')).toBeVisible();
  await auditBothThemes(page, 'the archive, not started');

  await page.getByTestId('archive-opt-in-sandbox-test').click();
  await expect(page.getByTestId('archive-summary')).toContainText('1 profile archived');
  const id = await sendVerificationSms(page, { phoneNumber: '07700900321', code: '654321' });
  await goTo(page, 'Archive', 'Notification archive');
  await page.getByTestId('archive-recipient').fill('07700900321');
  await page.getByTestId('archive-search-submit').click();
  await expect(page.getByTestId('archive-result')).toHaveCount(1);
  await auditBothThemes(page, 'archive search results');

  await page.getByTestId('archive-result').getByRole('button', { name: id }).click();
  await expect(page.getByTestId('archived-notification')).toBeVisible();
  await auditBothThemes(page, 'an archived notification');

  await page.getByRole('button', { name: 'Back to the search' }).click();
  await page.getByRole('tab', { name: 'Profiles and sync' }).click();
  await expect(page.getByTestId('archive-sync-sandbox-test')).toBeVisible();
  await auditBothThemes(page, 'archive profiles and sync');

  await page.getByRole('tab', { name: 'Retention and export' }).click();
  await expect(page.getByTestId('archive-size')).toContainText('1 notification,');
  await auditBothThemes(page, 'archive retention and export');
  // The dialog makes the page behind it inert (the theme toggle too): one theme per opening.
  for (const theme of ['light', 'dark']) {
    if (theme === 'dark') await page.getByTestId('theme-toggle').click();
    await page.getByRole('button', { name: 'Purge now…' }).click();
    await expect(page.getByTestId('archive-purge-dialog')).toBeVisible();
    await audit(page, `the purge dialog (${theme})`);
    await page.getByTestId('archive-purge-dialog').getByRole('button', { name: 'Cancel' }).click();
  }
  await page.getByTestId('theme-toggle').click();
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', 'dark');

  // Damage: the file replaced behind the console's back is found on the next unlock.
  await goTo(page, 'Profiles', 'Profiles');
  const panel = page.getByTestId('vault-panel');
  await panel.getByRole('button', { name: 'Lock vault now' }).click();
  await expect(page.getByTestId('vault-status')).toHaveText('locked');
  writeFileSync(join(server.dataDir, 'archive.sqlite'), 'not a database');
  await panel.getByLabel('Passphrase', { exact: true }).fill(VAULT_PASSPHRASE);
  await panel.getByRole('button', { name: 'Unlock vault' }).click();
  await goTo(page, 'Archive', 'Notification archive');
  await expect(page.getByTestId('archive-damaged')).toContainText('moved aside');
  await expect(page.getByTestId('archive-moved-to')).toContainText('archive.sqlite.damaged-');
  await auditBothThemes(page, 'a damaged archive');
});
