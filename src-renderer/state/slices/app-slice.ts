/**
 * The console's own status (version, mode, sandbox) and the key vault.
 */
import type { MethodOutput } from '../../../src-main/contract/methods';
import type { Result } from '../../../src-main/contract/result';
import { idle, loading, settle, type Loadable } from '../loadable';
import type { SliceCreator } from '../types';

type AppStatus = MethodOutput<'app.status'>;
type VaultResult = Result<{ locked: boolean }>;

export interface AppSlice {
  appStatus: Loadable<AppStatus>;
  loadAppStatus(): Promise<void>;
  setupVault(passphrase: string): Promise<VaultResult>;
  unlockVault(passphrase: string): Promise<VaultResult>;
  lockVault(): Promise<VaultResult>;
  changePassphrase(current: string, next: string): Promise<VaultResult>;
  applyVaultChanged(locked: boolean): void;
}

/** The status with the vault's lock state changed (and set up, once it has been). */
function withVaultLocked(status: AppStatus, locked: boolean): AppStatus {
  return { ...status, vault: { ...status.vault, locked, needsSetup: false } };
}

export const createAppSlice: SliceCreator<AppSlice> = (set, get, { api }) => {
  async function afterVault(result: VaultResult): Promise<VaultResult> {
    if (result.ok) {
      get().applyVaultChanged(result.value.locked);
      if (!result.value.locked) await get().loadProfiles();
    }
    return result;
  }
  return {
    appStatus: idle(),
    async loadAppStatus() {
      set({ appStatus: loading(get().appStatus) });
      const result = await api.call('app.status', {});
      set({ appStatus: settle(get().appStatus, result, (v) => v) });
    },
    setupVault: async (passphrase) => afterVault(await api.call('vault.setup', { passphrase })),
    unlockVault: async (passphrase) => afterVault(await api.call('vault.unlock', { passphrase })),
    lockVault: async () => afterVault(await api.call('vault.lock', {})),
    changePassphrase: async (current, next) =>
      afterVault(await api.call('vault.changePassphrase', { current, next })),
    applyVaultChanged(locked) {
      const status = get().appStatus;
      if (status.value) set({ appStatus: { ...status, value: withVaultLocked(status.value, locked) } });
    },
  };
};
