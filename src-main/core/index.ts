/**
 * The core's public surface: what the RPC layer (src-main/rpc) and the hosts may use.
 *
 * Everything else under src-main/core is internal; ESLint refuses imports of it from outside.
 */
export { createConsoleCore, type ConsoleCore, type ConsoleCoreOptions, type CoreServices } from './app';
export {
  CoreError,
  silentLogger,
  type DiagnosticsSource,
  type EmbeddedSandbox,
  type EmbeddedSandboxStatus,
  type Logger,
  type ClipboardPort,
  type SandboxControlAnswer,
  type SandboxControlRequest,
  type SandboxRecovery,
  type SandboxService,
} from './ports';
export type { CoreEventListener } from './events';
export { NotifyApiError, NotifyNetworkError, UnknownOutcomeError } from './notify/errors';
export type { SafeStorageLike } from './vault/safe-storage-cipher';
export type { SettingsEngineFactory } from './store/settings-store';
