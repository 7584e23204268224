/**
 * Archive search: the query support staff can make, checked, and the SQL it becomes.
 *
 * Every filter is an indexed column (keyed hashes for recipient and reference, plain metadata for
 * the rest), results come newest first, and pages are keyset-paged on (created_at, seq), so page
 * 40 costs what page 1 does. Only the rows of the page returned are decrypted.
 */
import { z } from 'zod';
import { ArchiveInputError } from './errors';
import { searchHash, type ArchiveKeys } from './keyring';
import { recipientSearchTerms } from './recipient-terms';
import { FAILURE_STATUSES } from '../../../src-shared/statuses';

const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 500;

const instant = z
  .string()
  .max(64)
  .refine(
    (s) => /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/.test(s) && Number.isFinite(Date.parse(s)),
    {
      message: 'is not an ISO date or date-time',
    },
  );
const text = z.string().trim().min(1).max(1000);

const archiveQuery = z.strictObject({
  /** A phone number, email address or postcode, normalised as Notify does; exact match. */
  recipient: text.optional(),
  /** The client reference, exactly as sent. */
  reference: z.string().min(1).max(1000).optional(),
  id: text.optional(),
  templateId: text.optional(),
  status: z.union([z.string().min(1).max(64), z.array(z.string().min(1).max(64)).min(1).max(20)]).optional(),
  type: z.enum(['sms', 'email', 'letter']).optional(),
  profileId: text.optional(),
  /** Created at or after (inclusive). */
  from: instant.optional(),
  /** Created before (exclusive). */
  to: instant.optional(),
  limit: z.number().int().min(1).max(MAX_PAGE_SIZE).optional(),
  /** From the previous page's `nextCursor`. */
  cursor: z
    .string()
    .regex(/^\d{1,16}:\d{1,16}$/, 'is not a cursor this archive gave')
    .optional(),
});
export type ArchiveQuery = z.input<typeof archiveQuery>;

interface BuiltQuery {
  sql: string;
  params: (string | number | Buffer)[];
  limit: number;
}

/** The columns every search returns; the record is decrypted afterwards, for this page only. */
export const ROW_COLUMNS =
  'seq, id, profile_id, type, status, template_id, template_version, created_at, archived_at, updated_at, record';

function placeholders(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}

/** Checks a query and builds its SQL; bad input gets an {@link ArchiveInputError} naming the field. */
export function buildSearch(input: unknown, keys: ArchiveKeys): BuiltQuery {
  const parsed = archiveQuery.safeParse(input ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || 'query';
    throw new ArchiveInputError(`Archive search: ${field} ${issue?.message ?? 'is not valid'}.`, { field });
  }
  const q = parsed.data;
  const where: string[] = [];
  const params: (string | number | Buffer)[] = [];
  if (q.recipient !== undefined) {
    const hashes = recipientSearchTerms(q.recipient).map((t) => searchHash(keys, 'recipient', t));
    if (hashes.length === 0)
      throw new ArchiveInputError('Archive search: recipient is empty.', { field: 'recipient' });
    where.push(`recipient_hash IN (${placeholders(hashes.length)})`);
    params.push(...hashes);
  }
  if (q.reference !== undefined) {
    where.push('reference_hash = ?');
    params.push(searchHash(keys, 'reference', q.reference));
  }
  if (q.id !== undefined) {
    where.push('id = ?');
    params.push(q.id.toLowerCase());
  }
  if (q.templateId !== undefined) {
    where.push('template_id = ?');
    params.push(q.templateId.toLowerCase());
  }
  if (q.status !== undefined) {
    const statuses = new Set<string>();
    for (const s of Array.isArray(q.status) ? q.status : [q.status]) {
      // `failed` covers every failure status, as Notify's list endpoint does (and old `failed` rows).
      for (const t of s === 'failed' ? FAILURE_STATUSES : [s]) statuses.add(t);
    }
    where.push(`status IN (${placeholders(statuses.size)})`);
    params.push(...statuses);
  }
  if (q.type !== undefined) {
    where.push('type = ?');
    params.push(q.type);
  }
  if (q.profileId !== undefined) {
    where.push('profile_id = ?');
    params.push(q.profileId);
  }
  const from = q.from === undefined ? null : Date.parse(q.from);
  const to = q.to === undefined ? null : Date.parse(q.to);
  if (from !== null && to !== null && from >= to) {
    throw new ArchiveInputError('Archive search: "from" must be before "to".', { field: 'from' });
  }
  if (from !== null) {
    where.push('created_at >= ?');
    params.push(from);
  }
  if (to !== null) {
    where.push('created_at < ?');
    params.push(to);
  }
  if (q.cursor !== undefined) {
    const [createdAt, seq] = q.cursor.split(':').map(Number) as [number, number];
    where.push('(created_at, seq) < (?, ?)');
    params.push(createdAt, seq);
  }
  const limit = q.limit ?? DEFAULT_PAGE_SIZE;
  const sql =
    `SELECT ${ROW_COLUMNS} FROM notifications` +
    (where.length ? ` WHERE ${where.join(' AND ')}` : '') +
    ' ORDER BY created_at DESC, seq DESC LIMIT ?';
  // One row more than asked tells whether another page exists without counting.
  params.push(limit + 1);
  return { sql, params, limit };
}

/** The cursor for the page after a row. */
export function cursorAfter(row: { created_at: number; seq: number }): string {
  return `${row.created_at}:${row.seq}`;
}
