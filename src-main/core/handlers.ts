/**
 * The handler table: one function per contract method, each a few lines over the core services.
 */
import { endedWithoutDelivery, type TemplateType } from '../../src-shared/statuses';
import { explainStatus } from '../../src-shared/notify/explain';
import { isUuid } from '../../src-shared/notify/ids';
import { isSimulatedSend } from '../../src-shared/notify/simulated-recipient';
import type { SendRequest } from '../contract/methods';
import type { PublicProfile } from '../contract/schemas';
import { RpcFailure, type HandlerTable } from '../rpc/dispatch';
import type { CoreServices } from './app';
import { testConnection } from './notify/connection-test';
import { isNotifyClientError } from './notify/errors';
import type { NotifyClient } from './notify/client';
import { CoreError } from './ports';
import { PassphraseCipher } from './vault/passphrase-cipher';
import { PageCancelledError } from './history/history-pager';
import { renderSnippet } from './snippets';
import { buildCallbackPayload } from '../../src-shared/callback-payload';
import { checkBearerToken, checkReplayUrl, replayCallback } from './callbacks/replay';

/** Turns the core's own errors into RPC failures the renderer can show as they are. */
async function guard<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof RpcFailure) throw err;
    if (err instanceof PageCancelledError) throw new RpcFailure('cancelled', err.message);
    if (isNotifyClientError(err) || err instanceof CoreError)
      throw new RpcFailure(err.code, err.message, err.details);
    throw err;
  }
}

function fieldFailure(field: string, message: string): RpcFailure {
  return new RpcFailure('validation', message, { issues: [{ field, message }] });
}

function toPublic(p: Omit<PublicProfile, 'builtIn'> & { builtIn?: boolean }): PublicProfile {
  return { ...p, builtIn: p.builtIn ?? false };
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!);
      }
    }),
  );
  return out;
}

function explanationFor(type: string, status: string) {
  return endedWithoutDelivery(status) ? explainStatus(type as TemplateType, status) : null;
}

async function send(client: NotifyClient, req: SendRequest): Promise<Record<string, unknown>> {
  switch (req.type) {
    case 'sms': {
      const { type: _t, ...r } = req;
      return (await client.sendSms(r)) as unknown as Record<string, unknown>;
    }
    case 'email': {
      const { type: _t, ...r } = req;
      return (await client.sendEmail(r)) as unknown as Record<string, unknown>;
    }
    case 'letter': {
      const { type: _t, ...r } = req;
      return (await client.sendLetter(r)) as unknown as Record<string, unknown>;
    }
    case 'precompiled': {
      const { type: _t, ...r } = req;
      return (await client.sendPrecompiledLetter(r)) as unknown as Record<string, unknown>;
    }
  }
}

function simulated(req: SendRequest): boolean {
  if (req.type === 'sms') return isSimulatedSend('sms', req.phone_number);
  if (req.type === 'email') return isSimulatedSend('email', req.email_address);
  return false;
}

export function createHandlers(s: CoreServices): HandlerTable {
  const allProfiles = (): PublicProfile[] => [
    ...s.builtIns.map((b) => b.profile),
    ...s.profiles.list().map((p) => toPublic(p)),
  ];
  const profileOrThrow = (id: string): PublicProfile => {
    const p = allProfiles().find((x) => x.id === id);
    if (!p) throw new RpcFailure('not-found', 'That profile no longer exists.');
    return p;
  };
  const builtInOnly = (id: string) => {
    if (s.builtIns.some((b) => b.profile.id === id))
      throw new RpcFailure(
        'built-in',
        'The local sandbox profiles are built in: they cannot be changed or deleted. Add a profile of your own instead.',
      );
  };
  const passphrase = (): PassphraseCipher => {
    if (!(s.cipher instanceof PassphraseCipher))
      throw new RpcFailure(
        'not-applicable',
        'Your API keys are kept in the operating system’s keychain, so there is no passphrase to manage.',
      );
    return s.cipher;
  };
  const vaultState = () => ({ locked: s.cipher.isLocked() });

  return {
    'app.status': async () => ({
      version: s.version,
      mode: s.mode,
      vault: {
        kind: s.cipher.kind,
        locked: s.cipher.isLocked(),
        needsSetup: s.cipher instanceof PassphraseCipher && !s.cipher.isInitialised(),
        reason: s.cipherReason,
      },
      sandboxUrl: s.sandbox?.url ?? null,
      activeProfileId: s.activeProfileId(),
    }),
    'vault.setup': (i) =>
      guard(async () => {
        await passphrase().initialise(i.passphrase);
        s.bus.emit('vault.changed', vaultState());
        return vaultState();
      }),
    'vault.unlock': (i) =>
      guard(async () => {
        await passphrase().unlock(i.passphrase);
        s.bus.emit('vault.changed', vaultState());
        return vaultState();
      }),
    'vault.lock': () =>
      guard(async () => {
        passphrase().lock();
        s.bus.emit('vault.changed', vaultState());
        return vaultState();
      }),
    'vault.changePassphrase': (i) =>
      guard(async () => {
        passphrase();
        await s.profiles.changePassphrase(i.current, i.next);
        return vaultState();
      }),

    'profiles.list': async () => ({ profiles: allProfiles(), activeId: s.activeProfileId() }),
    'profiles.create': (i) =>
      guard(async () => {
        const p = toPublic(await s.profiles.create(i));
        await s.setActiveProfileId(p.id);
        s.bus.emit('profiles.changed', { activeId: p.id });
        return p;
      }),
    'profiles.update': ({ id, ...patch }) =>
      guard(async () => {
        builtInOnly(id);
        const r = await s.profiles.update(id, patch);
        s.pager.invalidate(id);
        s.bus.emit('profiles.changed', { activeId: s.activeProfileId() });
        return { profile: toPublic(r.profile), keyCleared: r.keyCleared };
      }),
    'profiles.delete': ({ id }) =>
      guard(async () => {
        builtInOnly(id);
        await s.profiles.delete(id);
        s.tracker.forgetProfile(id);
        s.pager.invalidate(id);
        s.bus.emit('profiles.changed', { activeId: s.activeProfileId() });
        return { deleted: true };
      }),
    'profiles.setActive': ({ id }) =>
      guard(async () => {
        profileOrThrow(id);
        await s.setActiveProfileId(id);
        s.bus.emit('profiles.changed', { activeId: id });
        return { activeId: id };
      }),
    'profiles.testConnection': (i) =>
      guard(async () => {
        if ('id' in i) {
          const b = s.builtIns.find((x) => x.profile.id === i.id);
          if (b)
            return testConnection({
              baseUrl: b.profile.baseUrl,
              apiKey: b.apiKey,
              onKeyVerdict: (v) => s.observeKey(b.profile.id, null, v),
            });
          return s.profiles.withApiKey(i.id, (k) => {
            const stored = { name: k.key.name, serviceId: k.key.serviceId, last4: k.key.secretLast4 };
            return testConnection({
              baseUrl: k.baseUrl,
              apiKey: k.key.value,
              proxy: k.proxy,
              onKeyVerdict: (v) => s.observeKey(k.profileId, stored, v),
            });
          });
        }
        return testConnection({ baseUrl: i.baseUrl, apiKey: i.apiKey, proxy: i.proxy ?? null });
      }),
    'profiles.export': () => guard(async () => ({ json: s.profiles.exportProfiles() })),
    'profiles.import': ({ json }) =>
      guard(async () => {
        let parsed: unknown;
        try {
          parsed = JSON.parse(json);
        } catch {
          throw new RpcFailure(
            'validation',
            'That file is not JSON. Choose a file exported from Notify Console.',
          );
        }
        const r = await s.profiles.importProfiles(parsed);
        s.bus.emit('profiles.changed', { activeId: s.activeProfileId() });
        return { imported: r.imported.map((p) => p.name), skipped: r.skipped, renamed: r.renamed };
      }),

    'templates.list': ({ profileId, type }) =>
      guard(() =>
        s.withClient(profileId, async (c) => ({
          templates: (await c.getTemplates(type)).templates as never,
        })),
      ),
    'templates.get': ({ profileId, id, version }) =>
      guard(() => s.withClient(profileId, async (c) => (await c.getTemplate(id, version)) as never)),
    'templates.versions': ({ profileId, id }) =>
      guard(() =>
        s.withClient(profileId, async (c) => {
          const latest = await c.getTemplate(id);
          const numbers = Array.from({ length: Math.min(latest.version, 100) }, (_, k) => latest.version - k);
          const versions = await mapLimit(numbers, 4, (v) =>
            v === latest.version ? Promise.resolve(latest) : c.getTemplate(id, v),
          );
          return { versions: versions as never };
        }),
      ),
    'templates.preview': ({ profileId, id, personalisation }) =>
      guard(() =>
        s.withClient(profileId, async (c) => (await c.previewTemplate(id, personalisation)) as never),
      ),

    'notifications.send': ({ profileId, request }) =>
      guard(async () => {
        const response = await s.withClient(profileId, (c) => send(c, request));
        s.pager.invalidate(profileId);
        const id = String(response.id);
        const trackable = !simulated(request);
        if (trackable) {
          const type: TemplateType = request.type === 'precompiled' ? 'letter' : request.type;
          const status =
            request.type === 'precompiled'
              ? 'pending-virus-check'
              : type === 'letter'
                ? 'accepted'
                : 'created';
          s.tracker.track(profileId, { id, type, status, created_at: new Date().toISOString() }, 'response');
        }
        return { id, response, tracked: trackable };
      }),
    'notifications.get': ({ profileId, id }) =>
      guard(async () => {
        const n = await s.withClient(profileId, (c) => c.getNotification(id));
        const entry = s.tracker.track(profileId, n as never, 'poll');
        return {
          profileId,
          notification: entry.notification as never,
          observations: entry.observations,
          final: entry.final,
          explanation: explanationFor(n.type, n.status),
        };
      }),
    'notifications.list': ({ profileId, filters, olderThan }) =>
      guard(async () => {
        const page = await s.withClient(profileId, (c) =>
          s.pager.page(
            profileId,
            { getNotifications: (q) => c.getNotifications(q) as never },
            filters ?? {},
            olderThan,
          ),
        );
        return {
          notifications: page.notifications as never,
          nextOlderThan: page.nextOlderThan,
          fromCache: page.fromCache,
        };
      }),
    'notifications.cancelList': async ({ profileId }) => ({ cancelled: s.pager.cancel(profileId) }),
    'notifications.pdf': ({ profileId, id }) =>
      guard(async () => ({
        base64: Buffer.from(await s.withClient(profileId, (c) => c.getLetterPdf(id))).toString('base64'),
      })),
    'notifications.lookup': ({ query }) =>
      guard(async () => {
        const q = query.trim();
        const profiles = allProfiles().filter((p) => !p.needsKey);
        const results: { profileId: string; profileName: string; notification: never }[] = [];
        const searched = await mapLimit(profiles, 4, async (p) => {
          try {
            if (isUuid(q)) {
              try {
                const n = await s.withClient(p.id, (c) => c.getNotification(q));
                results.push({ profileId: p.id, profileName: p.name, notification: n as never });
              } catch (err) {
                if (!(
                  err instanceof CoreError &&
                  err.code === 'notify' &&
                  (err.details as { status?: number })?.status === 404
                ))
                  throw err;
              }
            }
            const byRef = await s.withClient(p.id, (c) => c.findByReference(q));
            for (const n of byRef) {
              if (
                !results.some((r) => r.profileId === p.id && (r.notification as { id: string }).id === n.id)
              )
                results.push({ profileId: p.id, profileName: p.name, notification: n as never });
            }
            return { profileId: p.id, profileName: p.name, error: null };
          } catch (err) {
            return {
              profileId: p.id,
              profileName: p.name,
              error: err instanceof Error ? err.message : 'failed',
            };
          }
        });
        return { results, searched };
      }),
    'notifications.findByReference': ({ profileId, reference }) =>
      guard(async () => ({
        notifications: (await s.withClient(profileId, (c) => c.findByReference(reference))) as never,
      })),
    'notifications.track': ({ profileId, id }) =>
      guard(async () => {
        const n = await s.withClient(profileId, (c) => c.getNotification(id));
        const e = s.tracker.track(profileId, n as never, 'poll');
        return { tracking: !e.final };
      }),
    'notifications.untrack': async ({ profileId, id }) => {
      s.tracker.untrack(profileId, id);
      return { tracking: false };
    },
    'notifications.tracked': async () => ({
      tracked: s.tracker.all().map((e) => ({
        profileId: e.profileId,
        notification: e.notification as never,
        observations: e.observations,
        final: e.final,
        explanation: explanationFor(e.notification.type, e.notification.status),
      })),
    }),
    'failures.summary': ({ profileIds }) =>
      guard(async () => {
        const profiles = allProfiles().filter(
          (p) => !p.needsKey && (!profileIds || profileIds.includes(p.id)),
        );
        const groups = new Map<
          string,
          {
            status: string;
            templateId: string;
            profileId: string;
            profileName: string;
            count: number;
            latest: string;
            type: string;
            sampleIds: string[];
          }
        >();
        const errors: { profileId: string; error: string }[] = [];
        await mapLimit(profiles, 4, async (p) => {
          try {
            const list = await s.withClient(p.id, (c) => c.getNotifications({ status: ['failed'] }));
            for (const n of list.notifications) {
              const key = `${p.id}|${n.status}|${n.template.id}`;
              let g = groups.get(key);
              if (!g)
                groups.set(
                  key,
                  (g = {
                    status: n.status,
                    templateId: n.template.id,
                    profileId: p.id,
                    profileName: p.name,
                    count: 0,
                    latest: n.created_at,
                    type: n.type,
                    sampleIds: [],
                  }),
                );
              g.count++;
              if (n.created_at > g.latest) g.latest = n.created_at;
              if (g.sampleIds.length < 5) g.sampleIds.push(n.id);
            }
          } catch (err) {
            errors.push({ profileId: p.id, error: err instanceof Error ? err.message : 'failed' });
          }
        });
        return {
          groups: [...groups.values()]
            .sort((a, b) => b.count - a.count || b.latest.localeCompare(a.latest))
            .map(({ type, ...g }) => ({ ...g, explanation: explainStatus(type as TemplateType, g.status) })),
          errors,
        };
      }),
    'callbacks.replay': ({ profileId, notificationId, url, bearerToken }) =>
      guard(async () => {
        // Checked before anything is fetched or sent.
        const target = checkReplayUrl(url);
        if (!target.ok) throw fieldFailure('url', target.message);
        const tokenProblem = bearerToken === undefined ? null : checkBearerToken(bearerToken);
        if (tokenProblem) throw fieldFailure('bearerToken', tokenProblem);
        const n = await s.withClient(profileId, (c) => c.getNotification(notificationId));
        // Loopback URLs go direct; others honour the profile's proxy, as its Notify requests do.
        const proxy =
          target.loopback || s.builtIns.some((b) => b.profile.id === profileId)
            ? null
            : await s.profiles.withApiKey(profileId, (k) => k.proxy);
        return replayCallback({
          url: target.url,
          loopback: target.loopback,
          payload: buildCallbackPayload(n),
          bearerToken,
          proxy,
        });
      }),
    'receivedTexts.list': ({ profileId, olderThan }) =>
      guard(async () => {
        const r = await s.withClient(profileId, (c) => c.getReceivedTexts(olderThan));
        const messages = r.received_text_messages;
        const last = messages[messages.length - 1];
        return {
          messages: messages as never,
          nextOlderThan: last && messages.length >= 250 ? last.id : null,
        };
      }),
    'inspector.list': async ({ limit, profileId }) => ({
      entries: s.requestLog
        .filter((e) => !profileId || e.profileId === profileId)
        .slice(-(limit ?? 200))
        .reverse(),
    }),
    'snippets.render': async ({ profileId, request, language }) => {
      const p = profileOrThrow(profileId);
      return { code: renderSnippet(language, p.baseUrl, p.key?.masked ?? '<your API key>', request) };
    },
    'sandbox.info': async () => ({
      url: s.sandbox?.url ?? null,
      note: s.sandbox
        ? 'The embedded Notify Sandbox is running; its control API is at /_sandbox/.'
        : 'The embedded sandbox is off.',
    }),
  };
}
