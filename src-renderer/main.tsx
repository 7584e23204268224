/**
 * Entry point: pick the transport (Electron's preload bridge, else browser mode over loopback
 * HTTP with the session token), build the store, open the screen the URL fragment names and keep
 * the two in step, start the event feed and render.
 */
import './zod-config';
// The shared styles first: a component's own stylesheet, imported beside it, comes after them.
import './styles/tokens.css';
import './styles/base.css';
import './styles/controls.css';
import './styles/badges.css';
import './styles/content.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient, type Transport } from './api/client';
import { takeBrowserToken } from './api/browser-token';
import { httpTransport } from './api/http-transport';
import { findBridge, ipcTransport } from './api/ipc-transport';
import { App } from './app';
import { SessionProblem } from './features/shell/session-problem';
import { StoreProvider } from './state/context';
import { bootstrap, createAppStore, startEventFeed } from './state/store';
import type { AppStore } from './state/types';
import { startUrlSync } from './state/url-sync';

function localPrefs() {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element.');
const root = createRoot(container);

let store: AppStore | null = null;
let transport: Transport | null = null;
const bridge = findBridge();
if (bridge) {
  transport = ipcTransport(bridge);
} else {
  const token = takeBrowserToken(window);
  if (token) {
    transport = httpTransport({
      token,
      onConnectionChange: (connected) => store?.getState().setLiveUpdates(connected),
    });
  }
}

if (!transport) {
  root.render(
    <StrictMode>
      <SessionProblem reason="missing" />
    </StrictMode>,
  );
} else {
  const api = createApiClient(transport);
  const prefs = localPrefs();
  store = createAppStore(api, prefs ? { prefs } : {});
  // After takeBrowserToken: the fragment holds no token by now.
  startUrlSync(store, window);
  startEventFeed(store, api);
  void bootstrap(store);
  root.render(
    <StrictMode>
      <StoreProvider store={store}>
        <App />
      </StoreProvider>
    </StrictMode>,
  );
}
