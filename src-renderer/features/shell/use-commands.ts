/**
 * Every screen and action as palette commands.
 */
import { useMemo } from 'react';
import type { Command } from './commands';
import { PRESENTING_SHORTCUT } from './shortcuts';
import { useAppStoreApi, useAppStoreShallow } from '../../state/context';
import { SCREENS } from '../../state/routes';
import { useEffectiveTheme } from './use-theme';

export function useCommands(): Command[] {
  const store = useAppStoreApi();
  const { profiles, activeProfileId, vault, presenting } = useAppStoreShallow((s) => ({
    profiles: s.profiles.value,
    activeProfileId: s.activeProfileId,
    vault: s.appStatus.value?.vault ?? null,
    presenting: s.presenting,
  }));
  const theme = useEffectiveTheme();
  return useMemo(() => {
    const s = () => store.getState();
    const list: Command[] = SCREENS.map((screen) => ({
      id: `go-${screen.screen}`,
      label: `Go to ${screen.title}`,
      group: 'Go to',
      shortcut: `g ${screen.key}`,
      keywords: screen.screen,
      run: () => s().navigate({ screen: screen.screen }),
    }));
    for (const p of profiles ?? []) {
      if (p.id === activeProfileId) continue;
      list.push({
        id: `profile-${p.id}`,
        label: `Switch to profile ${p.name}`,
        group: 'Profiles',
        keywords: `${p.keyType} ${p.keyTypeLabel}`,
        run: () => void s().setActiveProfile(p.id),
      });
    }
    list.push(
      {
        id: 'add-profile',
        label: 'Add a profile',
        group: 'Profiles',
        keywords: 'new key',
        run: () => s().navigate({ screen: 'profiles' }),
      },
      {
        id: 'toggle-theme',
        label: theme === 'dark' ? 'Use the light theme' : 'Use the dark theme',
        group: 'View',
        keywords: 'theme dark light mode colour',
        run: () => s().setTheme(theme === 'dark' ? 'light' : 'dark'),
      },
      {
        id: 'toggle-presenting',
        label: presenting ? 'Turn presentation mode off' : 'Turn presentation mode on',
        group: 'View',
        shortcut: PRESENTING_SHORTCUT.split(' / ')[0],
        keywords: 'presentation screen share demo hide mask personal data privacy',
        run: () => s().setPresenting(!presenting),
      },
      {
        id: 'system-theme',
        label: 'Follow the system theme',
        group: 'View',
        keywords: 'theme auto',
        run: () => s().setTheme('system'),
      },
      {
        id: 'shortcuts',
        label: 'Show keyboard shortcuts',
        group: 'View',
        shortcut: '?',
        keywords: 'help keys',
        run: () => s().setShortcutsOpen(true),
      },
      {
        id: 'new-send',
        label: 'Send a new message',
        group: 'Actions',
        keywords: 'sms email letter',
        run: () => {
          s().clearSendResult();
          s().navigate({ screen: 'send' });
        },
      },
      {
        id: 'precompiled',
        label: 'Send a precompiled PDF letter',
        group: 'Actions',
        keywords: 'pdf upload',
        run: () => {
          s().setSendMode('precompiled');
          s().navigate({ screen: 'send' });
        },
      },
      {
        id: 'bulk-send',
        label: 'Send messages from a spreadsheet (bulk send)',
        group: 'Actions',
        keywords: 'bulk csv excel xlsx upload batch spreadsheet',
        run: () => s().navigate({ screen: 'bulk' }),
      },
      {
        id: 'lookup',
        label: 'Look up a notification by id or reference',
        group: 'Actions',
        keywords: 'search support find',
        run: () => s().navigate({ screen: 'support' }),
      },
      {
        id: 'failures',
        label: 'Review recent failures across profiles',
        group: 'Actions',
        keywords: 'support failed',
        run: () => {
          s().navigate({ screen: 'support' });
          void s().loadFailures();
        },
      },
      {
        id: 'archive-search',
        label: 'Search the notification archive',
        group: 'Actions',
        keywords: 'archive old past 7 days support recipient find retention',
        run: () => s().navigate({ screen: 'archive' }),
      },
      {
        id: 'export-csv',
        label: 'Export history to CSV',
        group: 'Actions',
        keywords: 'download spreadsheet',
        run: () => s().navigate({ screen: 'history' }),
      },
    );
    if (vault?.kind === 'passphrase' && !vault.locked && !vault.needsSetup) {
      list.push({
        id: 'lock',
        label: 'Lock the key vault',
        group: 'Actions',
        keywords: 'passphrase secure',
        run: () => void s().lockVault(),
      });
    }
    return list;
  }, [store, profiles, activeProfileId, vault, theme, presenting]);
}
