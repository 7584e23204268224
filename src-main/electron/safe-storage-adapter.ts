/**
 * Electron's `safeStorage` as the plain {@link SafeStorageLike} object the core's cipher takes.
 *
 * `safeStorage` is a native binding whose methods live on its prototype and need it as `this`, so it is
 * passed through as bound functions rather than spread. The optional parts are copied only where they
 * mean something: the storage backend on Linux (where `basic_text` must switch the console to the
 * passphrase vault), and the asynchronous API, which Electron added later and prefers (the synchronous
 * one is deprecated and can block the main process on a keychain prompt).
 */
import type { SafeStorage } from 'electron';
import type { SafeStorageLike } from '../core';

/** Electron's safeStorage, with the later or platform-specific parts optional. */
export type ElectronSafeStorageLike = Pick<
  SafeStorage,
  'isEncryptionAvailable' | 'encryptString' | 'decryptString'
> &
  Partial<
    Pick<
      SafeStorage,
      'getSelectedStorageBackend' | 'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync'
    >
  >;

/** Adapts `safeStorage` for the core; `platform` decides whether the Linux-only backend query is offered. */
export function safeStorageAdapter(
  safeStorage: ElectronSafeStorageLike,
  platform: NodeJS.Platform,
): SafeStorageLike {
  const adapted: SafeStorageLike = {
    isEncryptionAvailable: () => safeStorage.isEncryptionAvailable(),
    encryptString: (plainText) => safeStorage.encryptString(plainText),
    decryptString: (encrypted) => safeStorage.decryptString(encrypted),
  };
  const { getSelectedStorageBackend, isAsyncEncryptionAvailable, encryptStringAsync, decryptStringAsync } =
    safeStorage;
  if (platform === 'linux' && typeof getSelectedStorageBackend === 'function') {
    adapted.getSelectedStorageBackend = () => getSelectedStorageBackend.call(safeStorage);
  }
  if (typeof isAsyncEncryptionAvailable === 'function') {
    adapted.isAsyncEncryptionAvailable = () => isAsyncEncryptionAvailable.call(safeStorage);
  }
  // The two async halves only make sense together: an envelope written by one must open with the other.
  if (typeof encryptStringAsync === 'function' && typeof decryptStringAsync === 'function') {
    adapted.encryptStringAsync = (plainText) => encryptStringAsync.call(safeStorage, plainText);
    adapted.decryptStringAsync = (encrypted) => decryptStringAsync.call(safeStorage, encrypted);
  }
  return adapted;
}
