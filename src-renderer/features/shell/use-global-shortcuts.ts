/**
 * The window-wide key listener: palette, help, presentation mode, search focus and `g <key>`
 * navigation.
 */
import { useEffect } from 'react';
import { initialShortcutState, reduceShortcut, type ShortcutAction } from './shortcuts';
import { useAppStoreApi } from '../../state/context';
import type { Screen } from '../../state/routes';

const GO: Partial<Record<ShortcutAction, Screen>> = {
  'go-profiles': 'profiles',
  'go-templates': 'templates',
  'go-send': 'send',
  'go-bulk': 'bulk',
  'go-status': 'status',
  'go-history': 'history',
  'go-support': 'support',
  'go-archive': 'archive',
  'go-received': 'received',
  'go-inspector': 'inspector',
  'go-sandbox': 'sandbox',
};

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'color', 'range'].includes(
      target.type,
    );
  }
  return false;
}

export function useGlobalShortcuts(): void {
  const store = useAppStoreApi();
  useEffect(() => {
    let state = initialShortcutState;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const inDialog = e.target instanceof HTMLElement && e.target.closest('dialog') !== null;
      const result = reduceShortcut(
        state,
        {
          key: e.key,
          ctrlKey: e.ctrlKey,
          metaKey: e.metaKey,
          altKey: e.altKey,
          shiftKey: e.shiftKey,
          inEditable: isEditable(e.target) || inDialog,
        },
        performance.now(),
      );
      state = result.state;
      const action = result.action;
      if (!action || action === 'close') return;
      const s = store.getState();
      e.preventDefault();
      if (action === 'open-palette') s.setPaletteOpen(!s.paletteOpen);
      else if (action === 'open-help') s.setShortcutsOpen(true);
      else if (action === 'toggle-presenting') s.setPresenting(!s.presenting);
      else if (action === 'focus-search') document.querySelector<HTMLElement>('[data-search]')?.focus();
      else {
        const screen = GO[action];
        if (screen) s.navigate({ screen });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
