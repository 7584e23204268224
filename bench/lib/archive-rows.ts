/**
 * Deterministic, Notify-shaped notifications for the archive benchmark: a year of a busy service.
 * 70% SMS, 25% email, 5% letters; 300,000 distinct phone numbers, 200,000 email addresses;
 * 20 templates; statuses mostly delivered; bodies of 100 to 400 characters; unique references.
 * Row `i` is older than row `i + 1`.
 */
export const BENCH_TEMPLATES = Array.from(
  { length: 20 },
  (_, t) => `44444444-4444-4444-8444-${t.toString(16).padStart(12, '0')}`,
);
const STATUSES = [
  ...Array<string>(85).fill('delivered'),
  ...Array<string>(5).fill('permanent-failure'),
  ...Array<string>(3).fill('temporary-failure'),
  'technical-failure',
  ...Array<string>(6).fill('sending'),
];
const YEAR_MS = 365 * 86_400_000;

export function benchId(i: number): string {
  return `bbbbbbbb-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
}

export function benchIndex(id: string): number {
  return parseInt(id.slice(24), 16);
}

/** Mixes the index so neighbouring rows differ (a cheap integer hash). */
function mix(i: number): number {
  let x = Math.imul(i ^ 0x9e3779b9, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

export function benchPhone(i: number): string {
  return `07${String(400_000_000 + (mix(i) % 300_000) * 3).padStart(9, '0')}`;
}

export function benchEmail(i: number): string {
  return `Citizen.${mix(i) % 200_000}@Example-Council.gov.uk`;
}

export function benchRow(i: number, total: number, endMs: number): Record<string, unknown> {
  const h = mix(i);
  const kind = h % 100;
  const type = kind < 70 ? 'sms' : kind < 95 ? 'email' : 'letter';
  const template = BENCH_TEMPLATES[h % BENCH_TEMPLATES.length]!;
  const created = new Date(endMs - YEAR_MS + Math.floor((i / total) * YEAR_MS)).toISOString();
  const body = `Dear customer ${h % 100_000}, your application ${i} has been received. `.repeat(1 + (h % 5));
  return {
    id: benchId(i),
    reference: `case-${i}`,
    email_address: type === 'email' ? benchEmail(i) : null,
    phone_number: type === 'sms' ? benchPhone(i) : null,
    line_1: type === 'letter' ? `Resident ${h % 1000}` : null,
    line_2: type === 'letter' ? `${h % 300} High Street` : null,
    line_3: type === 'letter' ? 'Anytown' : null,
    line_4: null,
    line_5: null,
    line_6: null,
    postcode: type === 'letter' ? `SW1A ${1 + (h % 9)}AA` : null,
    type,
    status: type === 'letter' ? 'received' : STATUSES[(h >>> 8) % STATUSES.length],
    template: {
      id: template,
      version: 1 + (h % 3),
      uri: `https://api.notifications.service.gov.uk/v2/template/${template}`,
    },
    body,
    subject: type === 'sms' ? null : `Your application ${i}`,
    created_at: created.replace('Z', '000Z'),
    created_by_name: null,
    sent_at: created.replace('Z', '000Z'),
    completed_at: null,
    scheduled_for: null,
    postage: type === 'letter' ? 'second' : null,
    cost_in_pounds: type === 'sms' ? 0.0197 : 0,
  };
}
