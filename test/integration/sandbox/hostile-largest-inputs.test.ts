/**
 * The largest input each route accepts never holds up the sandbox's event loop.
 *
 * The sandbox runs in a child process (so nothing this test does counts against it) and measures its
 * own event-loop delay with `monitorEventLoopDelay`. Each case sends the biggest request the route
 * takes (a 12 MB body, address lines of megabytes, a letter that renders to thousands of pages,
 * a precompiled PDF at the body limit, a zip-bomb PDF, 100 headers at gunicorn's line limit), waits
 * for the sandbox to finish with it (lifecycle work included), asks `/_status` to answer and asserts
 * that the loop was never held up longer than a bound: 2 s, or 20 times the child's own time to parse
 * and serialise a 12 MB body on a machine so busy that this takes over 100 ms (measured before and
 * after each case).
 * Quadratic layout held the loop for 8 s for a 16,000-character address line, and for minutes at 12 MB.
 *
 * Templates and addresses are rendered and checked by the shared Notify rules (`src-shared/template`,
 * `src-shared/recipients`): linear, but a pass over a 12 MB value still takes from a few hundred
 * milliseconds to seconds, so the sandbox runs them in its render pool for large inputs (the last group:
 * 12 MB of words in a text message, megabytes of Markdown paragraphs and of QR codes, 2 MB address lines).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signToken } from '../../support/notify-token';
import { CONTROL_SECRET_HEADER } from '../../../src-sandbox/control';
import { makeTestPdf } from '../../../src-sandbox/letters';
import { SERVICE_ID, T, testFixture } from '../../support/sandbox';
import { startSandboxChild, type SandboxChild } from './support/sandbox-child';

/** The sandbox's request body limit (`maxBodyBytes` default). */
const MAX_BODY = 12 * 1024 * 1024;
/** The longest the loop may be held up by one of these requests, on an idle machine. */
const MAX_DELAY_MS = 2000;
/** On a busy machine: this many times the child's own time to parse and serialise a 12 MB body. */
const MAX_DELAY_RATIO = 20;
const SECRET = randomUUID();

let sb: SandboxChild;
let secrets: ReturnType<typeof testFixture>['secrets'];
beforeAll(async () => {
  const made = testFixture();
  secrets = made.secrets;
  sb = await startSandboxChild({
    fixture: made.fixture,
    timeScale: 1000,
    limits: false,
    controlSecret: SECRET,
  });
}, 60_000);
afterAll(() => sb?.close());
/** The child's 12 MB JSON round trip when the case began: the machine's load then. */
let calibratedBefore = 0;
// Each case is measured from its own start.
beforeEach(async () => {
  calibratedBefore = await sb.calibrate();
  await sb.resetStats();
});

const auth = (key: 'live' | 'test' = 'test') => ({
  Authorization: `Bearer ${signToken(SERVICE_ID, secrets[key])}`,
});

async function post(path: string, body: string | unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${sb.url}${path}`, {
    method: 'POST',
    headers: { ...auth(), 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    // gateway pages
  }
  return { status: res.status, json, text };
}

const control = (method: string, path: string, body?: unknown) =>
  fetch(`${sb.url}/_sandbox${path}`, {
    method,
    headers: { [CONTROL_SECRET_HEADER]: SECRET, 'Content-Type': 'application/json' },
    body: method === 'GET' ? undefined : JSON.stringify(body ?? {}),
  });

/** Waits until the sandbox has nothing in flight for a notification: its status stops moving. */
async function settled(id: string, done: (status: string) => boolean): Promise<string> {
  for (let i = 0; i < 600; i++) {
    const r = await control('GET', `/notifications/${id}`);
    const n = (await r.json()) as { status: string };
    if (done(n.status)) return n.status;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`notification ${id} did not settle`);
}

/** A JSON body whose personalisation `key` is `filler` repeated, up to the body limit. */
function padTo(body: Record<string, unknown>, key: string, filler = 'word '): string {
  const bare = JSON.stringify({
    ...body,
    personalisation: { ...(body.personalisation as object), [key]: '' },
  });
  const unit = JSON.stringify(filler).length - 2;
  return JSON.stringify({
    ...body,
    personalisation: {
      ...(body.personalisation as object),
      [key]: filler.repeat(Math.floor((MAX_BODY - bare.length) / unit)),
    },
  });
}

async function expectPrompt(what: string): Promise<void> {
  const status = await fetch(`${sb.url}/_status?simple=1`);
  expect(status.status).toBe(200);
  const stats = await sb.stats();
  // The busier of the moments before and after the case: the machine's load comes and goes.
  const calibration = Math.max(calibratedBefore, await sb.calibrate());
  const bound = Math.max(MAX_DELAY_MS, MAX_DELAY_RATIO * calibration);
  if (process.env.HOSTILE_REPORT)
    console.log(
      `${what}: held up ${Math.round(stats.maxDelayMs)} ms; 12 MB JSON round trip ${Math.round(calibration)} ms`,
    );
  expect(
    stats.maxDelayMs,
    `${what}: the event loop was held up ${Math.round(stats.maxDelayMs)} ms (bound ${Math.round(bound)} ms)`,
  ).toBeLessThan(bound);
  calibratedBefore = await sb.calibrate();
  await sb.resetStats();
}

const ADDRESS = { address_line_1: 'A. Person', address_line_2: '1 Street', postcode: 'SW1A 1AA' };

describe('the largest input each route accepts leaves the sandbox answering promptly', () => {
  it('POST sms: 12 MB bodies (a value too long to send: 400; an unused one: 201), and the longest text that sends', async () => {
    const sms = { phone_number: '07700900123', template_id: T.sms };
    const huge = await post(
      '/v2/notifications/sms',
      padTo({ ...sms, personalisation: { code: '1' } }, 'name', 'x'),
    );
    expect(huge.status).toBe(400);
    expect(huge.json.errors[0].message).toMatch(
      /^Your message is too long\. Text messages cannot be longer than 918 characters\. Your message is 125\d{5} characters long\.$/,
    );
    const unused = await post(
      '/v2/notifications/sms',
      padTo({ ...sms, personalisation: { name: 'Ann', code: '1' } }, 'unused'),
    );
    expect(unused.status).toBe(201);
    const longest = await post('/v2/notifications/sms', {
      phone_number: '07700900123',
      template_id: T.sms,
      personalisation: { name: 'x'.repeat(918 - 'Test Service: Hello , your code is 1.'.length), code: '1' },
    });
    expect(longest.status).toBe(201);
    await expectPrompt('POST sms');
  });

  it('POST email: the 2,000,000-byte body that sends, and a 12 MB one refused as too long', async () => {
    const body = { email_address: 'a@example.gov.uk', template_id: T.emptyEmail };
    const longest = await post('/v2/notifications/email', {
      ...body,
      personalisation: { body: 'word '.repeat(400_000) },
    });
    expect(longest.status).toBe(201);
    const huge = await post('/v2/notifications/email', padTo({ ...body, personalisation: {} }, 'body'));
    expect(huge.status).toBe(400);
    expect(huge.json.errors[0].message).toMatch(
      /^Your message is too long\. Emails cannot be longer than 2000000 bytes/,
    );
    await expectPrompt('POST email');
  });

  it('POST letter: 12 MB of personalisation renders no further than page 11, then fails validation', async () => {
    for (const filler of ['word ', 'x', 'ab\n\n', '- item\n', '[a](b) ', '!!**__']) {
      const body = padTo(
        { template_id: T.letter, personalisation: { ...ADDRESS, team: 'y' } },
        'name',
        filler,
      );
      expect(body.length).toBeLessThanOrEqual(MAX_BODY);
      const sent = await post('/v2/notifications/letter', body);
      expect(sent.status, filler).toBe(201);
      expect(await settled(sent.json.id, (s) => s !== 'sending' && s !== 'created'), filler).toBe(
        'validation-failed',
      );
      await expectPrompt(`POST letter, 12 MB of ${JSON.stringify(filler)}`);
    }
  }, 120_000);

  it('POST letter (precompiled): a PDF at the body limit, and a zip bomb', async () => {
    const doc = await PDFDocument.load(await makeTestPdf(10));
    await doc.attach(randomBytes(8_500_000), 'padding.bin', { mimeType: 'application/octet-stream' });
    const big = Buffer.from(await doc.save());
    const sent = await post('/v2/notifications/letter', {
      reference: 'big',
      content: big.toString('base64'),
    });
    expect(sent.status).toBe(201);
    expect(await settled(sent.json.id, (s) => s === 'delivered' || s.endsWith('failed'))).toBe('delivered');
    await expectPrompt('POST precompiled letter, 12 MB');

    // Hundreds of streams that each inflate to 32 MB: the scan inflates off the event loop, within a budget.
    const bomb = deflateSync(Buffer.alloc(32 * 1024 * 1024));
    const parts = [Buffer.from(await makeTestPdf(1))];
    for (let i = 0; parts.reduce((n, p) => n + p.length, 0) < 8_500_000; i++)
      parts.push(
        Buffer.from(`\n${900 + i} 0 obj<</Filter/FlateDecode/Length ${bomb.length}>>stream\n`),
        bomb,
        Buffer.from('\nendstream\nendobj\n'),
      );
    const zipBomb = await post('/v2/notifications/letter', {
      reference: 'bomb',
      content: Buffer.concat(parts).toString('base64'),
    });
    expect(zipBomb.status).toBe(201);
    await settled(zipBomb.json.id, (s) => s !== 'pending-virus-check');
    await expectPrompt('POST precompiled letter, zip bomb');
  }, 120_000);

  it('POST preview: 12 MB for a letter, and the largest email that could be sent', async () => {
    const letter = await post(
      `/v2/template/${T.letter}/preview`,
      padTo({ personalisation: { ...ADDRESS, team: 'y' } }, 'name'),
    );
    expect(letter.status).toBe(200);
    const email = await post(`/v2/template/${T.emptyEmail}/preview`, {
      personalisation: { body: 'word '.repeat(400_000) },
    });
    expect(email.status).toBe(200);
    expect(email.json.html.length).toBeGreaterThan(2_000_000);
    await expectPrompt('POST preview');
  });

  it('GET routes: the longest query string and path the header limit leaves room for', async () => {
    const long = 'x'.repeat(8190 * 50);
    for (const path of [
      `/v2/notifications?reference=${long}`,
      `/v2/notifications?template_type=${long}&status=${long.slice(0, 100_000)}`,
      `/v2/notifications/${long}`,
      `/v2/notifications/${long}/pdf`,
      `/v2/template/${long}`,
      `/v2/template/${T.sms}/version/${'9'.repeat(400_000)}`,
      `/v2/templates?type=${long}`,
      `/v2/received-text-messages?older_than=${long}`,
    ]) {
      const r = await fetch(`${sb.url}${path}`, { headers: auth() });
      expect(r.status, path.slice(0, 40)).toBeGreaterThanOrEqual(200);
      expect(r.status, path.slice(0, 40)).toBeLessThan(500);
    }
    await expectPrompt('GET routes');
  });

  it('headers: 100 lines at gunicorn’s 8190-byte limit, with a good token', async () => {
    const headers: Record<string, string> = { ...auth() };
    // gunicorn's limits: `limit_request_fields` 100, `limit_request_field_size` 8190 bytes a line
    // with its CRLF. fetch adds a few headers of its own (Host, Accept, User-Agent…).
    for (let i = 0; Object.keys(headers).length < 100 - 10; i++)
      headers[`X-Padding-${i}`] = 'p'.repeat(8190 - `X-Padding-${i}: \r\n`.length);
    const r = await fetch(`${sb.url}/v2/templates`, { headers });
    expect(r.status).toBe(200);
    await expectPrompt('largest headers');
  });

  it('control API: the largest template and admin send it accepts', async () => {
    const created = await control('POST', `/services/${SERVICE_ID}/templates`, {
      name: 'Largest',
      type: 'letter',
      subject: 'Big',
      content: `((name))\n\n${'Paragraph of a long letter. '.repeat(3570)}`,
    });
    expect(created.status).toBe(201);
    const sent = await control('POST', `/services/${SERVICE_ID}/send`, {
      type: 'email',
      email_address: 'team@example.gov.uk',
      template_id: T.emptyEmail,
      personalisation: { body: 'word '.repeat(1_000_000) },
    });
    expect(sent.status).toBe(400);
    await expectPrompt('control API');
  });
});

/**
 * Inputs whose cost is the shared rules' (`src-shared/template`, `src-shared/recipients`): before the
 * render pool these held the loop for seconds (smsMessageInfo on 12 MB of words, renderEmailHtml on
 * megabytes of paragraphs, the QR-code check on a million `qr:` paragraphs, a country looked up in a
 * 2 MB address line).
 */
describe('the largest inputs whose work is the shared rules’', () => {
  it('POST sms: 12 MB of words in a placeholder', async () => {
    const r = await post(
      '/v2/notifications/sms',
      padTo({ phone_number: '07700900123', template_id: T.sms, personalisation: { code: '1' } }, 'name'),
    );
    expect(r.status).toBe(400);
    expect(r.json.errors[0].message).toMatch(
      /^Your message is too long\. .* Your message is 125\d{5} characters long\.$/,
    );
    await expectPrompt('POST sms, 12 MB of words');
  });

  it('POST preview: 12 MB of words, and 2 MB of paragraphs, in an email', async () => {
    const words = await post(`/v2/template/${T.emptyEmail}/preview`, padTo({ personalisation: {} }, 'body'));
    expect(words.status).toBe(200);
    expect(words.json.html).toMatch(/^<p style="[^"]+">word word /);
    const paragraphs = { personalisation: { body: 'a\n\n'.repeat(666_000) } };
    const preview = await post(`/v2/template/${T.emptyEmail}/preview`, paragraphs);
    expect(preview.status).toBe(200);
    expect(preview.json.html.match(/<p /g)).toHaveLength(666_000);
    await expectPrompt('POST preview, email');
  }, 120_000);

  it('POST preview: 2 MB of each kind of Markdown that was read in quadratic time', async () => {
    // Each held a worker for minutes (the first for hours) before Markdown was made linear.
    for (const unit of ['[a](b "', '~~~ a\n', '[', '|', 'a\n\u2000\n']) {
      const body = unit.repeat(Math.ceil(2_000_000 / unit.length));
      const preview = await post(`/v2/template/${T.emptyEmail}/preview`, { personalisation: { body } });
      expect(preview.status, JSON.stringify(unit)).toBe(200);
      expect(preview.json.html.length, JSON.stringify(unit)).toBeGreaterThan(1_000_000);
    }
    // Nested past Notify's own parser's recursion limit: refused, as Notify fails.
    const deep = await post(`/v2/template/${T.emptyEmail}/preview`, {
      personalisation: { body: `${'-'.repeat(2_000_000)}x` },
    });
    expect(deep.status).toBe(500);
    await expectPrompt('POST preview, hostile Markdown');
  }, 120_000);

  it('POST letter: 12 MB of QR-code paragraphs', async () => {
    const body = padTo(
      { template_id: T.letter, personalisation: { ...ADDRESS, team: 'y' } },
      'name',
      'qr: x\n\n',
    );
    expect((await post('/v2/notifications/letter', body)).status).toBe(201);
    await expectPrompt('POST letter, QR codes');
  }, 120_000);

  it('POST letter: six address lines that fill the 12 MB body', async () => {
    const line = (n: number) => `${n} ${'Long Road '.repeat(200_000)}`;
    const personalisation = {
      address_line_1: line(1),
      address_line_2: line(2),
      address_line_3: line(3),
      address_line_4: line(4),
      address_line_5: line(5),
      address_line_6: line(6),
      address_line_7: 'SW1A 1AA',
      name: 'x',
      team: 'y',
    };
    const sent = await post('/v2/notifications/letter', { template_id: T.letter, personalisation });
    expect(sent.status).toBe(201);
    expect(await settled(sent.json.id, (s) => s !== 'sending' && s !== 'created')).toBe('delivered');
    // A country after 2 MB of full stops is still found, as Notify finds it: the letter goes abroad.
    const abroad = await post('/v2/notifications/letter', {
      template_id: T.letter,
      personalisation: {
        ...personalisation,
        address_line_4: undefined,
        address_line_5: undefined,
        address_line_6: undefined,
        address_line_7: `${'. '.repeat(1_000_000)}France`,
      },
    });
    expect(abroad.status).toBe(201);
    const got = await fetch(`${sb.url}/v2/notifications/${abroad.json.id}`, { headers: auth() });
    expect(((await got.json()) as { postage: string }).postage).toBe('europe');
    await expectPrompt('POST letter, 2 MB address lines');
  }, 120_000);
});
