/**
 * The header: name, the profile switcher (colour and key type always visible), live-update state,
 * the palette, shortcuts help, presentation mode and the theme toggle. A live profile turns the
 * header's band red; presentation mode shows a banner saying personal data is hidden.
 */
import { selectActiveProfile } from '../../state/slices/profiles-slice';
import { useAppStore, useAppStoreApi } from '../../state/context';
import { FaultMarker } from '../sandbox/fault-marker';
import { AboutButton } from './about-dialog';
import { PRESENTING_SHORTCUT } from './shortcuts';
import { ProfileSwitcher } from './profile-switcher';
import { useEffectiveTheme } from './use-theme';
import './header.css';

export function Header() {
  const store = useAppStoreApi();
  const active = useAppStore(selectActiveProfile);
  const live = useAppStore((s) => s.liveUpdates);
  const theme = useEffectiveTheme();
  const mode = useAppStore((s) => s.appStatus.value?.mode ?? null);
  const presenting = useAppStore((s) => s.presenting);
  return (
    <header
      className={`header ${active?.keyType === 'live' ? 'header--live' : ''}`}
      style={active ? { borderTopColor: active.colour } : undefined}
      data-testid="header"
    >
      <div className="header__brand">
        <span className="header__logo" aria-hidden="true">
          ◆
        </span>
        <span className="header__title">Notify Console</span>
        {mode === 'browser' ? <span className="muted small">browser mode</span> : null}
      </div>
      <ProfileSwitcher />
      {active?.keyType === 'live' ? (
        <span className="header__live-warning" data-testid="live-warning">
          Live key: messages are real and charged
        </span>
      ) : null}
      <FaultMarker />
      {presenting ? (
        <span className="header__presenting" role="status" data-testid="presenting-indicator">
          Presenting — personal data hidden
        </span>
      ) : null}
      <div className="header__actions">
        {live === false ? (
          <span className="pill pill--warning" role="status">
            Live updates reconnecting…
          </span>
        ) : null}
        <button
          type="button"
          className="button button--ghost"
          onClick={() => store.getState().setPaletteOpen(true)}
          aria-keyshortcuts="Control+K Meta+K"
        >
          Commands <kbd className="kbd">Ctrl K</kbd>
        </button>
        <button
          type="button"
          className="button button--ghost"
          onClick={() => store.getState().setShortcutsOpen(true)}
          aria-keyshortcuts="?"
        >
          Shortcuts
        </button>
        <button
          type="button"
          className="button button--ghost"
          data-testid="presenting-toggle"
          aria-pressed={presenting}
          aria-keyshortcuts="Control+Shift+H Meta+Shift+H"
          title={`Hide recipients, personalisation, references and key hints (${PRESENTING_SHORTCUT})`}
          onClick={() => store.getState().setPresenting(!presenting)}
        >
          Presentation mode
        </button>
        <AboutButton />
        <button
          type="button"
          className="button button--ghost"
          data-testid="theme-toggle"
          onClick={() => store.getState().setTheme(theme === 'dark' ? 'light' : 'dark')}
        >
          {theme === 'dark' ? 'Light theme' : 'Dark theme'}
        </button>
      </div>
    </header>
  );
}
