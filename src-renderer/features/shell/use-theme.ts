/**
 * Applies the theme choice to the page: `data-theme` on <html> for an explicit choice, nothing for
 * "system" (the stylesheet then follows `prefers-color-scheme`).
 */
import { useEffect, useSyncExternalStore } from 'react';
import { useAppStore } from '../../state/context';

const QUERY = '(prefers-color-scheme: dark)';

function subscribe(onChange: () => void): () => void {
  const media = window.matchMedia(QUERY);
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}

/** Whether the system prefers dark. */
function useSystemPrefersDark(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(QUERY).matches,
    () => false,
  );
}

/** The theme actually showing. */
export function useEffectiveTheme(): 'light' | 'dark' {
  const choice = useAppStore((s) => s.theme);
  const systemDark = useSystemPrefersDark();
  return choice === 'system' ? (systemDark ? 'dark' : 'light') : choice;
}

export function useApplyTheme(): void {
  const choice = useAppStore((s) => s.theme);
  useEffect(() => {
    const root = document.documentElement;
    if (choice === 'system') root.removeAttribute('data-theme');
    else root.setAttribute('data-theme', choice);
  }, [choice]);
}
