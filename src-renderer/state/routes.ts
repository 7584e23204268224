/**
 * The screens and how to address them. The store's `route` is the truth; the URL fragment mirrors
 * it (`#/history`, `#/status/<profile id>/<notification id>`; see ./url-route and ./url-sync), so a
 * screen can be linked to, reloaded, and reached with Back and Forward. The fragment carries only
 * screen names and ids: browser mode's `#token=…` is taken out of it before routing starts
 * (../api/browser-token).
 */
import type { ArchiveQuery } from '../features/archive/archive-route';
import type { SandboxTab } from '../features/sandbox/sandbox-route';

import type { HistoryFilters } from '../../src-main/contract/methods';

export type Screen =
  | 'profiles'
  | 'templates'
  | 'send'
  | 'bulk'
  | 'status'
  | 'history'
  | 'support'
  | 'archive'
  | 'received'
  | 'inspector'
  | 'sandbox';

export type Route =
  | { screen: 'profiles' }
  | { screen: 'templates'; templateId?: string }
  | { screen: 'send'; templateId?: string }
  /** Bulk send: the upload and the batches, or one batch. */
  | { screen: 'bulk'; batchId?: string }
  | { screen: 'status'; profileId?: string; id?: string }
  /** `filters` undefined: the filters in use now (in-app navigation keeps History's place). */
  | { screen: 'history'; filters?: HistoryFilters }
  | { screen: 'support' }
  /** A search (`query`, as the address holds it) or one archived notification (`id`). */
  | { screen: 'archive'; query?: ArchiveQuery; id?: string }
  | { screen: 'received' }
  | { screen: 'inspector' }
  /** The embedded sandbox's panel, on one of its tabs. */
  | { screen: 'sandbox'; tab?: SandboxTab };

/** Where the console opens when the URL names no screen (or names one it does not know). */
export const DEFAULT_ROUTE: Route = { screen: 'send' };

interface ScreenInfo {
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
  { screen: 'bulk', title: 'Bulk sending', key: 'b' },
  { screen: 'status', title: 'Status', key: 'n' },
  { screen: 'history', title: 'History', key: 'h' },
  { screen: 'support', title: 'Support', key: 'u' },
  { screen: 'archive', title: 'Archive', key: 'a' },
  { screen: 'received', title: 'Received texts', key: 'r' },
  { screen: 'inspector', title: 'Inspector', key: 'i' },
  { screen: 'sandbox', title: 'Sandbox', key: 'x' },
];
