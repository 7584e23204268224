/**
 * The embedded Notify Sandbox as the core's `EmbeddedSandbox` port: a sandbox in its own process
 * (./sandbox-supervisor.ts), reached over HTTP like any Notify client, its keys and services read
 * from its control API with the control secret only this process knows.
 *
 * It keeps a stable address (./sandbox-address.ts): the port remembered in the data folder, another
 * only when that one is taken, and the new one remembered.
 */
import { CONTROL_SECRET_HEADER } from '../../src-sandbox/control-access';
import type {
  EmbeddedSandbox,
  EmbeddedSandboxStatus,
  Logger,
  SandboxControlAnswer,
  SandboxControlRequest,
  SandboxService,
} from '../core';
import { rememberPort, preferredPort } from './sandbox-address';
import type { SandboxLauncher } from './sandbox-launcher';
import {
  sandboxDataDir,
  SandboxSupervisor,
  type RestartPolicy,
  type SandboxState,
} from './sandbox-supervisor';
import { once } from './shutdown';

interface EmbeddedSandboxOptions {
  /** The console's data folder; the sandbox keeps its state in `sandbox/` inside it. */
  dataDir: string;
  /** Lifecycle time scale: 1 is realistic; tests compress it. */
  timeScale: number;
  logger: Logger;
  launcher: SandboxLauncher;
  policy?: RestartPolicy;
  /** Overrides the remembered port (tests). */
  port?: number;
  /** The control secret, when the user chose one (`NOTIFY_SANDBOX_CONTROL_SECRET`). */
  secret?: string;
}

/** A running embedded sandbox: the port, plus what the host and tests need. */
export interface HostedSandbox extends EmbeddedSandbox {
  /** The control secret, for the host's own calls and for tests driving the sandbox. */
  readonly controlSecret: string;
  readonly supervisor: SandboxSupervisor;
}

export async function startEmbeddedSandbox(options: EmbeddedSandboxOptions): Promise<HostedSandbox> {
  const port = options.port ?? (await preferredPort(options.dataDir));
  const supervisor = new SandboxSupervisor({
    launcher: options.launcher,
    dataDir: sandboxDataDir(options.dataDir),
    port,
    timeScale: options.timeScale,
    logger: options.logger,
    ...(options.policy ? { policy: options.policy } : {}),
    ...(options.secret ? { secret: options.secret } : {}),
  });
  const remember = async (state: SandboxState) => {
    if (state.kind !== 'running') return;
    const now = Number(new URL(state.baseUrl).port);
    await rememberPort(options.dataDir, now).catch((err: unknown) =>
      options.logger.warn('could not remember the sandbox port', {
        error: err instanceof Error ? err.message : String(err),
      }),
    );
  };
  supervisor.subscribe((state) => void remember(state));
  const first = await supervisor.start();
  await remember(first);

  const control = async (path: string): Promise<unknown> => {
    const state = supervisor.state;
    if (state.kind !== 'running') throw new Error(`the embedded sandbox is not running (${state.kind})`);
    const res = await fetch(`${state.baseUrl}/_sandbox${path}`, {
      headers: { [CONTROL_SECRET_HEADER]: supervisor.secret },
      signal: AbortSignal.timeout(10_000),
    });
    if (!res.ok) throw new Error(`the embedded sandbox's control API answered ${res.status} to ${path}`);
    return res.json();
  };

  return {
    controlSecret: supervisor.secret,
    supervisor,
    get baseUrl() {
      const s = supervisor.state;
      return s.kind === 'running' || s.kind === 'restarting' ? s.baseUrl : null;
    },
    status: () => toStatus(supervisor),
    onChange: (listener) => supervisor.subscribe(() => listener(toStatus(supervisor))),
    services: async () => {
      const info = (await control('/info')) as {
        services: {
          id: string;
          name: string;
          api_keys: { key_type: 'normal' | 'team' | 'test'; api_key: string; revoked: boolean }[];
        }[];
      };
      return info.services.map((s): SandboxService => ({
        id: s.id,
        name: s.name,
        apiKeys: s.api_keys.map((k) => ({ keyType: k.key_type, apiKey: k.api_key, revoked: k.revoked })),
      }));
    },
    moveDataAside: async () => {
      const { movedTo } = await supervisor.moveDataAside();
      return { movedTo };
    },
    control: (request) => controlCall(supervisor, request),
    close: once(() => supervisor.close()),
  };
}

/** The largest control answer read: a letter's PDF is far smaller; an inbox page of 1,000 too. */
const MAX_CONTROL_ANSWER_BYTES = 32 * 1024 * 1024;

/**
 * One control API call with the secret: the core's Sandbox panel goes through this (the
 * `EmbeddedSandbox` port's `control`). The secret is a header here and nowhere else; the answer's
 * status and body go back as they are, for the core to read.
 */
async function controlCall(
  supervisor: SandboxSupervisor,
  request: SandboxControlRequest,
): Promise<SandboxControlAnswer> {
  const state = supervisor.state;
  if (state.kind !== 'running') throw new Error(`the embedded sandbox is not running (${state.kind})`);
  const url = new URL(`${state.baseUrl}/_sandbox${request.path}`);
  for (const [k, v] of Object.entries(request.query ?? {})) url.searchParams.set(k, v);
  const changes = request.method !== 'GET';
  const res = await fetch(url, {
    method: request.method,
    headers: {
      [CONTROL_SECRET_HEADER]: supervisor.secret,
      ...(changes ? { 'Content-Type': 'application/json' } : {}),
    },
    ...(changes ? { body: JSON.stringify(request.body ?? {}) } : {}),
    signal: request.signal
      ? AbortSignal.any([request.signal, AbortSignal.timeout(request.timeoutMs ?? 10_000)])
      : AbortSignal.timeout(request.timeoutMs ?? 10_000),
  });
  const length = Number(res.headers.get('content-length') ?? 0);
  if (length > MAX_CONTROL_ANSWER_BYTES) {
    await res.body?.cancel();
    throw new Error(`the embedded sandbox's answer to ${request.path} is too large (${length} bytes)`);
  }
  const body = new Uint8Array(await res.arrayBuffer());
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', body };
}

function toStatus(supervisor: SandboxSupervisor): EmbeddedSandboxStatus {
  const s = supervisor.state;
  return {
    state: s.kind,
    message: s.kind === 'running' ? null : s.message,
    recovery: supervisor.lastRecovery,
  };
}
