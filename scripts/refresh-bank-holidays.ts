#!/usr/bin/env node
// Regenerates src-shared/letters/bank-holidays-data.ts: England and Wales bank holidays, taken from
// Notify's bank-holidays.json (the GOV.UK /bank-holidays.json format) for the years it covers, and
// computed by the statutory rules for the years before and after.
import { commandLine, isMain, options, readSource, writeGenerated } from './refresh-lib';

const USAGE = `Usage: node --import tsx scripts/refresh-bank-holidays.ts --source <file|url> --source-name <text> [--from 2000] [--to 2040]

  --source       notifications-utils notifications_utils/data/bank-holidays.json (or GOV.UK's
                 https://www.gov.uk/bank-holidays.json, which has the same format)
  --source-name  where that copy came from, for the header (repository, path and commit or date)
  --from, --to   the first and last year written (default 2000 to 2040)`;

/** Holidays that replaced or joined the usual ones before the source's first year (Royal proclamations). */
type Holiday = [date: string, title: string];

const KNOWN_CHANGES: Record<number, { drop: string[]; add: Array<[monthDay: string, title: string]> }> = {
  2002: {
    drop: ['Spring bank holiday'],
    add: [
      ['06-03', 'Golden Jubilee bank holiday'],
      ['06-04', 'Spring bank holiday'],
    ],
  },
  2011: { drop: [], add: [['04-29', 'Royal wedding bank holiday']] },
  2012: {
    drop: ['Spring bank holiday'],
    add: [
      ['06-04', 'Spring bank holiday'],
      ['06-05', 'Diamond Jubilee bank holiday'],
    ],
  },
};

const iso = (date: Date): string => date.toISOString().slice(0, 10);
const utc = (year: number, month: number, day: number): Date => new Date(Date.UTC(year, month - 1, day));
const addDays = (date: Date, days: number): Date => new Date(date.getTime() + days * 86_400_000);

/** Easter Sunday (Gregorian), by the anonymous Gregorian algorithm. */
function easter(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  return utc(year, month, ((h + l - 7 * m + 114) % 31) + 1);
}

function firstMonday(year: number, month: number): Date {
  const first = utc(year, month, 1);
  return addDays(first, (8 - first.getUTCDay()) % 7);
}

function lastMonday(year: number, month: number): Date {
  const last = utc(year, month + 1, 0);
  return addDays(last, -((last.getUTCDay() + 6) % 7));
}

/** A weekend date moves to the following Monday (the substitute-day rule). */
function substitute(date: Date): Date {
  let day = date;
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day = addDays(day, 1);
  return day;
}

/** England and Wales bank holidays of one year by rule: `[isoDate, title]`, in date order. */
export function holidaysByRule(year: number): Holiday[] {
  const holidays: Holiday[] = [
    [iso(substitute(utc(year, 1, 1))), 'New Year’s Day'],
    [iso(addDays(easter(year), -2)), 'Good Friday'],
    [iso(addDays(easter(year), 1)), 'Easter Monday'],
    [iso(firstMonday(year, 5)), 'Early May bank holiday'],
    [iso(lastMonday(year, 5)), 'Spring bank holiday'],
    [iso(lastMonday(year, 8)), 'Summer bank holiday'],
  ];
  // Christmas Day and Boxing Day: a weekend one moves to the next weekday the other does not use.
  const christmasWeekday = utc(year, 12, 25).getUTCDay();
  const moved: Record<number, [number, number]> = { 6: [27, 28], 0: [27, 26], 5: [25, 28] };
  const [christmasDay, boxingDay] = moved[christmasWeekday] ?? [25, 26];
  holidays.push(
    [iso(utc(year, 12, christmasDay)), 'Christmas Day'],
    [iso(utc(year, 12, boxingDay)), 'Boxing Day'],
  );
  const change = KNOWN_CHANGES[year];
  const kept = change ? holidays.filter(([, title]) => !change.drop.includes(title)) : holidays;
  const added = change ? change.add.map(([monthDay, title]): Holiday => [`${year}-${monthDay}`, title]) : [];
  return [...kept, ...added].sort(([a], [b]) => (a < b ? -1 : 1));
}

/**
 * The generated module: the source's England-and-Wales events for the years it covers, the rules for
 * the others. Returns the text and the years each part covers.
 */
export function buildBankHolidays(
  sourceJson: string,
  {
    from,
    to,
    sourceName,
    command,
    today,
  }: { from: number; to: number; sourceName: string; command: string; today: string },
): { text: string; sourceYears: [number, number] } {
  const events: unknown = (JSON.parse(sourceJson) as Record<string, { events?: unknown }>)[
    'england-and-wales'
  ]?.events;
  if (!Array.isArray(events) || events.length === 0)
    throw new Error('no england-and-wales events in the source');
  const byYear = new Map<number, Holiday[]>();
  for (const event of events as Array<{ date: string; title: string }>) {
    if (!/^\d{4}-\d\d-\d\d$/.test(event.date))
      throw new Error(`not an ISO date: ${JSON.stringify(event.date)}`);
    const year = Number(event.date.slice(0, 4));
    byYear.set(year, [...(byYear.get(year) ?? []), [event.date, event.title]]);
  }
  const sourceYears = [...byYear.keys()].sort((a, b) => a - b);
  const first = sourceYears[0]!;
  const last = sourceYears.at(-1)!;
  const lines: string[] = [];
  for (let year = from; year <= to; year++) {
    const fromSource = byYear.get(year);
    const entries = fromSource ?? holidaysByRule(year);
    const how = fromSource ? '' : ' (by rule)';
    for (const [date, title] of [...entries].sort(([a], [b]) => (a < b ? -1 : 1))) {
      lines.push(`  '${date}', // ${title}${how}`);
    }
  }
  const text = `/**
 * Bank holidays in England and Wales, ${from}–${to}. Generated: do not edit by hand.
 *
 * ${first}–${last} are exactly the dates (division \`england-and-wales\`) of
 * ${sourceName},
 * the data Notify's \`BankHolidays(use_cached_holidays=True)\` reads. The other years, marked "by rule",
 * follow the statutory rules (substitute weekdays for weekend holidays) plus the one-off holidays of 2002, 2011
 * and 2012; no later one-off holiday can be known in advance, and Notify's own data file has no
 * holidays at all outside its years. Regenerated on ${today} with:
 *
 *     ${command}
 */
export const ENGLAND_AND_WALES_BANK_HOLIDAYS: readonly string[] = [
${lines.join('\n')}
];
`;
  return { text, sourceYears: [first, last] };
}

if (isMain(import.meta.url)) {
  const args = options(
    USAGE,
    {
      source: { type: 'string' },
      'source-name': { type: 'string' },
      from: { type: 'string', default: '2000' },
      to: { type: 'string', default: '2040' },
    },
    ['source', 'source-name'],
  );
  const { text, sourceYears } = buildBankHolidays(await readSource(args.source!), {
    from: Number(args.from),
    to: Number(args.to),
    sourceName: args['source-name']!,
    command: commandLine(new URL(import.meta.url).pathname),
    today: new Date().toISOString().slice(0, 10),
  });
  writeGenerated('src-shared/letters/bank-holidays-data.ts', text);
  console.log(`source covers ${sourceYears.join('–')}; other years computed by rule`);
}
