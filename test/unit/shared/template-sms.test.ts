import { describe, expect, it } from 'vitest';
import {
  renderSmsBody,
  renderSmsUnsanitised,
  sanitiseSms,
  smsCharacterCount,
  smsEncodingInfo,
  smsFragmentCount,
  smsMessageInfo,
} from '../../../src-shared/template';
import { encodeSmsCharacter } from '../../../src-shared/template/sanitise-text';

// Cases ported from alphagov/notifications-utils tests/test_sanitise_text.py and
// tests/test_template_types.py, plus the reference's §9.3.

describe('SanitiseSMS.encode_char', () => {
  it.each([
    ['a', 'a'],
    ['\t', ' '],
    ['ç', 'c'],
    ['–', '-'],
    ['—', '-'],
    ['…', '...'],
    ['\u200B', ''],
    ['‘', "'"],
    ['’', "'"],
    ['“', '"'],
    ['”', '"'],
    ['\xa0', ' '],
    ['😬', '?'],
    ['↉', '?'],
    // GSM characters and Welsh characters are kept
    ['\n', '\n'],
    ['\r', '\r'],
    ['à', 'à'],
    ['€', '€'],
    ['â', 'â'],
    ['Ŷ', 'Ŷ'],
    ['ë', 'ë'],
    ['Ò', 'Ò'],
    ['í', 'í'],
    ['ŵ', 'ŵ'],
    // replacements listed in the reference (§9.3)
    ['\u2011', '-'],
    ['\u2212', '-'],
    ['\u201a', "'"],
    ['\u201e', '"'],
    ['\u202f', ' '],
    ['\u2028', ''],
    ['\u2029', ''],
    ['\ufeff', ''],
    ['Ł', 'L'],
    ['ł', 'l'],
    // decompositions: one level, kept only when the base is itself sendable (as in Python)
    ['ć', 'c'],
    ['Ñ', 'Ñ'],
    ['ǖ', 'ü'],
    ['ḉ', '?'],
    ['\u212b', 'Å'],
    ['Å', 'Å'],
    // no decomposition, no replacement
    ['가', '?'],
    ['中', '?'],
    ['Э', '?'],
    ['`', '?'],
    ['\u00a3', '£'],
  ])('%j -> %j', (char, expected) => {
    expect(encodeSmsCharacter(char)).toBe(expected);
  });

  it.each([
    ['Łōdź', 'Lodz'],
    ['The quick brown fox jumps over the lazy dog', 'The quick brown fox jumps over the lazy dog'],
    ['Ŵêlsh chârâctêrs ârê cômpâtîblê', 'Ŵêlsh chârâctêrs ârê cômpâtîblê'],
    ['Need more 🐮🔔', 'Need more ??'],
    ['👍🏽', '??'],
    ['extended ^{}\\[~]|€ kept', 'extended ^{}\\[~]|€ kept'],
  ])('encode(%j) = %j', (content, expected) => {
    expect(sanitiseSms(content)).toBe(expected);
  });
});

describe('SMS rendering pipeline (§9.3)', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['Hello ((name)) , how are you ?', { name: 'Jo' }, 'Hello Jo, how are you ?'],
    ['a \t. b  ,c', {}, 'a. b,c'],
    ['  leading and trailing  ', {}, 'leading and trailing'],
    ['line  one  \n   line   two', {}, 'line one\nline two'],
    ['windows\r\nline\rendings', {}, 'windows\nline\nendings'],
    ['P1 \n\n\n\n\n\n P2', {}, 'P1\n\nP2'],
    ['a\u00a0\u00a0b\u202fc', {}, 'a b c'],
    ['zero\u200bwidth\u200d joiner\ufeff', {}, 'zerowidth joiner'],
    ['line\u2028separator', {}, 'line\nseparator'],
    ['tab\there', {}, 'tab here'],
    ['“Smart” quotes – and…', {}, '"Smart" quotes - and...'],
    ['Emoji 😀 and 中文', {}, 'Emoji ? and ??'],
    ['((a)) ((b))', { a: 'x', b: '' }, 'x'],
    ['Value: ((v))', { v: true }, 'Value: True'],
    ['Value: ((v))', { v: 1.5 }, 'Value: 1.5'],
    ['You need: ((items)).', { items: ['passport', 'bill', 'id'] }, 'You need: passport, bill and id.'],
    ['((show??Shown)) text', { show: 'no' }, 'text'],
    ['((show??Shown)) text', { show: true }, 'Shown text'],
    ['Spaces before ((x)) .', { x: '' }, 'Spaces before.'],
  ])('%j with %j', (content, values, expected) => {
    expect(renderSmsBody(content, values)).toBe(expected);
  });

  it('adds the prefix before normalising and sanitising', () => {
    expect(renderSmsBody('  Hello  ', {}, 'GOV.UK ')).toBe('GOV.UK: Hello');
    expect(renderSmsBody('Hello', {}, null)).toBe('Hello');
    expect(renderSmsBody('Hello', {}, '')).toBe('Hello');
    expect(renderSmsBody('', {}, 'Service')).toBe('Service:');
  });

  it('keeps values’ own characters subject to the same rules', () => {
    expect(renderSmsBody('Code: ((code))', { code: ' 12\u200b34 ' })).toBe('Code: 1234');
  });
});

describe('fragment counts (test_template_types.py)', () => {
  it.each<[string, number]>([
    ['à'.repeat(71), 1],
    ['à'.repeat(160), 1],
    ['à'.repeat(161), 2],
    ['à'.repeat(306), 2],
    ['à'.repeat(307), 3],
    ['à'.repeat(612), 4],
    ['à'.repeat(613), 5],
    ['à'.repeat(765), 5],
    ['à'.repeat(766), 6],
    ['à'.repeat(918), 6],
    ['à'.repeat(919), 7],
    ['ÿ'.repeat(70), 1],
    ['ÿ'.repeat(71), 2],
    ['ÿ'.repeat(134), 2],
    ['ÿ'.repeat(135), 3],
    ['ÿ'.repeat(268), 4],
    ['ÿ'.repeat(269), 5],
    ['ÿ'.repeat(402), 6],
    ['ÿ'.repeat(403), 7],
    ['à'.repeat(70) + 'ÿ', 2],
    ['🚀'.repeat(160), 1],
    ['^'.repeat(80), 1],
    ['^'.repeat(81), 2],
    ['a'.repeat(158) + '|', 1],
    ['a'.repeat(159) + '|', 2],
    ['a'.repeat(304) + '[', 2],
    ['a'.repeat(304) + '[]', 3],
    ['â'.repeat(132) + '{', 2],
    // In UCS-2 an extension character counts once (reference §9.3): 133 + 1 = 134 is 2 fragments.
    ['â'.repeat(133) + '}', 2],
    ['â'.repeat(134) + '}', 3],
    ['This is a short message.', 1],
    ['', 1],
  ])('%#: %d fragments', (message, expected) => {
    expect(smsMessageInfo(message, {}).fragmentCount).toBe(expected);
    expect(smsFragmentCount(renderSmsBody(message, {}))).toBe(expected);
  });

  it('counts the prefix in fragments but not in the 918 limit', () => {
    const info = smsMessageInfo('a'.repeat(150), {}, 'Service name');
    expect(info.sentText).toBe(`Service name: ${'a'.repeat(150)}`);
    expect(info.body).toBe('a'.repeat(150));
    expect(info.characterCount).toBe(150);
    expect(info.fragmentCount).toBe(2);
  });

  it('uses the sanitised length, as Notify does', () => {
    // An ellipsis is sent as three full stops, and counted and billed as three characters.
    const message = '…'.repeat(100);
    expect(smsMessageInfo(message, {}).characterCount).toBe(300);
    expect(smsMessageInfo(message, {}).fragmentCount).toBe(2);
    expect(smsFragmentCount(renderSmsBody(message, {}))).toBe(2);
  });

  it('counts placeholder values, not placeholder names', () => {
    const info = smsMessageInfo('((a_very_long_placeholder_name_indeed))', {
      a_very_long_placeholder_name_indeed: 'x',
    });
    expect(info.characterCount).toBe(1);
  });
});

describe('character count and the 918 limit', () => {
  it.each<[string, Record<string, unknown>, number]>([
    ['The quick brown fox jumped over the lazy dog', {}, 44],
    ['G D  S', {}, 5],
    ['P1 \n\n\n\n\n\n P2', {}, 6],
    ['((placeholder))', { placeholder: '1' }, 1],
    ['😀😀', {}, 2],
    ['Hi ((name))', { name: '🚀' }, 4],
  ])('%j -> %d', (content, values, expected) => {
    expect(smsCharacterCount(renderSmsUnsanitised(content, values))).toBe(expected);
    expect(smsMessageInfo(content, values).characterCount).toBe(expected);
  });

  it('flags messages over 918 characters, prefix excluded', () => {
    expect(smsMessageInfo('a'.repeat(918), {}, 'Prefix').isTooLong).toBe(false);
    expect(smsMessageInfo('a'.repeat(919), {}, 'Prefix').isTooLong).toBe(true);
    expect(smsMessageInfo('a'.repeat(919), {}).characterCount).toBe(919);
  });

  it('is empty only when nothing is left after normalising', () => {
    expect(smsMessageInfo('((a))', { a: '  ' }, 'Prefix').isEmpty).toBe(true);
    expect(smsMessageInfo('((a))', { a: 'x' }, 'Prefix').isEmpty).toBe(false);
    // Notify quirk: `Prefix: .` loses the space before the full stop, so the count minus
    // `len(prefix) + 2` is 0 and a one-character message counts as empty.
    expect(smsMessageInfo('((a))', { a: '.' }, 'Prefix').isEmpty).toBe(true);
    expect(smsMessageInfo('((a))', { a: '.' }).isEmpty).toBe(false);
  });
});

describe('smsEncodingInfo', () => {
  it('reports GSM-7 for plain text', () => {
    expect(smsEncodingInfo('Hello world')).toEqual({ encoding: 'GSM-7', nonGsmCharacters: [], replaced: [] });
  });
  it('reports downgrades and unknown characters once each, in order', () => {
    expect(smsEncodingInfo('ć ć “x” 😀')).toEqual({
      encoding: 'GSM-7',
      nonGsmCharacters: ['ć', '“', '”', '😀'],
      replaced: [
        { from: 'ć', to: 'c' },
        { from: '“', to: '"' },
        { from: '”', to: '"' },
        { from: '😀', to: '?' },
      ],
    });
  });
  it('reports UCS-2 for Welsh letters outside GSM-7', () => {
    const info = smsEncodingInfo('Croeso i Gymru ŵ');
    expect(info.encoding).toBe('UCS-2');
    expect(info.nonGsmCharacters).toEqual(['ŵ']);
    expect(info.replaced).toEqual([]);
  });
  it('does not flag extension characters (they are GSM-7)', () => {
    expect(smsEncodingInfo('€ [x]').nonGsmCharacters).toEqual([]);
  });
});
