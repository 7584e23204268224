/**
 * The "About / diagnostics" view's content (issue 10.10): versions, the OS, the log's path, what
 * kinds of profiles there are (counts, never names, URLs or keys), the sandbox's state and the last
 * errors as the log masked them, and the same as text to paste into a ticket.
 */
import { arch, platform, release } from 'node:os';
import type { Diagnostics } from '../../contract/methods';
import type { PublicProfile } from '../../contract/schemas';
import type { DiagnosticsSource, EmbeddedSandbox } from '../ports';

interface DiagnosticsInput {
  version: string;
  mode: 'electron' | 'browser';
  vault: 'os-keychain' | 'passphrase';
  profiles: PublicProfile[];
  /** How many stored profiles follow the embedded sandbox. */
  followingSandbox: number;
  sandbox: EmbeddedSandbox | null;
  source: DiagnosticsSource | null;
}

export function buildDiagnostics(input: DiagnosticsInput): Diagnostics {
  const stored = input.profiles.filter((p) => !p.builtIn);
  const byKeyType = { live: 0, team: 0, test: 0 };
  for (const p of input.profiles) byKeyType[p.keyType]++;
  const d: Omit<Diagnostics, 'text'> = {
    version: input.version,
    mode: input.mode,
    logPath: input.source?.logPath ?? null,
    runtime: { node: process.versions.node, ...(input.source?.runtime ?? {}) },
    os: { platform: platform(), release: release(), arch: arch() },
    vault: input.vault,
    sandbox: input.sandbox ? input.sandbox.status().state : 'off',
    profiles: {
      builtIn: input.profiles.length - stored.length,
      stored: stored.length,
      byKeyType,
      followingSandbox: input.followingSandbox,
      needingKey: stored.filter((p) => p.needsKey).length,
    },
    recentErrors: input.source?.recentErrors() ?? [],
  };
  return { ...d, text: asText(d) };
}

function asText(d: Omit<Diagnostics, 'text'>): string {
  const runtime = Object.entries(d.runtime)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  const p = d.profiles;
  return [
    `Notify Console ${d.version} (${d.mode === 'electron' ? 'desktop app' : 'browser mode'})`,
    `Runtime: ${runtime}`,
    `OS: ${d.os.platform} ${d.os.release} (${d.os.arch})`,
    `Key vault: ${d.vault === 'os-keychain' ? 'OS keychain' : 'passphrase'}`,
    `Embedded sandbox: ${d.sandbox}`,
    `Profiles: ${p.builtIn} built-in, ${p.stored} stored (${p.followingSandbox} following the sandbox, ${p.needingKey} needing a key); key types: ${p.byKeyType.live} live, ${p.byKeyType.team} team, ${p.byKeyType.test} test`,
    `Log: ${d.logPath ?? 'none'}`,
    `Recent errors (${d.recentErrors.length}):`,
    ...(d.recentErrors.length === 0 ? ['  none'] : d.recentErrors.map((e) => `  ${e.at} ${e.message}`)),
  ].join('\n');
}
