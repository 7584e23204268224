/**
 * The preload: `window.notifyConsole = { call, onEvent }` and nothing else (Electron checklist 20).
 *
 * Wiring only: the bridge and its rules are ./bridge.ts; this file hands it the real `ipcRenderer` and
 * exposes it through the context bridge, so the page cannot tamper with it. Runs sandboxed, so it is
 * bundled to a single CommonJS file with no imports but `electron`.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_GLOBAL } from '../contract/channels';
import { createBridge } from './bridge';

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, createBridge(ipcRenderer));
