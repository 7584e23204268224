/**
 * The cell typing Notify's TSV reader applies (pyexcel-io `CSVSheetReader.__convert_cell`, 1.2).
 *
 * pyexcel-io turns text that looks like an integer or a float into a number, and Notify writes it
 * back with Python's `str()`: `+447700900123` becomes `447700900123`, `1,000` becomes `1000`,
 * `12.50` becomes `12.5`, `1e3` becomes `1000.0`. Text starting with `0` (other than `0.`) is left
 * alone, and so are `nan`, infinities and PEP 515 underscores. Dates (`YYYY-MM-DD`) come back as
 * written, so they are not converted here.
 */
import { PY_S } from '../template/python';

/** Python `str.strip()`: Python's whitespace at either end. */
const PY_STRIP = new RegExp(`^[${PY_S}]+|[${PY_S}]+$`, 'gu');
const PEP515_INT = /^([0-9]+_)+[0-9]+$/;
const PEP515_FLOAT = /^([0-9]+_)+[0-9]+.[0-9]*$/;
const PY_INT = /^[+-]?[0-9]+(?:_[0-9]+)*$/;
const GROUPED_INT = /^([0-9]+,)*[0-9]+$/;
const DIGITS = '[0-9]+(?:_[0-9]+)*';
const PY_FLOAT = new RegExp(`^[+-]?(?:${DIGITS}(?:\\.(?:${DIGITS})?)?|\\.${DIGITS})(?:[eE][+-]?${DIGITS})?$`);

/** Python `repr()` of a finite float: shortest digits, fixed between 1e-4 and 1e16, else `1e+16` style. */
export function pyFloatRepr(value: number): string {
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const [mantissa, exp] = value.toExponential().split('e') as [string, string];
  const exponent = Number(exp);
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '');
  const sign = negative ? '-' : '';
  if (exponent >= -4 && exponent < 16) {
    if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
    const intPart = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
    const frac = digits.slice(exponent + 1);
    return `${sign}${intPart}.${frac === '' ? '0' : frac}`;
  }
  const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  return `${sign}${m}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
}

function intValue(text: string): string | null {
  if (text.startsWith('0') && text.length > 1) return null;
  if (PEP515_INT.test(text)) return null;
  const stripped = text.replace(PY_STRIP, '');
  if (PY_INT.test(stripped)) return BigInt(stripped.replaceAll('_', '')).toString();
  if (GROUPED_INT.test(text)) return BigInt(text.replaceAll(',', '')).toString();
  return null;
}

function floatValue(text: string): string | null {
  if (text.startsWith('0') && !text.startsWith('0.')) return null;
  if (PEP515_FLOAT.test(text)) return null;
  const stripped = text.replace(PY_STRIP, '');
  if (!PY_FLOAT.test(stripped)) return null;
  const value = Number(stripped.replaceAll('_', ''));
  return Number.isFinite(value) ? pyFloatRepr(value) : null;
}

/** A TSV cell as Notify ends up with it after pyexcel-io's typing and Python's `str()`. */
export function tsvCellValue(text: string): string {
  if (text === '') return text;
  return intValue(text) ?? floatValue(text) ?? text;
}
