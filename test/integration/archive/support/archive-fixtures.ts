/**
 * Test helpers for the archive: a vault with a fixed key (lockable), deterministic Notify-shaped
 * notifications with recognisable personal data, and temporary archive paths.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CoreError } from '../../../../src-main/core/ports';
import type { ArchiveVault } from '../../../../src-main/core/archive/ports';

/** A vault sealing with AES-256-GCM under a key derived from `secret`; `lock()` makes it refuse. */
export class TestVault implements ArchiveVault {
  locked = false;
  private readonly key: Buffer;

  constructor(secret = 'test vault') {
    this.key = createHash('sha256').update(secret).digest();
  }

  isLocked(): boolean {
    return this.locked;
  }

  lock(): void {
    this.locked = true;
  }

  unlock(): void {
    this.locked = false;
  }

  async encrypt(plain: string): Promise<string> {
    if (this.locked) throw new CoreError('vault_locked', 'locked');
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', this.key, iv);
    const ct = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
    return `test:${Buffer.concat([iv, c.getAuthTag(), ct]).toString('base64url')}`;
  }

  async decrypt(envelope: string): Promise<string> {
    if (this.locked) throw new CoreError('vault_locked', 'locked');
    const raw = Buffer.from(envelope.slice(5), 'base64url');
    try {
      const d = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
      d.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8');
    } catch {
      throw new CoreError('envelope_tampered', 'A stored key failed its integrity check.');
    }
  }
}

/** The crash test's profile, and the size of its capture batches (see crash-child.ts). */
export const CRASH_PROFILE = { id: 'crash-profile', name: 'Crash' };
export const CRASH_BATCH = 100;

const tempDirs: string[] = [];

/** Removes every folder {@link tempArchivePath} made (call after the archives are closed). */
export function removeTempArchives(): void {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A fresh archive path in its own temporary folder; see {@link removeTempArchives}. */
export function tempArchivePath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'archive-test-'));
  tempDirs.push(dir);
  return join(dir, 'archive.sqlite');
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/** A UUID-shaped id that sorts with `i`, unique per `i` and `prefix` (8 hex digits). */
export function notificationId(i: number, prefix = 'aaaaaaaa'): string {
  return `${prefix}-0000-4000-8000-${hex(i, 12)}`;
}

export const TEMPLATE_IDS = [
  '33333333-3333-4333-8333-000000000001',
  '33333333-3333-4333-8333-000000000002',
  '33333333-3333-4333-8333-000000000003',
  '33333333-3333-4333-8333-000000000004',
];

/**
 * Notification number `i` as Notify's GET returns it: the channel cycles sms, email, letter; one
 * minute apart starting at `startMs`; recipient, reference, body and subject unique to `i`.
 */
export function fakeNotification(
  i: number,
  overrides: Record<string, unknown> = {},
  startMs = Date.parse('2026-01-01T00:00:00Z'),
): Record<string, unknown> {
  const type = (['sms', 'email', 'letter'] as const)[i % 3];
  const template = TEMPLATE_IDS[i % TEMPLATE_IDS.length]!;
  const created = new Date(startMs + i * 60_000).toISOString().replace('Z', '000Z');
  return {
    id: notificationId(i),
    reference: `ref-${hex(i, 8)}-case`,
    email_address: type === 'email' ? `person.${i}@example-${i % 97}.gov.uk` : null,
    phone_number: type === 'sms' ? `07700 ${String(900000 + (i % 99999)).padStart(6, '0')}` : null,
    line_1: type === 'letter' ? `Resident ${i}` : null,
    line_2: type === 'letter' ? `${i} Privet Drive` : null,
    line_3: type === 'letter' ? 'Little Whinging' : null,
    line_4: null,
    line_5: null,
    line_6: null,
    postcode: type === 'letter' ? `SW1A ${1 + (i % 9)}AA` : null,
    type,
    status: ['delivered', 'sending', 'permanent-failure', 'created'][i % 4],
    template: { id: template, version: 1 + (i % 3), uri: `https://api.example/v2/template/${template}` },
    body: `Hello person ${i}, your secret code is ${hex(i * 7919, 10)}.`,
    subject: type === 'sms' ? null : `Subject for person ${i}`,
    created_at: created,
    created_by_name: null,
    sent_at: created,
    completed_at: null,
    scheduled_for: null,
    postage: type === 'letter' ? 'second' : null,
    cost_in_pounds: type === 'sms' ? 0.0227 : 0,
    ...overrides,
  };
}
