/**
 * The normalised forms recipients are indexed and searched by, as Notify normalises them
 * (`normalised_to`): phone numbers in E.164 without `+`, email addresses lowercased without obscure
 * whitespace, letters by their postcode (or last address line) without whitespace, lowercased.
 *
 * The rules are src-shared/recipients' public functions, so the archive follows any correction to
 * them. Only keyed hashes of these forms reach the database (see keyring.ts).
 */
import { formatEmailAddress } from '../../../src-shared/recipients/email-address';
import { normalisePhoneNumber } from '../../../src-shared/recipients/phone-number';
import type { ArchivableNotification } from './record';

const PHONE_LIKE = /^[\d\s()+\-.\u2010-\u2015\u2212]+$/;

/** A phone number Notify's rules cannot parse is still findable: punctuation and leading `+`/`0`s dropped. */
function phoneFallback(raw: string): string {
  return raw.replace(/[\s()\-.\u2010-\u2015\u2212]/g, '').replace(/^[+0]+/, '');
}

function phoneForm(raw: string): string {
  return normalisePhoneNumber(raw) ?? phoneFallback(raw);
}

/** Notify's letter form: every whitespace character removed, lowercased. */
function letterForm(raw: string): string {
  return raw.replace(/\s+/gu, '').toLowerCase();
}

/** The line a letter is found by: its postcode, else its last address line (a country, abroad). */
function letterSearchLine(n: ArchivableNotification): string | null {
  if (typeof n.postcode === 'string' && n.postcode.trim()) return n.postcode;
  for (const key of ['line_6', 'line_5', 'line_4', 'line_3', 'line_2', 'line_1']) {
    const line = (n as Record<string, unknown>)[key];
    if (typeof line === 'string' && line.trim()) return line;
  }
  return null;
}

/** The single normalised term a notification is indexed by, or null when it has no recipient. */
export function recipientTerm(n: ArchivableNotification): string | null {
  if (n.type === 'sms') return n.phone_number ? phoneForm(n.phone_number) || null : null;
  if (n.type === 'email') return n.email_address ? formatEmailAddress(n.email_address) || null : null;
  const line = letterSearchLine(n);
  return line ? letterForm(line) || null : null;
}

/**
 * Every form a search box entry could be indexed under: support staff type a phone number, an email
 * address or a postcode without saying which, so each reading is tried (at most four lookups).
 */
export function recipientSearchTerms(input: string): string[] {
  const text = input.trim();
  if (!text) return [];
  const terms = new Set<string>();
  if (PHONE_LIKE.test(text)) {
    terms.add(phoneForm(text));
    terms.add(phoneFallback(text));
  }
  if (text.includes('@')) terms.add(formatEmailAddress(text));
  terms.add(letterForm(text));
  terms.delete('');
  return [...terms];
}
