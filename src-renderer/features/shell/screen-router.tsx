/**
 * Shows the current screen and moves focus to its heading after navigation, so keyboard and
 * screen-reader users land at the top of what changed.
 */
import { useEffect, useRef } from 'react';
import { useAppStore } from '../../state/context';
import { BulkScreen } from '../bulk/bulk-screen';
import { ArchiveScreen } from '../archive/archive-screen';
import { HistoryScreen } from '../history/history-screen';
import { InspectorScreen } from '../inspector/inspector-screen';
import { StatusScreen } from '../notification/status-screen';
import { ProfilesScreen } from '../profiles/profiles-screen';
import { ReceivedScreen } from '../received/received-screen';
import { SandboxScreen } from '../sandbox/sandbox-screen';
import { SendScreen } from '../send/send-screen';
import { SupportScreen } from '../support/support-screen';
import { TemplatesScreen } from '../templates/templates-screen';

export function ScreenRouter() {
  const screen = useAppStore((s) => s.route.screen);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.querySelector<HTMLElement>('#main h1')?.focus();
  }, [screen]);
  switch (screen) {
    case 'profiles':
      return <ProfilesScreen />;
    case 'templates':
      return <TemplatesScreen />;
    case 'send':
      return <SendScreen />;
    case 'bulk':
      return <BulkScreen />;
    case 'status':
      return <StatusScreen />;
    case 'history':
      return <HistoryScreen />;
    case 'support':
      return <SupportScreen />;
    case 'archive':
      return <ArchiveScreen />;
    case 'received':
      return <ReceivedScreen />;
    case 'inspector':
      return <InspectorScreen />;
    case 'sandbox':
      return <SandboxScreen />;
  }
}
