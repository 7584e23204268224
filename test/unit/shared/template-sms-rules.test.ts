import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  renderSmsBody,
  renderSmsUnsanitised,
  sanitiseSms,
  smsEncodingInfo,
  smsMessageInfo,
  SMS_CHAR_COUNT_LIMIT,
} from '../../../src-shared/template';
import { encodeSmsCharacter, sanitiseAscii } from '../../../src-shared/template/sanitise-text';

// Notify's SMS rules as the API runs them (reference §9.3, issue 15 points 1–3). The tables restate,
// in our own words, the cases of notifications-utils `tests/test_sanitise_text.py` and
// `tests/test_template_types.py`, plus every example given in the issue.

describe('the issue’s examples', () => {
  it.each<[string, string, { count: number; fragments: number; encoding: string; tooLong: boolean }]>([
    [
      'an ellipsis counts as the three full stops it is sent as',
      'a…',
      { count: 4, fragments: 1, encoding: 'GSM-7', tooLong: false },
    ],
    [
      '158 letters and an ellipsis are billed as 2 fragments',
      'a'.repeat(158) + '…',
      { count: 161, fragments: 2, encoding: 'GSM-7', tooLong: false },
    ],
    [
      '917 letters and an ellipsis are too long',
      'a'.repeat(917) + '…',
      { count: 920, fragments: 7, encoding: 'GSM-7', tooLong: true },
    ],
    [
      'ấ reduces to â but the message stays GSM-7',
      'ấ' + 'a'.repeat(100),
      { count: 101, fragments: 1, encoding: 'GSM-7', tooLong: false },
    ],
    [
      'extension characters count once in UCS-2',
      'ŵ' + '{'.repeat(40),
      { count: 41, fragments: 1, encoding: 'UCS-2', tooLong: false },
    ],
    [
      'extension characters count twice in GSM-7',
      '{'.repeat(81),
      { count: 81, fragments: 2, encoding: 'GSM-7', tooLong: false },
    ],
  ])('%s', (_what, content, expected) => {
    const info = smsMessageInfo(content, {});
    expect({
      count: info.characterCount,
      fragments: info.fragmentCount,
      encoding: info.encoding,
      tooLong: info.isTooLong,
    }).toEqual(expected);
  });

  it('ḉ has no sendable base (ç is not GSM-7), so it becomes ?', () => {
    expect(renderSmsBody('Fa((x))ade', { x: 'ḉ' })).toBe('Fa?ade');
    expect(smsEncodingInfo('ḉ').replaced).toEqual([{ from: 'ḉ', to: '?' }]);
  });

  it('U+2028 and U+2029 never reach the phone: line breaks in the text, removed by the sanitiser', () => {
    expect(renderSmsBody('a\u2028b\u2029c', {})).toBe('a\nb\nc');
    expect(sanitiseSms('a\u2028b\u2029c')).toBe('abc');
  });

  it('sanitises the prefix and counts it in fragments; the 918 limit subtracts the prefix as given', () => {
    const info = smsMessageInfo('a'.repeat(918), {}, 'Café…');
    expect(info.sentText.startsWith('Café...: a')).toBe(true);
    expect(info.fragmentCount).toBe(Math.ceil((918 + 'Café...: '.length) / 153));
    // content_count_without_prefix takes len(prefix) of the name as typed: the two extra full stops count.
    expect(info.characterCount).toBe(920);
    expect(smsMessageInfo('a'.repeat(918), {}, 'Service').isTooLong).toBe(false);
  });
});

describe('downgrades (SanitiseSMS and SanitiseASCII)', () => {
  // [character, what a text message keeps, what the ASCII sanitiser keeps]
  it.each<[string, string, string]>([
    ['a', 'a', 'a'],
    ['\t', ' ', ' '],
    ['ç', 'c', 'c'],
    ['–', '-', '-'],
    ['—', '-', '-'],
    ['‑', '-', '-'],
    ['−', '-', '-'],
    ['…', '...', '...'],
    ['\u200b', '', ''],
    ['\u200d', '', ''],
    ['‘', "'", "'"],
    ['’', "'", "'"],
    ['‚', "'", "'"],
    ['“', '"', '"'],
    ['”', '"', '"'],
    ['„', '"', '"'],
    ['\u00a0', ' ', ' '],
    ['\u202f', ' ', ' '],
    ['\u2028', '', ''],
    ['\u2029', '', ''],
    ['Ł', 'L', 'L'],
    ['ł', 'l', 'l'],
    ['😬', '?', '?'],
    ['↉', '?', '?'],
    // GSM-7 characters outside ASCII, and Welsh letters outside GSM-7
    ['\n', '\n', '?'],
    ['\r', '\r', '?'],
    ['à', 'à', 'a'],
    ['€', '€', '?'],
    ['â', 'â', 'a'],
    ['Ŷ', 'Ŷ', 'Y'],
    ['ë', 'ë', 'e'],
    ['Ò', 'Ò', 'O'],
    ['í', 'í', 'i'],
    // a decomposition is followed one level, and only to a character the target set allows
    ['ấ', 'â', '?'],
    ['ḉ', '?', '?'],
    ['ǖ', 'ü', '?'],
    ['ć', 'c', 'c'],
    ['Ç', 'Ç', 'C'],
    ['ṩ', '?', '?'],
    ['Ω', 'Ω', '?'],
  ])('%j: SMS %j, ASCII %j', (char, sms, ascii) => {
    expect(encodeSmsCharacter(char)).toBe(sms);
    expect(sanitiseAscii(char)).toBe(ascii);
  });

  it.each([
    ['Łōdź', 'Lodz'],
    ['The quick brown fox jumps over the lazy dog', 'The quick brown fox jumps over the lazy dog'],
  ])('%j becomes %j in both', (content, expected) => {
    expect(sanitiseSms(content)).toBe(expected);
    expect(sanitiseAscii(content)).toBe(expected);
  });

  it.each<[string, string[]]>([
    ['The quick brown fox jumps over the lazy dog', []],
    ['The “quick” brown fox has some downgradable characters\xa0', []],
    ['Need more 🐮🔔', ['🐮', '🔔']],
    ['Ŵêlsh chârâctêrs ârê cômpâtîblê', []],
    ['Lots of GSM chars that arent ascii compatible:\n\r€', []],
  ])('%j: %j cannot be sent (they become ?)', (content, unsendable) => {
    const replaced = smsEncodingInfo(content).replaced;
    expect(replaced.filter((r) => r.to === '?').map((r) => r.from)).toEqual(unsendable);
  });
});

// The character sets of notifications-utils `sanitise_text.py` (`SanitiseSMS`), stated here so a wrong
// set in the code fails these tests.

/** The GSM 03.38 extension table: sendable, but two septets each in GSM-7. */
const EXTENDED_GSM_CHARACTERS = '^{}\\[~]|€';

/** The GSM 03.38 basic character set and the extension table (`SanitiseSMS.GSM_CHARACTERS`). */
const GSM_CHARACTERS =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà' +
  EXTENDED_GSM_CHARACTERS;

/** Welsh letters with diacritics, all kept (`SanitiseSMS.WELSH_DIACRITICS`). */
const WELSH_DIACRITICS = 'àèìòùẁỳÀÈÌÒÙẀỲ' + 'áéíóúẃýÁÉÍÓÚẂÝ' + 'äëïöüẅÿÄËÏÖÜẄŸ' + 'âêîôûŵŷÂÊÎÔÛŴŶ';

describe('the character sets', () => {
  it.each([...GSM_CHARACTERS])('keeps the GSM-7 character %j and sends the message as GSM-7', (char) => {
    expect(sanitiseSms(`a${char}b`)).toBe(`a${char}b`);
    expect(smsEncodingInfo(`a${char}b`)).toMatchObject({ encoding: 'GSM-7', replaced: [] });
  });

  it.each([...WELSH_DIACRITICS])('keeps the Welsh letter %j', (char) => {
    expect(sanitiseSms(`a${char}b`)).toBe(`a${char}b`);
    const info = smsMessageInfo('((x))', { x: char });
    expect(info.body).toBe(char);
    // Those outside GSM-7 make the whole message UCS-2.
    expect(info.encoding).toBe(GSM_CHARACTERS.includes(char) ? 'GSM-7' : 'UCS-2');
  });

  it.each([...EXTENDED_GSM_CHARACTERS])('counts %j twice towards fragments', (char) => {
    // 159 letters and one extension character: 160 characters, 161 septets, so two fragments.
    expect(smsMessageInfo('a'.repeat(159) + char, {}).fragmentCount).toBe(2);
    expect(smsMessageInfo('a'.repeat(160), {}).fragmentCount).toBe(1);
  });

  it('counts no basic GSM-7 character twice', () => {
    for (const char of GSM_CHARACTERS) {
      if (EXTENDED_GSM_CHARACTERS.includes(char) || char === '\r' || char === '\n') continue;
      expect(smsMessageInfo('a'.repeat(159) + char, {}).fragmentCount, JSON.stringify(char)).toBe(1);
    }
  });

  it('sends as UCS-2 once a Welsh letter outside GSM-7 is typed, and as GSM-7 for one inside it', () => {
    expect(smsEncodingInfo('Ŵ').encoding).toBe('UCS-2');
    expect(smsEncodingInfo('à').encoding).toBe('GSM-7');
  });
});

/** Characters that exercise every rule: GSM-7, extension, Welsh, downgradable, replaced, unsendable. */
const INTERESTING = [
  ...'aZ0 .,\n',
  ...EXTENDED_GSM_CHARACTERS,
  ...'àâŵŷÿ',
  ...'ấḉćǖ…–’\u200b\u2028\u2029\u00a0\u202f\t',
  '😀',
  '中',
];
const smsText = fc.string({
  unit: fc.oneof(fc.constantFrom(...INTERESTING), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })),
  maxLength: 400,
});

describe('properties', () => {
  const sendable = new Set([...GSM_CHARACTERS, ...WELSH_DIACRITICS, '?']);

  it('sanitised text contains only GSM-7, kept Welsh letters and ?', () => {
    fc.assert(
      fc.property(smsText, (text) => {
        for (const char of sanitiseSms(text)) expect(sendable.has(char)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('the fragment count never decreases as the text grows', () => {
    fc.assert(
      fc.property(smsText, smsText, (start, more) => {
        const before = smsMessageInfo(start, {}).fragmentCount;
        const after = smsMessageInfo(start + more, {}).fragmentCount;
        expect(after).toBeGreaterThanOrEqual(before);
      }),
      { numRuns: 500 },
    );
  });

  it('the too-long check and the fragment count follow from the sanitised character count', () => {
    const extended = new Set(EXTENDED_GSM_CHARACTERS);
    fc.assert(
      fc.property(smsText, fc.constantFrom(null, 'Service', 'Café…'), (text, prefix) => {
        const info = smsMessageInfo('((x))', { x: text }, prefix);
        const body = sanitiseSms(renderSmsUnsanitised('((x))', { x: text }));
        expect(info.body).toBe(body);
        expect(info.sentText.endsWith(body)).toBe(true);
        expect(info.characterCount).toBe(
          prefix ? Math.max(info.sentText.length - prefix.length - 2, 0) : body.length,
        );
        expect(info.isTooLong).toBe(info.characterCount > SMS_CHAR_COUNT_LIMIT);
        const doubled = [...info.sentText].filter((c) => extended.has(c)).length;
        const units = info.sentText.length + (info.encoding === 'GSM-7' ? doubled : 0);
        const [single, multi] = info.encoding === 'GSM-7' ? [160, 153] : [70, 67];
        expect(info.fragmentCount).toBe(units <= single ? 1 : Math.ceil(units / multi));
      }),
      { numRuns: 500 },
    );
  });
});
