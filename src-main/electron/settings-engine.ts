/**
 * The settings file's engine in the desktop app: electron-store, the design card's store, which is
 * conf with Electron's defaults. The core's SettingsStore (src-main/core/store/settings-store.ts)
 * passes every option itself (folder, file name, version, schema, migrations), so the file is the
 * same one browser mode opens with plain conf.
 */
import ElectronStore from 'electron-store';
import type { SettingsEngineFactory } from '../core';

// electron-store names the file from `name`, not conf's `configName`.
export const electronStoreEngine: SettingsEngineFactory = (options) =>
  new ElectronStore({ ...options, name: options.configName });
