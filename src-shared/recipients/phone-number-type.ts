/**
 * A phone number's type and validity, as `libphonenumber-js` decides them (`getNumberType`, `isValid`),
 * with each metadata pattern compiled once.
 *
 * The library builds `new RegExp('^(?:' + pattern + ')$')` for every pattern it tries, on every call:
 * about 25 µs a number for `getType()` and `isValid()` together, against 1 µs with the compiled
 * patterns kept (there are a few thousand). This is the library's algorithm over the same metadata,
 * through its numbering plans' runtime API, which its type declarations do not describe. (Parsing,
 * which also tries patterns to tell the regions of a calling code apart, still builds its own.)
 */
import { Metadata } from 'libphonenumber-js/core';
import type { PhoneNumber, PhoneNumberType } from 'libphonenumber-js/max';
import maxMetadata from 'libphonenumber-js/max/metadata';

/** The parts of a numbering plan's runtime API that type detection uses. */
interface TypeDescription {
  pattern(): string;
  possibleLengths(): number[] | undefined;
}
interface NumberingPlanTypes {
  nationalNumberPattern(): string;
  hasTypes(): boolean;
  type(name: PhoneNumberType): TypeDescription | undefined;
}

const metadata = new Metadata(maxMetadata);
const compiled = new Map<string, RegExp>();

/** The library's `matchesEntirely`, with the pattern compiled on first use. */
function matchesEntirely(text: string, pattern: string): boolean {
  let regex = compiled.get(pattern);
  if (regex === undefined) {
    regex = new RegExp(`^(?:${pattern})$`);
    compiled.set(pattern, regex);
  }
  return regex.test(text);
}

/** The types tried after fixed line, in the library's order. */
const NON_FIXED_LINE_TYPES: readonly PhoneNumberType[] = [
  'MOBILE',
  'PREMIUM_RATE',
  'TOLL_FREE',
  'SHARED_COST',
  'VOIP',
  'PERSONAL_NUMBER',
  'PAGER',
  'UAN',
  'VOICEMAIL',
];

function isNumberTypeEqualTo(
  nationalNumber: string,
  name: PhoneNumberType,
  plan: NumberingPlanTypes,
): boolean {
  const type = plan.type(name);
  if (!type || !type.pattern()) return false;
  const lengths = type.possibleLengths();
  if (lengths && !lengths.includes(nationalNumber.length)) return false;
  return matchesEntirely(nationalNumber, type.pattern());
}

function numberTypeIn(nationalNumber: string, plan: NumberingPlanTypes): PhoneNumberType | undefined {
  if (!matchesEntirely(nationalNumber, plan.nationalNumberPattern())) return undefined;
  if (isNumberTypeEqualTo(nationalNumber, 'FIXED_LINE', plan)) {
    const mobile = plan.type('MOBILE');
    if (!mobile || mobile.pattern() === '') return 'FIXED_LINE_OR_MOBILE';
    return isNumberTypeEqualTo(nationalNumber, 'MOBILE', plan) ? 'FIXED_LINE_OR_MOBILE' : 'FIXED_LINE';
  }
  return NON_FIXED_LINE_TYPES.find((name) => isNumberTypeEqualTo(nationalNumber, name, plan));
}

/** `number.getType()` and `number.isValid()` of a number parsed with the `max` metadata, in one go. */
export function numberTypeAndValidity(number: PhoneNumber): {
  type: PhoneNumberType | undefined;
  valid: boolean;
} {
  if (!number.country && !number.countryCallingCode) return { type: undefined, valid: false };
  // `selectNumberingPlan` takes a region or a calling code, as the library passes it.
  metadata.selectNumberingPlan((number.country ?? number.countryCallingCode) as never);
  const plan = metadata.numberingPlan as unknown as NumberingPlanTypes;
  const type = numberTypeIn(number.nationalNumber, plan);
  const valid = plan.hasTypes()
    ? type !== undefined
    : matchesEntirely(number.nationalNumber, plan.nationalNumberPattern());
  return { type, valid };
}
