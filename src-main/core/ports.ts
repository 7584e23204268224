/**
 * The ports the console's core depends on.
 *
 * Core runs in Electron's main process, in the browser-mode host and in plain-Node tests, so anything
 * that differs between those hosts (the OS keychain, the settings file, the clock, logging) arrives
 * through one of these interfaces. Tests pass in-memory versions instead of mocking modules.
 */

/** A JSON-safe value: what a {@link KeyValueStore} holds and what crosses IPC. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * Encrypts secrets (API keys) before they touch disk.
 *
 * The envelope is a self-describing string (`nc1:<kind>:…`) so stored secrets can migrate between
 * ciphers and versions. A cipher never returns an empty string for a failed decryption: it throws.
 */
export interface SecretCipher {
  readonly kind: 'os-keychain' | 'passphrase';
  /** True while the cipher cannot encrypt or decrypt until the user acts (enters a passphrase). */
  isLocked(): boolean;
  encrypt(plain: string): Promise<string>;
  decrypt(envelope: string): Promise<string>;
}

/**
 * Envelopes to carry over when a cipher's key changes, and where they go once re-encrypted.
 *
 * Owned by whoever stores the envelopes (the profile service); the cipher calls `entries` only
 * after every envelope re-encrypted, and writes the result together with its own new header in one
 * atomic {@link KeyValueStore.setMany}, so a failure at any step leaves everything as it was.
 */
export interface EnvelopeRewrite {
  /** Every stored envelope, keyed by an id the owner chooses (a profile id). */
  readonly envelopes: ReadonlyMap<string, string>;
  /** Store entries holding the re-encrypted envelopes, keyed like `envelopes`. */
  entries(reencrypted: ReadonlyMap<string, string>): Record<string, JsonValue>;
}

/**
 * A cipher whose key comes from a passphrase the user can change.
 *
 * Changing the passphrase, or re-wrapping under stronger parameters, must re-encrypt every stored
 * secret, all or nothing.
 */
export interface RekeyableCipher extends SecretCipher {
  /** Unlocks; a vault made with older parameters is re-wrapped, with `rewrite`'s envelopes, on the way. */
  unlock(passphrase: string, rewrite?: EnvelopeRewrite): Promise<void>;
  changePassphrase(oldPassphrase: string, newPassphrase: string, rewrite?: EnvelopeRewrite): Promise<void>;
}

/**
 * A small persistent key-value store (the console's settings file).
 *
 * Reads are synchronous from memory; writes resolve once the data is durable. `setMany` is atomic:
 * either every entry is written or none is, which is what lets a passphrase change re-encrypt all
 * secrets safely. Keys must not contain dots, so an electron-store adapter can pass them through
 * without its dot-path expansion.
 */
export interface KeyValueStore {
  /** A copy of the stored value, or undefined. Mutating it does not change the store. */
  get(key: string): JsonValue | undefined;
  keys(): string[];
  set(key: string, value: JsonValue): Promise<void>;
  delete(key: string): Promise<void>;
  /** Writes all entries at once; an `undefined` value deletes that key. */
  setMany(entries: Readonly<Record<string, JsonValue | undefined>>): Promise<void>;
}

/** Wall-clock time in milliseconds since the epoch, injectable so tests control it. */
export interface Clock {
  now(): number;
}

/**
 * Structured logging.
 *
 * Implementations write wherever the host wants (a file, the console); callers must never pass a
 * secret, an API key or an envelope in `msg` or `data` — log ids and counts instead.
 */
export interface Logger {
  info(msg: string, data?: Record<string, unknown>): void;
  warn(msg: string, data?: Record<string, unknown>): void;
  error(msg: string, data?: Record<string, unknown>): void;
}

/** One of the embedded sandbox's demo services and its API keys (secrets: keep them in core). */
export interface SandboxService {
  id: string;
  name: string;
  apiKeys: { keyType: 'normal' | 'team' | 'test'; apiKey: string; revoked: boolean }[];
}

/** A torn journal the embedded sandbox set aside when it started (the sandbox's JournalRecovery). */
export interface SandboxRecovery {
  /** One sentence for a person: what was damaged, what was kept, where. */
  message: string;
  recordsRecovered: number;
  damaged: { file: string; bytes: number; savedTo: string }[];
}

/** How the embedded sandbox is doing. */
export interface EmbeddedSandboxStatus {
  /**
   * `running`; `restarting` after a crash; `stopped` when it would not start or kept crashing;
   * `damaged` when its data folder cannot be read (the console runs on; see `moveDataAside`).
   */
  state: 'running' | 'restarting' | 'stopped' | 'damaged';
  /** What happened, for the user; null while running. */
  message: string | null;
  /** What its last start recovered from, or null. */
  recovery: SandboxRecovery | null;
}

/**
 * The embedded Notify Sandbox, as the host started it.
 *
 * The core never starts or imports the sandbox: the host (Electron main, the browser-mode CLI)
 * starts it in its own process and hands this in. Every call is async because the sandbox answers
 * over HTTP, its control API guarded by a secret only the host knows.
 */
export interface EmbeddedSandbox {
  /**
   * Where its Notify API listens now, for the built-in profiles, profiles that follow it and
   * "app.status"; null while it does not run. It can change when the sandbox restarts on another port.
   */
  readonly baseUrl: string | null;
  status(): EmbeddedSandboxStatus;
  /** Called whenever the status or the address changes; returns the function that unsubscribes. */
  onChange(listener: (status: EmbeddedSandboxStatus) => void): () => void;
  /** The demo services and their keys, for the built-in profiles. */
  services(): Promise<SandboxService[]>;
  /** Moves its data folder aside (nothing deleted) and starts it afresh; says where the data went. */
  moveDataAside(): Promise<{ movedTo: string }>;
  /**
   * One call of its control API (`/_sandbox/…`), signed with the control secret the host keeps: the
   * core's Sandbox panel (./sandbox-panel/) drives the sandbox through this and never sees the secret.
   * Rejects only when the sandbox cannot be reached; any HTTP answer resolves.
   */
  control(request: SandboxControlRequest): Promise<SandboxControlAnswer>;
  close(): Promise<void>;
}

/** A control API call: `path` is below `/_sandbox` (`/faults`, `/keys/<id>/revoke`). */
export interface SandboxControlRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  query?: Readonly<Record<string, string>>;
  /** JSON body of a POST, PATCH or DELETE (`{}` when none is given). */
  body?: unknown;
  /** How long to wait for the answer (default 10 s; a long poll asks for longer). */
  timeoutMs?: number;
  /** Stops waiting (a long poll when the console closes). */
  signal?: AbortSignal;
}

export interface SandboxControlAnswer {
  status: number;
  contentType: string;
  body: Uint8Array;
}

/** The system clipboard, where the host has one the main process may write (the desktop app). */
export interface ClipboardPort {
  writeText(text: string): void;
}

/** What the host knows for the "About / diagnostics" view: where it logs, what it runs on, recent errors. */
export interface DiagnosticsSource {
  /** The log file, or null when the host keeps none. */
  readonly logPath: string | null;
  /** Runtime versions worth a support ticket (node, electron, chrome…). */
  readonly runtime: Readonly<Record<string, string>>;
  /** The last errors and warnings, as logged (masked). */
  recentErrors(): { at: string; message: string }[];
}

/** The real clock. */
export const systemClock: Clock = { now: () => Date.now() };

/** A logger that drops everything: the default when the host gives none. */
export const silentLogger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * Base class for errors the core raises on purpose.
 *
 * The RPC layer turns any `CoreError` into `{ code, message, details? }` for the renderer, so the
 * message must be written for the user (say what to do next) and must never contain a secret.
 */
export class CoreError extends Error {
  override name = 'CoreError';
  constructor(
    readonly code: string,
    message: string,
    readonly details?: Record<string, JsonValue>,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
