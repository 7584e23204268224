#!/usr/bin/env node
// Regenerates src-shared/recipients/billing-rates-data.ts from Notify's international SMS rate table,
// notifications-utils notifications_utils/international_billing_rates.yml.
import { commandLine, isMain, options, readSource, writeGenerated } from './refresh-lib';

const USAGE = `Usage: node --import tsx scripts/refresh-billing-rates.ts --source <file|url> --source-name <text>

  --source       notifications-utils notifications_utils/international_billing_rates.yml, e.g.
                 https://raw.githubusercontent.com/alphagov/notifications-utils/main/notifications_utils/international_billing_rates.yml
  --source-name  where that copy came from, for the header (repository, path and commit or date)`;

/**
 * Rate multipliers that Notify's newer tests assert (tests/recipient_validation/test_phone_number.py)
 * but that a file still in the old `billable_units` form does not carry. Applied only to such a file:
 * one with `rate_multiplier` is taken as it is.
 */
const MULTIPLIERS_ASSERTED_BY_NOTIFY_TESTS: Readonly<Record<string, number>> = {
  '20': 7,
  '7': 10,
  '1664': 6,
  '230': 4,
  '44': 2,
};

export interface BillingRate {
  prefix: string;
  multiplier: number;
  dlr: string | null;
  names: string[];
}

/** A YAML scalar as PyYAML writes them here: plain, `'single'` (with `''`), `"double"`, or `null`. */
function scalar(text: string): string | null {
  const value = text.trim();
  if (value === 'null' || value === '~') return null;
  if (value.startsWith("'") && value.endsWith("'")) return value.slice(1, -1).replaceAll("''", "'");
  if (value.startsWith('"') && value.endsWith('"')) return JSON.parse(value) as string;
  return value;
}

/**
 * Reads the parts of the file that Notify's code uses: each prefix's multiplier (`rate_multiplier`,
 * or `billable_units` in older files), `attributes.dlr` and `names`. Lines are read by indentation,
 * which is how PyYAML lays the file out; anything it cannot read is an error, not a guess.
 */
export function parseBillingRates(yaml: string): {
  rates: BillingRate[];
  format: 'rate_multiplier' | 'billable_units';
} {
  const rates: BillingRate[] = [];
  let current: BillingRate | null = null;
  let section = '';
  let format: 'rate_multiplier' | 'billable_units' | null = null;
  for (const [index, line] of yaml.split('\n').entries()) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const prefix = /^'?(\d+)'?:\s*$/.exec(line);
    if (prefix) {
      current = { prefix: prefix[1]!, multiplier: NaN, dlr: null, names: [] };
      rates.push(current);
      section = '';
      continue;
    }
    if (current === null) throw new Error(`line ${index + 1}: content before the first prefix`);
    const key = /^ {2}(\w+):\s*(.*)$/.exec(line);
    if (key) {
      section = key[1]!;
      if (section === 'rate_multiplier' || section === 'billable_units') {
        format ??= section;
        current.multiplier = Number(key[2]);
      }
      continue;
    }
    const dlr = /^ {4}dlr:(.*)$/.exec(line);
    if (section === 'attributes' && dlr) current.dlr = scalar(dlr[1]!);
    const name = /^ {2}- (.*)$/.exec(line);
    if (section === 'names' && name) current.names.push(scalar(name[1]!) ?? '');
  }
  for (const rate of rates) {
    if (!Number.isFinite(rate.multiplier) || rate.multiplier <= 0) {
      throw new Error(`prefix ${rate.prefix}: no rate_multiplier or billable_units`);
    }
  }
  if (format === null || rates.length === 0) throw new Error('no prefixes found');
  return { rates, format };
}

/** The generated module for a rate table. */
export function buildBillingRates(
  yaml: string,
  { sourceName, command, today }: { sourceName: string; command: string; today: string },
): string {
  const { rates, format } = parseBillingRates(yaml);
  const overrides = format === 'billable_units' ? MULTIPLIERS_ASSERTED_BY_NOTIFY_TESTS : {};
  const rows = rates.map(
    (r) =>
      `  [${JSON.stringify(r.prefix)}, ${r.multiplier}, ${JSON.stringify(r.dlr)}, ${JSON.stringify(r.names)}],`,
  );
  const overrideLines = Object.entries(overrides).map(
    ([prefix, value]) => `  ${JSON.stringify(prefix)}: ${value},`,
  );
  return `/**
 * International SMS billing data: Notify's \`international_billing_rates.yml\`. Generated: do not edit by
 * hand.
 *
 * Source: ${sourceName}, ${rates.length} prefixes, multipliers from its \`${format}\` field.
 * Regenerated on ${today} with:
 *
 *     ${command}
 *
 * Each row is \`[prefix, rate multiplier, attributes.dlr, names]\`; \`null\` is YAML \`null\`. The key set is
 * Notify's \`COUNTRY_PREFIXES\`: a number whose country calling code is not a key gives
 * UNSUPPORTED_COUNTRY_CODE. North American area codes (\`1664\` etc.) are their own keys. \`dlr\` is what
 * the API's \`country_records_delivery\` reads: only \`YES\` (any case) means receipts.
 */
export type BillingRateRow = readonly [
  prefix: string,
  rateMultiplier: number,
  dlr: string | null,
  names: readonly string[],
];

export const INTERNATIONAL_BILLING_RATES: readonly BillingRateRow[] = [
${rows.join('\n')}
];

/**
 * Multipliers Notify's newer tests assert where the source above still has \`billable_units\`
 * (tests/recipient_validation/test_phone_number.py: Egypt 7, Russia 10, Montserrat 6, Mauritius 4, and 2
 * for Crown-dependency numbers under +44). Empty when the source has \`rate_multiplier\`.
 */
export const RATE_MULTIPLIER_OVERRIDES: Readonly<Record<string, number>> = ${overrideLines.length ? `{\n${overrideLines.join('\n')}\n}` : '{}'};
`;
}

if (isMain(import.meta.url)) {
  const args = options(USAGE, { source: { type: 'string' }, 'source-name': { type: 'string' } }, [
    'source',
    'source-name',
  ]);
  writeGenerated(
    'src-shared/recipients/billing-rates-data.ts',
    buildBillingRates(await readSource(args.source!), {
      sourceName: args['source-name']!,
      command: commandLine(new URL(import.meta.url).pathname),
      today: new Date().toISOString().slice(0, 10),
    }),
  );
}
