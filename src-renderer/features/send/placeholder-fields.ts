/**
 * The send form's fields, generated from a template's placeholders.
 *
 * A placeholder used only as a conditional (`((warning??Bring ID))`) is a yes/no choice; any other
 * placeholder is text, which the user may switch to a list (Notify renders lists as bullets in
 * emails and as prose in texts) or, in emails, to a file sent by link (reference §9, §11).
 */
import type { Template } from '../../../src-main/contract/schemas';
import { normaliseKey, templatePlaceholders, type Personalisation } from '../../../src-shared/template';

export interface PlaceholderField {
  /** As first written in the template. */
  name: string;
  /** Only ever used as `((name??text))`: a yes/no choice. */
  conditionalOnly: boolean;
  /** The texts its conditionals show, for the label. */
  conditionalTexts: string[];
}

export interface AttachedFile {
  fileName: string;
  size: number;
  base64: string;
}

export type FieldValue =
  | { kind: 'text'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'flag'; on: boolean }
  | {
      kind: 'file';
      file: AttachedFile | null;
      filename: string;
      confirmEmailBeforeDownload: boolean;
      /** Weeks, 1–78, as typed; empty means Notify's default (26 weeks). */
      retentionWeeks: string;
    };

const PLACEHOLDER_RE = /\(\(([^()]+)\)\)/g;

/** Letter address personalisation: not template placeholders, but required (§4.3). */
export const ADDRESS_FIELDS = [
  'address_line_1',
  'address_line_2',
  'address_line_3',
  'address_line_4',
  'address_line_5',
  'address_line_6',
  'postcode',
] as const;

/** The template's parts in Notify's placeholder order. */
function templateParts(
  t: Pick<Template, 'type' | 'body' | 'subject'> & { letter_contact_block?: string | null },
) {
  return {
    type: t.type,
    content: t.body,
    subject: t.subject,
    letterContactBlock: t.letter_contact_block ?? null,
  };
}

/** One field per distinct placeholder, in Notify's order. */
export function placeholderFields(
  t: Pick<Template, 'type' | 'body' | 'subject'> & { letter_contact_block?: string | null },
): PlaceholderField[] {
  const names = templatePlaceholders(templateParts(t));
  const plain = new Set<string>();
  const conditional = new Map<string, string[]>();
  for (const text of [t.letter_contact_block, t.subject, t.body]) {
    if (!text) continue;
    for (const match of text.matchAll(PLACEHOLDER_RE)) {
      const body = match[1] as string;
      const at = body.indexOf('??');
      if (at === -1) {
        plain.add(normaliseKey(body));
      } else {
        const key = normaliseKey(body.slice(0, at));
        conditional.set(key, [...(conditional.get(key) ?? []), body.slice(at + 2)]);
      }
    }
  }
  return names.map((name) => {
    const key = normaliseKey(name);
    return {
      name,
      conditionalOnly: conditional.has(key) && !plain.has(key),
      conditionalTexts: conditional.get(key) ?? [],
    };
  });
}

/** A new field's value: unticked for a yes/no, empty text otherwise. */
export function emptyValueFor(field: PlaceholderField): FieldValue {
  return field.conditionalOnly ? { kind: 'flag', on: false } : { kind: 'text', text: '' };
}

/** The value to send for one field, or undefined to leave it out (so Notify reports it missing). */
function personalisationValue(value: FieldValue | undefined): unknown {
  if (!value) return undefined;
  switch (value.kind) {
    case 'text':
      return value.text;
    case 'flag':
      return value.on ? 'yes' : 'no';
    case 'list':
      return value.items.filter((item) => item.trim() !== '');
    case 'file': {
      if (!value.file) return undefined;
      const weeks = value.retentionWeeks.trim();
      return {
        file: value.file.base64,
        filename: value.filename.trim() || value.file.fileName,
        confirm_email_before_download: value.confirmEmailBeforeDownload,
        retention_period: weeks === '' ? null : `${weeks} week${weeks === '1' ? '' : 's'}`,
      };
    }
  }
}

/**
 * The personalisation object for a send.
 *
 * Every field is included as entered (an empty text is a value, as it is for Notify); letters
 * also get the non-empty address lines.
 */
export function buildPersonalisation(
  fields: readonly PlaceholderField[],
  values: Readonly<Record<string, FieldValue>>,
  address?: Readonly<Record<string, string>>,
): Personalisation {
  const out: Personalisation = {};
  if (address) {
    for (const key of ADDRESS_FIELDS) {
      const line = address[key]?.trim();
      if (line) out[key] = line;
    }
  }
  for (const field of fields) {
    const value = personalisationValue(values[field.name] ?? emptyValueFor(field));
    if (value !== undefined) out[field.name] = value;
  }
  return out;
}

/**
 * Personalisation for previews: file links are shown as Notify's link shape, since the real link
 * only exists after sending. With `showMissing`, an empty text is shown as `((name))`, so the
 * preview says where nothing has been typed yet (as plain text in every rendering).
 */
export function previewPersonalisation(
  fields: readonly PlaceholderField[],
  values: Readonly<Record<string, FieldValue>>,
  address?: Readonly<Record<string, string>>,
  options: { showMissing?: boolean } = {},
): Personalisation {
  const out = buildPersonalisation(fields, values, address);
  for (const field of fields) {
    const v = values[field.name];
    // A file field without a file is already left out by buildPersonalisation.
    if (v?.kind === 'file') {
      if (v.file) out[field.name] = FILE_LINK_PREVIEW;
    } else if (options.showMissing && (v === undefined || (v.kind === 'text' && v.text === ''))) {
      out[field.name] = `((${field.name}))`;
    }
  }
  return out;
}

/** What a file placeholder looks like in a preview: the shape of Notify's download link. */
const FILE_LINK_PREVIEW = 'https://documents.service.gov.uk/d/…';

/** Problems with file fields that Notify would reject (§11), by field name. */
export function fileFieldProblems(values: Readonly<Record<string, FieldValue>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, v] of Object.entries(values)) {
    if (v.kind !== 'file') continue;
    if (!v.file) {
      out[name] = 'Choose a file to send, or switch this field back to text.';
      continue;
    }
    if (v.file.size > 2 * 1024 * 1024) out[name] = 'File is larger than 2MB';
    const filename = v.filename.trim() || v.file.fileName;
    if (!filename.includes('.'))
      out[name] = 'filename must end with a file extension. For example, filename.csv';
    else if (filename.length > 100) out[name] = '`filename` cannot be longer than 100 characters';
    const weeks = v.retentionWeeks.trim();
    if (weeks !== '' && !(/^\d+$/.test(weeks) && Number(weeks) >= 1 && Number(weeks) <= 78)) {
      out[name] = 'Retention must be from 1 to 78 weeks.';
    }
  }
  return out;
}
