/**
 * The inbox's control routes on the largest things they are given leave the sandbox answering
 * promptly: a 2 MB email rendered as HTML (the rendering stops at its first 50,000 characters), the
 * same email in full as JSON, a page of 1,000 notifications, and the changes since the start.
 *
 * As in hostile-largest-inputs.test.ts, the sandbox runs in a child process that measures its own
 * event-loop delay; the bound is 1 s, or 10 times the child's own time to parse and serialise a 12 MB
 * JSON body when the machine is so busy that this takes over 100 ms (measured before and after).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signToken } from '../../support/notify-token';
import { CONTROL_SECRET_HEADER } from '../../../src-sandbox/control';
import { SERVICE_ID, T, testFixture } from '../../support/sandbox';
import { startSandboxChild, type SandboxChild } from './support/sandbox-child';

const MAX_DELAY_MS = 1000;
const MAX_DELAY_RATIO = 10;
const SECRET = randomUUID();

let sb: SandboxChild;
let token: () => string;
let bigEmailId: string;
let cursor: string;
beforeAll(async () => {
  const made = testFixture();
  token = () => signToken(SERVICE_ID, made.secrets.test);
  sb = await startSandboxChild({
    fixture: made.fixture,
    timeScale: 1000,
    limits: false,
    controlSecret: SECRET,
  });
  cursor = ((await (await control('/notifications')).json()) as { cursor: string }).cursor;
  // Just under Notify's 2,000,000-byte limit for an email's body, in markdown paragraphs with links.
  const paragraph = 'Dear customer, this is *a line* with [a link](https://example.gov.uk/a) in it.\n\n';
  const body = paragraph.repeat(Math.floor(1_990_000 / paragraph.length));
  const sent = await post('/v2/notifications/email', {
    email_address: 'big@example.gov.uk',
    template_id: T.emptyEmail,
    personalisation: { body },
  });
  expect(sent.status).toBe(201);
  bigEmailId = ((await sent.json()) as { id: string }).id;
  for (let i = 0; i < 1000; i += 50) {
    await Promise.all(
      Array.from({ length: 50 }, () =>
        post('/v2/notifications/sms', {
          phone_number: '07700900123',
          template_id: T.sms,
          personalisation: { name: 'A', code: '1' },
        }).then((r) => r.arrayBuffer()),
      ),
    );
  }
}, 120_000);
afterAll(() => sb?.close());

function post(path: string, body: unknown) {
  return fetch(`${sb.url}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token()}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}
function control(path: string) {
  return fetch(`${sb.url}/_sandbox${path}`, { headers: { [CONTROL_SECRET_HEADER]: SECRET } });
}

async function expectPrompt(what: string, work: () => Promise<void>): Promise<void> {
  const before = await sb.calibrate();
  await sb.resetStats();
  await work();
  expect((await fetch(`${sb.url}/_status?simple=1`)).status).toBe(200);
  const stats = await sb.stats();
  const calibration = Math.max(before, await sb.calibrate());
  const bound = Math.max(MAX_DELAY_MS, MAX_DELAY_RATIO * calibration);
  expect(
    stats.maxDelayMs,
    `${what}: the event loop was held up ${Math.round(stats.maxDelayMs)} ms (bound ${Math.round(bound)} ms; 12 MB JSON round trip ${Math.round(calibration)} ms)`,
  ).toBeLessThan(bound);
}

describe('the inbox on the largest inputs', () => {
  it('renders a 2 MB email as far as its first 50,000 characters, and says so', async () => {
    let html = '';
    await expectPrompt('rendered 2 MB email', async () => {
      const r = await control(`/notifications/${bigEmailId}/rendered`);
      expect(r.status).toBe(200);
      html = await r.text();
    });
    expect(html).toContain('data-sandbox-note="truncated"');
    expect(html).toContain(`the whole body is in GET /_sandbox/notifications/${bigEmailId}`);
    // Cut at a paragraph break: every link in the page is whole.
    expect(html.match(/<a /g)!.length).toBe(html.match(/<\/a>/g)!.length);
    // The page shows at most 50,000 characters of the body (control-inbox.ts: markdown to HTML runs on
    // the event loop), cut at the last paragraph break before that, and no sooner than half way.
    const shown = /the first ([\d,]+) of ([\d,]+) characters/.exec(html);
    expect(shown).not.toBeNull();
    const first = Number(shown![1]!.replaceAll(',', ''));
    expect(first).toBeLessThanOrEqual(50_000);
    expect(first).toBeGreaterThan(25_000);
    expect(html.length).toBeLessThan(50_000 * 5);
  });

  it('gives the whole 2 MB body as JSON, a page of 1,000, and every change since the start', async () => {
    await expectPrompt('2 MB detail, 1,000-item page, changes', async () => {
      const detail = (await (await control(`/notifications/${bigEmailId}`)).json()) as { body: string };
      expect(detail.body.length).toBeGreaterThan(1_900_000);
      const page = (await (await control('/notifications?page_size=1000')).json()) as {
        notifications: { body_preview: string }[];
      };
      expect(page.notifications).toHaveLength(1000);
      expect(Math.max(...page.notifications.map((n) => n.body_preview.length))).toBeLessThanOrEqual(201);
      const changes = (await (await control(`/notifications/changes?since=${cursor}`)).json()) as {
        complete: boolean;
        notifications: unknown[];
      };
      expect(changes.complete).toBe(true);
      expect(changes.notifications).toHaveLength(1001);
    });
  });
});
