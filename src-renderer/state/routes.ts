/**
 * The screens and how to address them. In-memory routing: the console is one window, and the
 * browser-mode URL must not carry state (its fragment held the session token).
 */

export type Screen =
  'profiles' | 'templates' | 'send' | 'status' | 'history' | 'support' | 'received' | 'inspector';

export type Route =
  | { screen: 'profiles' }
  | { screen: 'templates'; templateId?: string }
  | { screen: 'send'; templateId?: string }
  | { screen: 'status'; profileId?: string; id?: string }
  | { screen: 'history' }
  | { screen: 'support' }
  | { screen: 'received' }
  | { screen: 'inspector' };

export interface ScreenInfo {
  screen: Screen;
  title: string;
  /** The `g <key>` shortcut. */
  key: string;
}

/** Every screen in navigation order. */
export const SCREENS: readonly ScreenInfo[] = [
  { screen: 'profiles', title: 'Profiles', key: 'p' },
  { screen: 'templates', title: 'Templates', key: 't' },
  { screen: 'send', title: 'Send', key: 's' },
  { screen: 'status', title: 'Status', key: 'n' },
  { screen: 'history', title: 'History', key: 'h' },
  { screen: 'support', title: 'Support', key: 'u' },
  { screen: 'received', title: 'Received texts', key: 'r' },
  { screen: 'inspector', title: 'Inspector', key: 'i' },
];

export const screenTitle = (screen: Screen): string =>
  SCREENS.find((s) => s.screen === screen)?.title ?? screen;
