import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smsPreview } from '../../../src-renderer/features/send/sms-preview';
import { smsMessageInfo } from '../../../src-shared/template';
import { SERVICE_ID, T, eventually, startTestSandbox, type TestSandbox } from '../../support/sandbox';

// The sandbox and the console share src-shared's SMS rules (issue 15 point 7): for the examples
// the sandbox's answer (body, "too long" verdict and count) and the fragments and cost it bills agree
// with the console's local preview on the send form.

let sb: TestSandbox;
beforeAll(async () => {
  sb = await startTestSandbox({ timeScale: 1000 });
});
afterAll(() => sb.sandbox.close());

const control = (method: string, path: string, body?: unknown) => sb.control(method, path, body);

/** The test fixture's `Bring ((items))` template. */
const CONTENT = 'Bring ((items))';

/** [what, the `items` value, fragments without a prefix] */
const EXAMPLES: Array<[string, string, number]> = [
  ['an ellipsis counted as three characters', 'a…', 1],
  ['an ellipsis tipping the message into 2 fragments', 'a'.repeat(152) + '…', 2],
  ['ấ reduced to â, the message still GSM-7', 'ấ' + 'a'.repeat(100), 1],
  ['extension characters counting once in UCS-2', 'ŵ' + '{'.repeat(40), 1],
  ['extension characters counting twice in GSM-7', '{'.repeat(78), 2],
  ['ḉ sent as ?', 'Fa' + 'ḉ' + 'ade', 1],
  ['a line separator inside the text', 'one\u2028two', 1],
];

async function sendAndBill(items: string) {
  const sent = await sb.call('POST', '/v2/notifications/sms', {
    body: { phone_number: '07700 900123', template_id: T.smsList, personalisation: { items } },
  });
  expect(sent.status, sent.text).toBe(201);
  const billed = await eventually(
    async () => (await sb.call('GET', `/v2/notifications/${sent.json.id}`)).json,
    (n) => n.is_cost_data_ready === true,
  );
  expect(billed.is_cost_data_ready).toBe(true);
  return { body: sent.json.content.body as string, billed };
}

describe('without a service-name prefix', () => {
  beforeAll(async () => {
    expect((await control('PATCH', `/services/${SERVICE_ID}`, { prefix_sms: false })).status).toBe(200);
  });

  it.each(EXAMPLES)('%s: the preview and the sandbox agree', async (_what, items, fragments) => {
    const preview = smsPreview(CONTENT, { items });
    expect(preview.fragmentCount).toBe(fragments);
    const { body, billed } = await sendAndBill(items);
    expect(body).toBe(preview.body);
    expect(billed.body).toBe(preview.body);
    expect(billed.cost_details.billable_sms_fragments).toBe(preview.fragmentCount);
    expect(billed.cost_in_pounds).toBeCloseTo(preview.costEstimate, 10);
  });

  it('both call a message too long at the same count (917 letters and an ellipsis in the body)', async () => {
    const items = 'a'.repeat(911) + '…'; // "Bring " + 911 + "..." = 920 characters once sanitised
    const preview = smsPreview(CONTENT, { items });
    expect(preview.isTooLong).toBe(true);
    const r = await sb.call('POST', '/v2/notifications/sms', {
      body: { phone_number: '07700 900123', template_id: T.smsList, personalisation: { items } },
    });
    expect(r.status).toBe(400);
    expect(r.json.errors[0].message).toBe(
      `Your message is too long. Text messages cannot be longer than 918 characters. Your message is ${preview.characterCount} characters long.`,
    );
    expect(preview.characterCount).toBe(920);
  });
});

describe('with the service name as prefix', () => {
  beforeAll(async () => {
    expect((await control('PATCH', `/services/${SERVICE_ID}`, { prefix_sms: true })).status).toBe(200);
  });

  it.each(EXAMPLES)('%s: billed as the shared rules count the sent text', async (_what, items) => {
    const expected = smsMessageInfo(CONTENT, { items }, 'Test Service');
    const { body, billed } = await sendAndBill(items);
    // The API's body has no prefix; the billed fragments include it.
    expect(body).toBe(smsPreview(CONTENT, { items }).body);
    expect(billed.cost_details.billable_sms_fragments).toBe(expected.fragmentCount);
  });
});
