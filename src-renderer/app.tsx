/**
 * The console window: header, navigation, the current screen, and the overlays (palette, help,
 * toasts). Data comes from the store; the store talks to the core through the API client.
 */
import { Toasts } from './components/toasts';
import { CommandPalette } from './features/shell/command-palette';
import { ConsoleNoticesBanner } from './features/shell/console-notices-banner';
import { Header } from './features/shell/header';
import { Nav } from './features/shell/nav';
import { ScreenRouter } from './features/shell/screen-router';
import { SessionProblem } from './features/shell/session-problem';
import { ShortcutsDialog } from './features/shell/shortcuts-dialog';
import { useGlobalShortcuts } from './features/shell/use-global-shortcuts';
import { useApplyPresentation } from './features/shell/use-presentation';
import { useApplyTheme } from './features/shell/use-theme';
import { VaultBanner } from './features/shell/vault-banner';
import { useAppStore } from './state/context';

export function App() {
  useApplyTheme();
  useApplyPresentation();
  useGlobalShortcuts();
  const rejected = useAppStore((s) => s.appStatus.error?.code === 'unauthorized');
  if (rejected) return <SessionProblem reason="rejected" />;
  return (
    <div className="app">
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          // The fragment names the screen, so the link moves focus without changing it.
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Skip to the screen
      </a>
      <Header />
      <VaultBanner />
      <ConsoleNoticesBanner />
      <div className="layout">
        <Nav />
        <main id="main" className="main" tabIndex={-1}>
          <ScreenRouter />
        </main>
      </div>
      <CommandPalette />
      <ShortcutsDialog />
      <Toasts />
    </div>
  );
}
