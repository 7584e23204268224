/**
 * The Sandbox screen's address: `#/sandbox` (its first tab) or `#/sandbox/<tab>`, so the header's
 * "fault active" marker can link to the faults and a reload keeps the tab.
 */
export const SANDBOX_TABS = [
  { id: 'keys', label: 'Services and keys' },
  { id: 'templates', label: 'Templates' },
  { id: 'received', label: 'Received texts' },
  { id: 'faults', label: 'Faults' },
  { id: 'clock', label: 'Clock' },
  { id: 'inbox', label: 'Inbox' },
  { id: 'settings', label: 'Service settings' },
] as const;
export type SandboxTab = (typeof SANDBOX_TABS)[number]['id'];

export function isSandboxTab(value: unknown): value is SandboxTab {
  return SANDBOX_TABS.some((t) => t.id === value);
}

export function sandboxToHash(tab: SandboxTab | undefined): string {
  return tab && tab !== 'keys' ? `#/sandbox/${tab}` : '#/sandbox';
}
