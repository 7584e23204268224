/**
 * A fake `EmbeddedSandbox` port for the Sandbox panel's core adapters: every control-API request is
 * recorded and answered by `route`; a sandbox not running says why in `message`.
 */
import type { EmbeddedSandbox, SandboxControlAnswer, SandboxControlRequest } from '../../src-main/core/ports';

export type ControlRoute = (r: SandboxControlRequest) => SandboxControlAnswer | Promise<SandboxControlAnswer>;

/** A control-API answer with a JSON body. */
export const jsonAnswer = (status: number, value: unknown): SandboxControlAnswer => ({
  status,
  contentType: 'application/json',
  body: new TextEncoder().encode(JSON.stringify(value)),
});

export function fakeEmbeddedSandbox(
  route: ControlRoute,
  state: 'running' | 'restarting' | 'stopped' = 'running',
  message = 'it crashed',
): { sandbox: EmbeddedSandbox; requests: SandboxControlRequest[] } {
  const requests: SandboxControlRequest[] = [];
  const sandbox: EmbeddedSandbox = {
    baseUrl: 'http://127.0.0.1:6012',
    status: () => ({ state, message: state === 'running' ? null : message, recovery: null }),
    onChange: () => () => undefined,
    services: async () => [],
    moveDataAside: async () => ({ movedTo: '' }),
    control: async (r) => {
      requests.push(r);
      return route(r);
    },
    close: async () => undefined,
  };
  return { sandbox, requests };
}
