/**
 * Window-level UI state: the current screen, theme, presentation mode, palette, help dialog and
 * toasts.
 */
import { DEFAULT_ROUTE, type Route } from '../routes';
import type { SliceCreator } from '../types';

type ThemeChoice = 'system' | 'light' | 'dark';
type ToastKind = 'info' | 'success' | 'error';

export interface Toast {
  id: number;
  kind: ToastKind;
  message: string;
}

export interface UiSlice {
  route: Route;
  theme: ThemeChoice;
  /** Presentation mode: personal data (recipients, personalisation, references, key hints) is masked. */
  presenting: boolean;
  paletteOpen: boolean;
  shortcutsOpen: boolean;
  toasts: Toast[];
  /** Whether the live event stream is connected (null until known). */
  liveUpdates: boolean | null;
  navigate(route: Route): void;
  setTheme(theme: ThemeChoice): void;
  setPresenting(presenting: boolean): void;
  setPaletteOpen(open: boolean): void;
  setShortcutsOpen(open: boolean): void;
  pushToast(kind: ToastKind, message: string): number;
  dismissToast(id: number): void;
  setLiveUpdates(connected: boolean): void;
}

const THEME_KEY = 'notify-console.theme';
const PRESENTING_KEY = 'notify-console.presenting';
const MAX_TOASTS = 4;

/** Reads a stored theme choice, ignoring anything unexpected. */
function readTheme(value: string | null): ThemeChoice {
  return value === 'light' || value === 'dark' || value === 'system' ? value : 'system';
}

/** Reads the stored presentation-mode flag: only `on` turns it on. */
function readPresenting(value: string | null): boolean {
  return value === 'on';
}

function readPref(prefs: { getItem(key: string): string | null }, key: string): string | null {
  try {
    return prefs.getItem(key);
  } catch {
    return null;
  }
}

/** Adds a toast, dropping the oldest beyond {@link MAX_TOASTS}. */
function addToast(toasts: readonly Toast[], toast: Toast): Toast[] {
  return [...toasts, toast].slice(-MAX_TOASTS);
}

let nextToastId = 1;

export const createUiSlice: SliceCreator<UiSlice> = (set, get, { prefs }) => {
  return {
    route: DEFAULT_ROUTE,
    theme: readTheme(readPref(prefs, THEME_KEY)),
    presenting: readPresenting(readPref(prefs, PRESENTING_KEY)),
    paletteOpen: false,
    shortcutsOpen: false,
    toasts: [],
    liveUpdates: null,
    navigate: (route) =>
      set({
        // History opened without filters (the navigation, a shortcut) keeps the ones in use.
        route:
          route.screen === 'history' && route.filters === undefined
            ? { ...route, filters: get().history.filters }
            : route,
        paletteOpen: false,
      }),
    setTheme(theme) {
      set({ theme });
      try {
        prefs.setItem(THEME_KEY, theme);
      } catch {
        // Storage may be unavailable; the choice still applies to this window.
      }
    },
    setPresenting(presenting) {
      set({ presenting });
      try {
        prefs.setItem(PRESENTING_KEY, presenting ? 'on' : 'off');
      } catch {
        // As for the theme: it still applies to this window.
      }
    },
    setPaletteOpen: (open) => set({ paletteOpen: open, ...(open ? { shortcutsOpen: false } : {}) }),
    setShortcutsOpen: (open) => set({ shortcutsOpen: open, ...(open ? { paletteOpen: false } : {}) }),
    pushToast(kind, message) {
      const id = nextToastId++;
      set({ toasts: addToast(get().toasts, { id, kind, message }) });
      return id;
    },
    dismissToast: (id) => set({ toasts: get().toasts.filter((t) => t.id !== id) }),
    setLiveUpdates: (connected) => set({ liveUpdates: connected }),
  };
};
