/**
 * Keeps the URL fragment and the store's route in step, both ways.
 *
 * - At start the fragment names the first screen (browser mode has already taken `#token=…` out
 *   of it). An empty fragment is the default screen and is left empty; one that does not parse
 *   opens the default screen and is replaced by its fragment.
 * - Navigating in the app pushes a history entry, only when the fragment actually changes.
 * - `popstate` and `hashchange` (Back, Forward, a link pasted into the address bar) move the app to
 *   the fragment's route without pushing anything; a fragment that does not parse opens the default
 *   screen and is replaced, never pushed.
 *
 * Hash changes are same-document navigations, so this works alike in browser mode and in Electron
 * (whose main process only vets navigations to other documents).
 */
import { DEFAULT_ROUTE, type Route } from './routes';
import type { AppStore } from './types';
import { hashToRoute, routeToHash } from './url-route';

type HistoryEvent = 'popstate' | 'hashchange';

/** The parts of `window` the sync uses; tests pass a fake. */
export interface UrlEnvironment {
  location: { readonly hash: string };
  history: {
    pushState(data: unknown, unused: string, url?: string): void;
    replaceState(data: unknown, unused: string, url?: string): void;
  };
  addEventListener(type: HistoryEvent, listener: () => void): void;
  removeEventListener(type: HistoryEvent, listener: () => void): void;
}

/** The route the address bar stands for: its fragment's, or the default screen's when it is empty. */
function locationRoute(hash: string): Route | null {
  return hash === '' || hash === '#' ? DEFAULT_ROUTE : hashToRoute(hash);
}

/** Applies the fragment now and keeps both in step; returns the function that stops it. */
export function startUrlSync(store: AppStore, env: UrlEnvironment): () => void {
  let applying = false;

  /** Moves the app to the address bar's route; replaces a fragment that does not parse. */
  const applyLocation = () => {
    const parsed = locationRoute(env.location.hash);
    const found = parsed ?? DEFAULT_ROUTE;
    // An address names History's filters exactly: none written means none, not "the ones in use".
    const route: Route = found.screen === 'history' ? { ...found, filters: found.filters ?? {} } : found;
    if (routeToHash(route) !== routeToHash(store.getState().route)) {
      applying = true;
      try {
        store.getState().navigate(route);
      } finally {
        applying = false;
      }
    }
    if (parsed === null) env.history.replaceState(null, '', routeToHash(route));
  };

  applyLocation();

  const unsubscribe = store.subscribe((state, previous) => {
    if (applying || state.route === previous.route) return;
    const hash = routeToHash(state.route);
    const current = locationRoute(env.location.hash);
    if (current !== null && routeToHash(current) === hash) return;
    env.history.pushState(null, '', hash);
  });

  env.addEventListener('popstate', applyLocation);
  env.addEventListener('hashchange', applyLocation);
  return () => {
    unsubscribe();
    env.removeEventListener('popstate', applyLocation);
    env.removeEventListener('hashchange', applyLocation);
  };
}
