/**
 * The screen navigation.
 */
import { useAppStore, useAppStoreApi } from '../../state/context';
import { SCREENS } from '../../state/routes';

export function Nav() {
  const store = useAppStoreApi();
  const current = useAppStore((s) => s.route.screen);
  return (
    <nav className="nav" aria-label="Screens">
      <ul className="nav__list">
        {SCREENS.map((s) => (
          <li key={s.screen}>
            <button
              type="button"
              className={`nav__link ${current === s.screen ? 'nav__link--current' : ''}`}
              aria-current={current === s.screen ? 'page' : undefined}
              aria-label={`${s.title} screen`}
              data-testid={`nav-${s.screen}`}
              onClick={() => store.getState().navigate({ screen: s.screen })}
            >
              <span>{s.title}</span>
              <kbd className="kbd kbd--quiet" aria-hidden="true">
                g {s.key}
              </kbd>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
