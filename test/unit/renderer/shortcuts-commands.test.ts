import { describe, expect, it } from 'vitest';
import { filterCommands } from '../../../src-renderer/features/shell/commands';
import {
  initialShortcutState,
  PRESENTING_SHORTCUT,
  SHORTCUT_HELP,
  reduceShortcut,
  type KeyInput,
} from '../../../src-renderer/features/shell/shortcuts';
import { SCREENS } from '../../../src-renderer/state/routes';

const key = (k: string, extra: Partial<KeyInput> = {}): KeyInput => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  inEditable: false,
  ...extra,
});

function press(keys: Array<[KeyInput, number]>) {
  let state = initialShortcutState;
  const actions: Array<string | null> = [];
  for (const [input, at] of keys) {
    const r = reduceShortcut(state, input, at);
    state = r.state;
    actions.push(r.action);
  }
  return actions;
}

describe('reduceShortcut', () => {
  it('opens the palette with Ctrl+K or Cmd+K, even while typing', () => {
    expect(press([[key('k', { ctrlKey: true }), 0]])).toEqual(['open-palette']);
    expect(press([[key('K', { metaKey: true, inEditable: true }), 0]])).toEqual(['open-palette']);
  });

  it('navigates with g then a letter', () => {
    expect(
      press([
        [key('g'), 0],
        [key('t'), 100],
      ]),
    ).toEqual([null, 'go-templates']);
    expect(
      press([
        [key('g'), 0],
        [key('h'), 100],
      ]),
    ).toEqual([null, 'go-history']);
    expect(
      press([
        [key('g'), 0],
        [key('i'), 100],
      ]),
    ).toEqual([null, 'go-inspector']);
    expect(
      press([
        [key('g'), 0],
        [key('s'), 100],
      ]),
    ).toEqual([null, 'go-send']);
  });

  it('forgets a half-typed sequence after the timeout (1.5 s)', () => {
    expect(
      press([
        [key('g'), 0],
        [key('t'), 1500],
      ]),
    ).toEqual([null, 'go-templates']);
    expect(
      press([
        [key('g'), 0],
        [key('t'), 1501],
      ]),
    ).toEqual([null, null]);
  });

  it('ignores plain keys while typing in a field', () => {
    expect(
      press([
        [key('g', { inEditable: true }), 0],
        [key('t', { inEditable: true }), 10],
      ]),
    ).toEqual([null, null]);
    expect(press([[key('/', { inEditable: true }), 0]])).toEqual([null]);
    expect(press([[key('?', { inEditable: true }), 0]])).toEqual([null]);
  });

  it('has help, search and close', () => {
    expect(press([[key('?'), 0]])).toEqual(['open-help']);
    expect(press([[key('/'), 0]])).toEqual(['focus-search']);
    expect(press([[key('Escape', { inEditable: true }), 0]])).toEqual(['close']);
  });

  it('toggles presentation mode with Ctrl+Shift+H or Cmd+Shift+H, even while typing', () => {
    expect(press([[key('H', { ctrlKey: true, shiftKey: true }), 0]])).toEqual(['toggle-presenting']);
    expect(press([[key('h', { metaKey: true, shiftKey: true, inEditable: true }), 0]])).toEqual([
      'toggle-presenting',
    ]);
    // Without Shift, or with Alt, it is not the chord; a plain H is not either.
    expect(press([[key('h', { ctrlKey: true }), 0]])).toEqual([null]);
    expect(press([[key('H', { ctrlKey: true, shiftKey: true, altKey: true }), 0]])).toEqual([null]);
    expect(press([[key('H', { shiftKey: true }), 0]])).toEqual([null]);
    // It does not disturb a g-sequence's neighbours: g then h still goes to history.
    expect(
      press([
        [key('g'), 0],
        [key('h'), 100],
      ]),
    ).toEqual([null, 'go-history']);
  });

  it('lists the presentation-mode shortcut in the help', () => {
    expect(SHORTCUT_HELP.find((s) => s.keys === PRESENTING_SHORTCUT)?.description).toMatch(
      /presentation mode/,
    );
  });

  it('has a g-shortcut for every screen, matching the navigation', () => {
    const go = (letter: string) =>
      press([
        [key('g'), 0],
        [key(letter), 100],
      ])[1];
    // The letters the help dialog and the navigation show.
    expect(Object.fromEntries([...'ptsbnhuarix'].map((l) => [l, go(l)]))).toEqual({
      p: 'go-profiles',
      t: 'go-templates',
      s: 'go-send',
      b: 'go-bulk',
      n: 'go-status',
      h: 'go-history',
      u: 'go-support',
      a: 'go-archive',
      r: 'go-received',
      i: 'go-inspector',
      x: 'go-sandbox',
    });
    for (const s of SCREENS) expect(go(s.key), s.screen).toBe(`go-${s.screen}`);
    // A letter no screen has does nothing.
    expect(go('z')).toBeNull();
  });
});

describe('filterCommands', () => {
  const commands = [
    { label: 'Go to Templates', group: 'Go to' as const, keywords: 'templates' },
    { label: 'Go to History', group: 'Go to' as const },
    { label: 'Export history to CSV', group: 'Actions' as const, keywords: 'download spreadsheet' },
    { label: 'Use the dark theme', group: 'View' as const, keywords: 'theme mode' },
  ];

  it('returns everything for an empty query', () => {
    expect(filterCommands(commands, '  ')).toHaveLength(4);
  });

  it('matches every word against label, keywords and group', () => {
    expect(filterCommands(commands, 'history').map((c) => c.label)).toEqual([
      'Go to History',
      'Export history to CSV',
    ]);
    expect(filterCommands(commands, 'spreadsheet').map((c) => c.label)).toEqual(['Export history to CSV']);
    expect(filterCommands(commands, 'dark mode').map((c) => c.label)).toEqual(['Use the dark theme']);
    expect(filterCommands(commands, 'nothing like it')).toEqual([]);
  });

  it('ranks a label that starts with the query first', () => {
    expect(filterCommands(commands, 'export').map((c) => c.label)[0]).toBe('Export history to CSV');
    expect(filterCommands(commands, 'go to h')[0]?.label).toBe('Go to History');
  });
});
