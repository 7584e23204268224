import { describe, expect, it } from 'vitest';
import {
  isMessageEmpty,
  lookupPersonalisation,
  missingPersonalisation,
  normaliseKey,
  placeholderNames,
  renderEmailBody,
  renderLetterBody,
  renderSmsBody,
  str2bool,
  templatePlaceholders,
} from '../../../src-shared/template';
import { pyStr } from '../../../src-shared/template/python';

// Cases ported from alphagov/notifications-utils tests/test_field.py and test_insensitive_dict.py.

describe('normaliseKey (InsensitiveDict.make_key)', () => {
  it.each([
    ['FIRST_NAME', 'firstname'],
    ['first name', 'firstname'],
    ['first-name', 'firstname'],
    ['First  Name', 'firstname'],
    ['Address_Line-1', 'addressline1'],
    ['name', 'name'],
  ])('%s -> %s', (key, expected) => {
    expect(normaliseKey(key)).toBe(expected);
  });
});

describe('placeholderNames', () => {
  it.each<[string, string[]]>([
    ['', []],
    ['the quick brown fox', []],
    ['the ((quick brown fox', []],
    ['the (()) brown fox', []],
    ['((colour))', ['colour']],
    ['((article)) quick ((colour)) ((animal))', ['article', 'colour', 'animal']],
    ['the quick (((colour))) fox', ['colour']],
    ['((warning?))', ['warning?']],
    ['((warning??This is a conditional warning))', ['warning']],
    ['((warning??a??b))', ['warning']],
    ['((Name)) ((name)) ((NAME))', ['Name']],
    ['((first name)) ((first_name)) ((First-Name))', ['first name']],
    ['((a))((b))((a))', ['a', 'b']],
  ])('%j', (content, expected) => {
    expect(placeholderNames([content])).toEqual(expected);
  });

  it('de-duplicates across texts keeping the first spelling', () => {
    expect(placeholderNames(['((Name)) ((date))', null, undefined, '((NAME)) ((time))'])).toEqual([
      'Name',
      'date',
      'time',
    ]);
  });
});

describe('templatePlaceholders: Notify order (§9.1)', () => {
  it('sms: body only', () => {
    expect(templatePlaceholders({ type: 'sms', content: '((b)) ((a))', subject: '((ignored))' })).toEqual([
      'b',
      'a',
    ]);
  });
  it('email: subject then body', () => {
    expect(templatePlaceholders({ type: 'email', subject: '((s)) ((b))', content: '((b)) ((c))' })).toEqual([
      's',
      'b',
      'c',
    ]);
  });
  it('letter: contact block, subject, body', () => {
    expect(
      templatePlaceholders({
        type: 'letter',
        letterContactBlock: '((team)) ((phone))',
        subject: '((ref))',
        content: '((name)) ((team))',
      }),
    ).toEqual(['team', 'phone', 'ref', 'name']);
  });
});

describe('missingPersonalisation', () => {
  const t = {
    type: 'email' as const,
    subject: 'Hi ((First Name))',
    content: '((first_name)) ((date)) ((show??x))',
  };

  it('lists absent and null values, as written, in template order', () => {
    expect(missingPersonalisation(t, {})).toEqual(['First Name', 'date', 'show']);
    expect(missingPersonalisation(t, { FIRSTNAME: 'Jo', date: null })).toEqual(['date', 'show']);
  });
  it('treats empty strings, 0 and false as present', () => {
    expect(missingPersonalisation(t, { 'first-name': '', date: 0, show: false })).toEqual([]);
  });
  it('ignores extra keys', () => {
    expect(missingPersonalisation({ type: 'sms', content: 'hi' }, { extra: 1 })).toEqual([]);
  });
});

describe('lookupPersonalisation', () => {
  it('finds values insensitively and lets the last duplicate win', () => {
    expect(lookupPersonalisation({ 'First Name': 'a' }, 'first_name')).toBe('a');
    expect(lookupPersonalisation({ name: 'a', NAME: 'b' }, 'Name')).toBe('b');
    expect(lookupPersonalisation({ name: 'a' }, 'other')).toBeUndefined();
  });
});

describe('str2bool (conditional placeholders)', () => {
  it.each(['0', 'off', 'exclude', 'no', 'any random string', 'false', 'False', '', '2', '99.99999', '1.0'])(
    '%j does not show',
    (value) => expect(str2bool(value)).toBe(false),
  );
  it.each(['1', 'yes', 'y', 'true', 'True', 'TRUE', 't', 'include', 'show', 'Show', 'YES'])(
    '%j shows',
    (value) => expect(str2bool(value)).toBe(true),
  );
});

describe('Python str() of values', () => {
  it.each<[unknown, string]>([
    [true, 'True'],
    [false, 'False'],
    [0, '0'],
    [123, '123'],
    [1.5, '1.5'],
    [0.1 + 0.2, '0.30000000000000004'],
    [-2.5, '-2.5'],
    [1e-5, '1e-05'],
    [1.5e-7, '1.5e-07'],
    [123456.789, '123456.789'],
    [1.5e16, '15000000000000000'],
    [1.25e20, '125000000000000000000'],
    [{ key: 'value' }, "{'key': 'value'}"],
    [[1, 2], '[1, 2]'],
    [{ a: [1, null, true, "it's"] }, `{'a': [1, None, True, "it's"]}`],
    [null, 'None'],
  ])('%j -> %s', (value, expected) => {
    expect(pyStr(value)).toBe(expected);
  });
  it('prints non-integral floats with Python exponents', () => {
    expect(pyStr(0.0001)).toBe('0.0001');
    expect(pyStr(-0.00001234)).toBe('-1.234e-05');
    expect(pyStr(-0)).toBe('0');
    expect(renderSmsBody('Pay ((amount))', { amount: -0.00001234 })).toBe('Pay -1.234e-05');
  });
});

describe('replacement of placeholders (test_field.py)', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['((colour))', { colour: 'red' }, 'red'],
    ['the quick ((colour)) fox', { colour: 'brown' }, 'the quick brown fox'],
    [
      '((article)) quick ((colour)) ((animal))',
      { article: 'the', colour: 'brown', animal: 'fox' },
      'the quick brown fox',
    ],
    ['the quick (((colour))) fox', { colour: 'brown' }, 'the quick (brown) fox'],
    ['before ((placeholder)) after', { placeholder: '' }, 'before  after'],
    ['before ((placeholder)) after', { placeholder: '   ' }, 'before     after'],
    ['before ((placeholder)) after', { placeholder: true }, 'before True after'],
    ['before ((placeholder)) after', { placeholder: false }, 'before False after'],
    ['before ((placeholder)) after', { placeholder: 0 }, 'before 0 after'],
    ['before ((placeholder)) after', { placeholder: 123 }, 'before 123 after'],
    ['before ((placeholder)) after', { placeholder: 0.1 + 0.2 }, 'before 0.30000000000000004 after'],
    ['before ((placeholder)) after', { placeholder: { key: 'value' } }, "before {'key': 'value'} after"],
    ['((warning?))', { 'warning?': 'This is not a conditional' }, 'This is not a conditional'],
    ['((warning?warning))', { 'warning?warning': 'This is not a conditional' }, 'This is not a conditional'],
    ['((warning??This is a conditional warning))', { warning: true }, 'This is a conditional warning'],
    [
      '((warning??This is a conditional warning\nwith line break))',
      { warning: true },
      'This is a conditional warning\nwith line break',
    ],
    ['((warning??This is a conditional warning))', { warning: false }, ''],
    ['((warning??This is a conditional warning))', { warning: 'yes' }, 'This is a conditional warning'],
    ['((warning??This is a conditional warning))', { warning: 1 }, 'This is a conditional warning'],
    ['((warning??This is a conditional warning))', { warning: 0 }, ''],
    ['((warning??This is a conditional warning))', { warning: 'no' }, ''],
    ['((warning??a??b))', { warning: 'show' }, 'a??b'],
    // Email lists become Markdown bullets before the yes/no test, so a list never shows here.
    ['((warning??shown))', { warning: ['yes'] }, ''],
    ['Hi ((First Name))', { first_name: 'Jo' }, 'Hi Jo'],
  ])('%j with %j', (content, values, expected) => {
    expect(renderEmailBody(content, values)).toBe(expected.trim());
  });

  it('does not escape values in API bodies (passthrough)', () => {
    expect(renderEmailBody('the quick ((colour)) fox', { colour: "<script>alert('foo')</script>" })).toBe(
      "the quick <script>alert('foo')</script> fox",
    );
  });

  it('marks missing placeholders as Notify does when other values are given', () => {
    expect(renderEmailBody('((name)) ((colour))', { name: 'Jo' })).toBe(
      "Jo <span class='placeholder'>&#40;&#40;colour&#41;&#41;</span>",
    );
    expect(renderEmailBody('((show_thing??thing)) ((colour))', { colour: 'red' })).toBe(
      "<span class='placeholder-conditional'>&#40;&#40;show_thing??</span>thing&#41;&#41; red",
    );
    expect(renderSmsBody('((name)) ((colour))', { name: 'Jo' })).toBe('Jo ((colour))');
  });

  it('in SMS a one-item list reads as prose, so ["yes"] shows a conditional', () => {
    expect(renderSmsBody('((warning??shown))', { warning: ['yes'] })).toBe('shown');
    expect(renderSmsBody('((warning??shown))', { warning: ['yes', 'no'] })).toBe('');
  });

  it('fills placeholders with nothing when the personalisation is empty (SMS counting mode)', () => {
    expect(renderSmsBody('Hi ((name)), bye', {})).toBe('Hi , bye');
  });
});

describe('list values (test_field_renders_lists_as_strings)', () => {
  it.each<[unknown[], string, string]>([
    [[], 'list: ', 'list: '],
    [['', ''], 'list: ', 'list: '],
    [[' ', ' \t ', '\u180E'], 'list: ', 'list: '],
    [['one'], 'list: one', 'list: \n\n* one'],
    [['one', 'two'], 'list: one and two', 'list: \n\n* one\n* two'],
    [['one', 'two', 'three'], 'list: one, two and three', 'list: \n\n* one\n* two\n* three'],
    [['one', null, null], 'list: one', 'list: \n\n* one'],
    [[1, { two: 2 }, 'three', null], "list: 1, {'two': 2} and three", "list: \n\n* 1\n* {'two': 2}\n* three"],
    [
      [
        [1, 2],
        [3, 4],
      ],
      'list: [1, 2] and [3, 4]',
      'list: \n\n* [1, 2]\n* [3, 4]',
    ],
    [[0.1, true, false], 'list: 0.1, True and False', 'list: \n\n* 0.1\n* True\n* False'],
    [['\u200bzero\u00a0width '], 'list: zerowidth', 'list: \n\n* zerowidth'],
  ])('%j', (value, asProse, asMarkdown) => {
    // SMS renders prose lists (and strips the trailing space); email and letter render bullets.
    expect(renderSmsBody('list: ((placeholder))', { placeholder: value })).toBe(asProse.trim());
    expect(renderEmailBody('list: ((placeholder))', { placeholder: value })).toBe(asMarkdown.trim());
    expect(renderLetterBody('list: ((placeholder))', { placeholder: value })).toBe(asMarkdown.trim());
  });
});

describe('isMessageEmpty (§5 step 7.6)', () => {
  it.each<[string, string, Record<string, unknown>, boolean]>([
    ['sms', '((a))', { a: '' }, true],
    ['sms', '((a)) ((b))', { a: ' ', b: '\n' }, true],
    ['sms', 'hello ((a))', { a: '' }, false],
    ['sms', '((a??shown))', { a: 'no' }, true],
    ['sms', '((a??shown))', { a: 'yes' }, false],
    ['sms', '((a))', { a: '\u200b' }, true],
    ['email', '((a))', { a: '' }, true],
    ['email', '((a)) ((b))', { a: '', b: '  ' }, true],
    ['email', '((a)).', { a: '' }, false],
    ['email', 'Hi ((a))', { a: '' }, false],
    ['email', '((a))', { a: 'x' }, false],
    ['email', '', {}, true],
    ['letter', '((a))', { a: '' }, true],
    ['letter', '((a))', { a: [] }, true],
    ['letter', '((a))', { a: ['x'] }, false],
  ])('%s %j %j -> %s', (type, content, values, expected) => {
    expect(isMessageEmpty({ type: type as 'sms' | 'email' | 'letter', content, subject: 's' }, values)).toBe(
      expected,
    );
  });
});
