/**
 * Placeholders left empty. Notify accepts an empty value (only a missing one is refused), but it
 * is almost never meant: "Hello ((name))," goes out as "Hello ,". The send form says so next to
 * the field and in the preview, quoting the line as it will read (issue 9.7).
 */
import type { Template } from '../../../src-main/contract/schemas';
import { normaliseKey, renderEmailBody, type Personalisation } from '../../../src-shared/template';
import type { FieldValue, PlaceholderField } from './placeholder-fields';

/** How much of the line is quoted. */
const QUOTE_LENGTH = 80;

export interface EmptyPlaceholder {
  name: string;
  /** The first line that uses it, as it will read (empty value in place), or null if it is only in a conditional. */
  reads: string | null;
}

const placeholderIn = (line: string, name: string): boolean => {
  const key = normaliseKey(name);
  for (const m of line.matchAll(/\(\(([^()]+)\)\)/g)) {
    const body = m[1] as string;
    if (!body.includes('??') && normaliseKey(body) === key) return true;
  }
  return false;
};

/** Whether a field's value is an empty text or a list with no item. */
function isEmptyValue(value: FieldValue | undefined): boolean {
  if (!value) return true;
  if (value.kind === 'text') return value.text.trim() === '';
  if (value.kind === 'list') return value.items.every((item) => item.trim() === '');
  return false;
}

/**
 * The text placeholders with an empty value, in template order, each with the line it appears in
 * rendered with what will be sent (`personalisation`: the values as sent, empty ones included).
 */
export function emptyPlaceholders(
  template: Pick<Template, 'body' | 'subject'>,
  fields: readonly PlaceholderField[],
  values: Readonly<Record<string, FieldValue>>,
  personalisation: Personalisation,
): EmptyPlaceholder[] {
  const lines = [template.subject ?? '', ...template.body.split(/\r\n|\n|\r/)];
  return fields
    .filter((f) => !f.conditionalOnly && isEmptyValue(values[f.name]))
    .map((f) => {
      const line = lines.find((l) => placeholderIn(l, f.name));
      if (line === undefined) return { name: f.name, reads: null };
      const rendered = renderEmailBody(line, personalisation).replace(/\s+/g, ' ');
      return {
        name: f.name,
        reads: rendered.length > QUOTE_LENGTH ? `${rendered.slice(0, QUOTE_LENGTH)}…` : rendered,
      };
    });
}

/** `name is empty: the message will read “Hello ,”`. */
export function emptyPlaceholderMessage(e: EmptyPlaceholder): string {
  return e.reads === null
    ? `${e.name} is empty: Notify accepts it, but it is almost never meant.`
    : `${e.name} is empty: the message will read “${e.reads}”`;
}
