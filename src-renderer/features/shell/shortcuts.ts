/**
 * Keyboard shortcuts: a tiny state machine for chords (`Ctrl/Cmd+K`) and sequences (`g t`).
 *
 * Pure, so the rules (ignore typing in fields, time out a half-typed sequence) are tested without
 * a DOM. The shell's key listener feeds it one key at a time.
 */

export type ShortcutAction =
  | 'open-palette'
  | 'open-help'
  | 'toggle-presenting'
  | 'focus-search'
  | 'close'
  | 'go-profiles'
  | 'go-templates'
  | 'go-send'
  | 'go-bulk'
  | 'go-status'
  | 'go-history'
  | 'go-support'
  | 'go-archive'
  | 'go-received'
  | 'go-inspector'
  | 'go-sandbox';

export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** Shift is held (only the presentation-mode chord looks at it). */
  shiftKey?: boolean;
  /** Focus is in a text field, select or contenteditable: plain keys belong to it. */
  inEditable: boolean;
}

interface ShortcutState {
  /** First key of a sequence typed so far (`g`), and when. */
  pending: string | null;
  pendingAt: number;
}

const SEQUENCE_TIMEOUT_MS = 1500;

/** The presentation-mode chord, as shown in the help dialog, palette and header. */
export const PRESENTING_SHORTCUT = 'Ctrl+Shift+H / ⌘⇧H';

/** `g <key>` destinations. */
const GO_KEYS: Readonly<Record<string, ShortcutAction>> = {
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
};

/** Every shortcut, for the help dialog. */
export const SHORTCUT_HELP: ReadonlyArray<{ keys: string; description: string }> = [
  { keys: 'Ctrl+K / ⌘K', description: 'Open the command palette' },
  { keys: '?', description: 'Show keyboard shortcuts' },
  { keys: PRESENTING_SHORTCUT, description: 'Turn presentation mode on or off (hides personal data)' },
  { keys: '/', description: 'Focus the search box of this screen' },
  { keys: 'Esc', description: 'Close a dialog or the palette' },
  { keys: 'g p', description: 'Go to profiles' },
  { keys: 'g t', description: 'Go to templates' },
  { keys: 'g s', description: 'Go to send' },
  { keys: 'g n', description: 'Go to notification status' },
  { keys: 'g h', description: 'Go to history' },
  { keys: 'g u', description: 'Go to support (lookup and failures)' },
  { keys: 'g r', description: 'Go to received text messages' },
  { keys: 'g i', description: 'Go to the request inspector' },
  { keys: 'g x', description: 'Go to the embedded sandbox’s panel' },
  { keys: 'Ctrl+Enter', description: 'Send (on the send screen)' },
  { keys: '↑ ↓ PgUp PgDn Home End, Enter', description: 'Move through and open history rows' },
];

export const initialShortcutState: ShortcutState = { pending: null, pendingAt: 0 };

/** Feeds one key press; returns the next state and the action to run, if any. */
export function reduceShortcut(
  state: ShortcutState,
  input: KeyInput,
  now: number,
): { state: ShortcutState; action: ShortcutAction | null } {
  const none = { state: initialShortcutState, action: null };
  const key = input.key;
  if ((input.ctrlKey || input.metaKey) && !input.altKey && key.toLowerCase() === 'k') {
    return { state: initialShortcutState, action: 'open-palette' };
  }
  // Works while typing too: hiding the screen's data must not wait for focus to leave a field.
  if ((input.ctrlKey || input.metaKey) && input.shiftKey && !input.altKey && key.toLowerCase() === 'h') {
    return { state: initialShortcutState, action: 'toggle-presenting' };
  }
  if (key === 'Escape') return { state: initialShortcutState, action: 'close' };
  if (input.inEditable || input.ctrlKey || input.metaKey || input.altKey) return none;
  const pending = state.pending && now - state.pendingAt <= SEQUENCE_TIMEOUT_MS ? state.pending : null;
  if (pending === 'g') return { state: initialShortcutState, action: GO_KEYS[key.toLowerCase()] ?? null };
  if (key === 'g') return { state: { pending: 'g', pendingAt: now }, action: null };
  if (key === '?') return { state: initialShortcutState, action: 'open-help' };
  if (key === '/') return { state: initialShortcutState, action: 'focus-search' };
  return none;
}
