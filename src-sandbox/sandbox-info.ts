/**
 * What a running sandbox tells whoever runs it (`Sandbox.info()`, `GET /_sandbox/info`, the CLI's
 * start-up output): its URL and each service with its API keys and templates. Kept apart from the
 * server because it is a read of the store, not part of answering requests.
 */
import { formatApiKey } from './auth';
import type { SandboxStore } from './store';

interface SandboxKeyInfo {
  id: string;
  name: string;
  key_type: 'normal' | 'team' | 'test';
  api_key: string;
  revoked: boolean;
}

export interface SandboxInfo {
  base_url: string;
  services: {
    id: string;
    name: string;
    restricted: boolean;
    api_keys: SandboxKeyInfo[];
    templates: { id: string; name: string; type: string; archived: boolean; version: number }[];
  }[];
}

/** The sandbox at `url`: every service in the store, its keys (in full) and its templates. */
export function describeSandbox(url: string, store: SandboxStore): SandboxInfo {
  return {
    base_url: url,
    services: [...store.services.values()].map((s) => ({
      id: s.id,
      name: s.name,
      restricted: s.restricted,
      api_keys: (store.keys.get(s.id) ?? []).map((k) => ({
        id: k.id,
        name: k.name,
        key_type: k.keyType,
        api_key: formatApiKey(k),
        revoked: k.revokedAt !== null,
      })),
      templates: store.templatesOf(s.id).map((t) => ({
        id: t.id,
        name: t.name,
        type: t.type,
        archived: t.archived,
        version: t.versions[t.versions.length - 1]?.version ?? 1,
      })),
    })),
  };
}
