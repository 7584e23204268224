/**
 * Profile names and colours for the profile column, from the loaded profiles.
 */
import { useAppStore } from '../../state/context';
import type { ProfileLookup } from './columns';

const NEUTRAL = '#505a5f';

export function useProfileLookup(fallbackNames: Readonly<Record<string, string>> = {}): ProfileLookup {
  const profiles = useAppStore((s) => s.profiles.value);
  return {
    colourOf: (id) => profiles?.find((p) => p.id === id)?.colour ?? NEUTRAL,
    nameOf: (id) => profiles?.find((p) => p.id === id)?.name ?? fallbackNames[id] ?? id,
  };
}
