/**
 * The testing kit as a developer's own test suite uses it (the example docs/sandbox.md shows): one
 * sandbox for the file, started from a fixture file on a free port, a reset after each test, and the
 * code under test (example-app.ts, the published Notify client) pointed at it.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectSandbox, startSandbox, type SandboxKit } from 'notify-console/sandbox';
import { exampleApp, TEMPLATES } from './example-app';

const FIXTURE = fileURLToPath(new URL('./fixture.json', import.meta.url));

let sandbox: SandboxKit;
let app: ReturnType<typeof exampleApp>;

beforeAll(async () => {
  // `latency: 'none'` and a fast lifecycle keep the suite quick; leave them out to test against
  // Notify's real response times and delivery delays.
  sandbox = await startSandbox({ fixture: FIXTURE, latency: 'none', timeScale: 1000 });
  app = exampleApp(sandbox.url, await sandbox.apiKey());
});
afterEach(() => sandbox.reset());
afterAll(() => sandbox.stop());

describe('an app sending through Notify, checked against the sandbox', () => {
  it('sends the sign-in code to the number the user typed, as the phone shows it', async () => {
    const { id, code } = await app.sendSignInCode('07700 900123');
    const sent = await sandbox.notifications({ recipient: '+447700900123' });
    expect(sent.map((n) => n.id)).toEqual([id]);
    expect(sent[0]).toMatchObject({
      template_id: TEMPLATES.signInCode,
      reference: 'sign-in',
      api_key_name: 'example live key',
    });
    const phone = await sandbox.rendered(id);
    expect(phone).toEqual({
      type: 'sms',
      text: `Example service: Your sign-in code is ${code}. It expires in 10 minutes.`,
    });
  });

  it('waits for the text to be delivered', async () => {
    const { id } = await app.sendSignInCode('07700900123');
    const delivered = await sandbox.waitForStatus(id, 'delivered');
    expect(delivered.history.map((h) => h.status)).toEqual(['created', 'sending', 'delivered']);
    expect(await app.statusOf(id)).toBe('delivered');
  });

  it('sees a failure the phone network reports', async () => {
    const { id } = await app.sendSignInCode('07700900123');
    await sandbox.forceStatus(id, 'permanent-failure');
    expect(await app.statusOf(id)).toBe('permanent-failure');
  });

  it('reads a reply sent to the inbound number', async () => {
    await sandbox.receiveText({ from: '07700900123', content: 'STOP' });
    expect(await app.latestReply()).toBe('STOP');
  });

  it('retries once when Notify answers 500, and sends exactly one text', async () => {
    await sandbox.addFault({ kind: 'error', status: 500, count: 1, path_prefix: '/v2/notifications/sms' });
    await app.sendSignInCode('07700900123');
    expect(await sandbox.notifications({ type: 'sms' })).toHaveLength(1);
  });

  it('finds an email sent in the background, rendered as the recipient sees it', async () => {
    const arriving = sandbox.waitForNotification({
      recipient: 'ADA@example.gov.uk',
      template_id: TEMPLATES.welcome,
    });
    setTimeout(() => void app.sendWelcome('ada@example.gov.uk', 'Ada'), 50);
    const email = await arriving;
    expect(email.subject).toBe('Welcome, Ada');
    const rendered = await sandbox.rendered(email.id);
    expect(rendered.type).toBe('email');
    expect(rendered.type === 'email' && rendered.html).toContain('Your account is ready.');
    expect(rendered.type === 'email' && rendered.html).toContain('<title>Welcome, Ada</title>');
  });

  it('follows a letter to its delivery days later by moving the clock', async () => {
    const id = await app.sendAppointmentLetter(
      { name: 'Ada Lovelace', lines: ['1 Example Street', 'London'], postcode: 'SW1A 1AA' },
      '1 March',
    );
    expect(await app.statusOf(id)).toBe('accepted');
    const pdf = await poll(() => sandbox.rendered(id));
    expect(pdf.type === 'letter' && Buffer.from(pdf.pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    await sandbox.advanceClock(3600); // printed
    await sandbox.waitForStatus(id, 'sending');
    await sandbox.advanceClock(3 * 86_400); // in the post
    await sandbox.waitForStatus(id, 'received');
    expect(await app.statusOf(id)).toBe('received');
  });

  it('starts each test from the fixture again', async () => {
    expect(await sandbox.notifications()).toEqual([]);
  });

  it('is the same sandbox to a kit that connects to it, as a CI job would', async () => {
    await app.sendWelcome('grace@example.gov.uk', 'Grace');
    const other = connectSandbox(sandbox.url);
    expect((await other.notifications()).map((n) => n.to)).toEqual(['grace@example.gov.uk']);
    await other.stop(); // a connected kit leaves the sandbox running
    expect(await sandbox.notifications()).toHaveLength(1);
  });
});

/** Retries a call the sandbox answers "not yet" (a letter's PDF is made a moment after the send). */
async function poll<T>(fn: () => Promise<T>, tries = 100): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (err) {
      if (i >= tries || (err as { status?: number }).status !== 409) throw err;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}
