/**
 * Support: one search across every profile, by notification id or by reference, saying which
 * profiles found it; and recent failures grouped across profiles.
 *
 * Notify finds a notification by id with any key of its service, but lists (and so finds by
 * reference) only what was sent with the same key type. The demo service's test key sends here, so
 * by id every demo-service profile finds it, and by reference only the test-key profile does; the
 * trial service's profile never does.
 */
import { randomUUID } from 'node:crypto';
import { test, expect } from './fixtures';
import { DEMO_TEMPLATES, demoKey, goTo, sendDirect, speedUpLifecycle, waitForSandboxStatus } from './helpers';
import type { Locator, Page } from '@playwright/test';

async function search(page: Page, query: string): Promise<Locator> {
  await goTo(page, 'Support', 'Support');
  const form = page.getByRole('form', { name: 'Find a notification in every profile' });
  await form.getByLabel('Notification id or reference').fill(query);
  await form.getByRole('button', { name: 'Search all profiles' }).click();
  return page.getByTestId('lookup-results');
}

/** The result rows opened with the profile called `profile`. */
const foundIn = (results: Locator, profile: string): Locator =>
  results.getByTestId('lookup-result').filter({
    has: results
      .page()
      .getByRole('cell', { name: new RegExp(`^${profile.replace(/[()]/g, '\\$&')}( · via|$)`) }),
  });

test.describe('Support', () => {
  test('finds a notification by id in every profile of its service, as one row', async ({ page, server }) => {
    const reference = `support-id-${randomUUID()}`;
    const { id } = await sendDirect(server, await demoKey(server, 'test'), 'sms', {
      phone_number: '07700900123',
      template_id: DEMO_TEMPLATES.smsVerification,
      personalisation: { name: 'Ada', code: '1' },
      reference,
    });

    const results = await search(page, id);

    // Every profile of the demo service finds it by id; it is one notification, so one row, opened
    // with the first of them and naming how many profiles found it (issue 9.3).
    const row = results.getByTestId('lookup-result');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(reference);
    await expect(row.getByRole('cell').first()).toContainText('Local sandbox');
    // Other specs on this server may have added profiles of the demo service: the count is the title's.
    await expect(row.getByTestId('via-profiles')).toHaveAttribute(
      'title',
      /Local sandbox, Local sandbox \(live key\), Local sandbox \(team key\)/,
    );
    const via = (await row.getByTestId('via-profiles').getAttribute('title'))!.split(', ');
    await expect(row.getByTestId('via-profiles')).toHaveText(`· via ${via.length} profiles`);
    await expect(row.getByTestId('template-name')).toHaveText('Verification code (v2)');
    await expect(foundIn(results, 'Trial service (team key)')).toHaveCount(0);
    await expect(results.locator('caption')).toHaveText('Found 1 notification');

    // Every profile was searched, and each says so.
    await results.getByText(/^Searched \d+ profiles$/).click();
    await expect(results.getByTestId('lookup-searched')).toContainText('Trial service (team key): searched');

    await row.getByRole('button', { name: `Open ${id.slice(0, 8)}…` }).click();
    const detail = page.getByTestId('notification-detail');
    await expect(detail).toContainText(id);
    await expect(detail.getByRole('definition').filter({ hasText: /^Local sandbox$/ })).toBeVisible();
  });

  test('finds a notification by reference only where its key type lists it', async ({ page, server }) => {
    const reference = `support-ref-${randomUUID()}`;
    const { id } = await sendDirect(server, await demoKey(server, 'test'), 'sms', {
      phone_number: '07700900123',
      template_id: DEMO_TEMPLATES.smsVerification,
      personalisation: { name: 'Ada', code: '2' },
      reference,
    });

    const results = await search(page, reference);

    const row = foundIn(results, 'Local sandbox');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(reference);
    await expect(row.getByRole('button', { name: `Open ${id.slice(0, 8)}…` })).toBeVisible();
    for (const profile of [
      'Local sandbox (live key)',
      'Local sandbox (team key)',
      'Trial service (team key)',
    ]) {
      await expect(foundIn(results, profile), `not found in ${profile}`).toHaveCount(0);
    }
  });

  test('says when nothing is found', async ({ page }) => {
    const reference = `nothing-${randomUUID()}`;
    const results = await search(page, reference);
    await expect(results.getByText(`Nothing found for “${reference}”`)).toBeVisible();
  });

  test('groups recent failures by reason, with the profile and an explanation', async ({ page, server }) => {
    await speedUpLifecycle(server);
    const { id } = await sendDirect(server, await demoKey(server, 'test'), 'sms', {
      phone_number: '07700900002',
      template_id: DEMO_TEMPLATES.smsDocuments,
      personalisation: { documents: 'your passport' },
      reference: `support-failure-${randomUUID()}`,
    });
    await waitForSandboxStatus(server, id, 'permanent-failure');

    await goTo(page, 'Support', 'Support');
    const failures = page.getByTestId('failures');
    await failures.getByRole('button', { name: 'Refresh' }).click();

    const reason = failures.getByRole('region', { name: 'Failures: permanent-failure' });
    // One group per service and template, named by the template (issues 9.3, 9.5).
    const group = reason.getByTestId('failure-group').filter({ hasText: 'Documents needed (v1)' });
    await expect(group).toHaveCount(1);
    await expect(group.getByRole('cell').first()).toContainText('Local sandbox');
    await expect(
      reason.getByRole('row').filter({ has: page.getByRole('cell', { name: 'Trial service (team key)' }) }),
    ).toHaveCount(0);
    await expect(group.getByRole('button', { name: `${id.slice(0, 8)}…` })).toBeVisible();

    await reason.getByText('What it means and what to do').click();
    // Explained for text messages (other tests in this worker may add failed emails of their own).
    const explanation = reason.locator('[data-channel="sms"]').getByTestId('failure-explanation');
    await expect(explanation).toContainText('Not delivered');
    await expect(explanation).toBeVisible();
    await expect(explanation.getByTestId('explanation-retry')).toHaveText('Only after fixing the problem');

    await group.getByRole('button', { name: `${id.slice(0, 8)}…` }).click();
    await expect(page.getByTestId('notification-detail').getByTestId('status')).toHaveText(
      'permanent-failure',
    );
  });
});
