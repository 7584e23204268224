/**
 * The handler table: each contract method, adapted to one call of a core service. No rule lives
 * here; what a method does is the service's, and how its failure reads is ./errors.ts's.
 */
import type { sandboxMethods } from '../contract/sandbox';
import type { CoreServices } from '../core';
import type { HandlerTable } from './dispatch';

export function createHandlers(s: CoreServices): HandlerTable {
  return {
    'app.status': async () => s.status(),
    'vault.setup': (i) => s.vault.setup(i.passphrase),
    'vault.unlock': (i) => s.vault.unlock(i.passphrase),
    'vault.lock': async () => s.vault.lock(),
    'vault.changePassphrase': (i) => s.vault.changePassphrase(i.current, i.next),

    'profiles.list': async () => s.profiles.list(),
    'profiles.create': (i) => s.profiles.create(i),
    'profiles.update': ({ id, ...patch }) => s.profiles.update(id, patch),
    'profiles.delete': async ({ id }) => {
      await s.profiles.delete(id);
      return { deleted: true };
    },
    'profiles.setActive': async ({ id }) => ({ activeId: await s.profiles.setActive(id) }),
    'profiles.testConnection': (i) => s.profiles.testConnection(i),
    'profiles.export': async () => ({ json: s.profiles.exportProfiles() }),
    'profiles.import': ({ json }) => s.profiles.importProfiles(json),

    'templates.list': async ({ profileId, type }) => ({ templates: await s.templates.list(profileId, type) }),
    'templates.get': ({ profileId, id, version }) => s.templates.get(profileId, id, version),
    'templates.versions': async ({ profileId, id }) => ({
      versions: await s.templates.versions(profileId, id),
    }),
    'templates.preview': ({ profileId, id, personalisation }) =>
      s.templates.preview(profileId, id, personalisation),

    'notifications.send': ({ profileId, request }) => s.sending.send(profileId, request),
    'notifications.get': ({ profileId, id }) => s.notifications.get(profileId, id),
    'notifications.list': ({ profileId, filters, olderThan }) =>
      s.notifications.list(profileId, filters ?? {}, olderThan),
    'notifications.cancelList': async ({ profileId }) => ({
      cancelled: s.notifications.cancelList(profileId),
    }),
    'notifications.pdf': async ({ profileId, id }) => ({ base64: await s.notifications.pdf(profileId, id) }),
    'notifications.lookup': ({ query }) => s.lookup.lookup(query),
    'notifications.findByReference': async ({ profileId, reference }) => ({
      notifications: await s.notifications.findByReference(profileId, reference),
    }),
    'notifications.track': async ({ profileId, id }) => ({
      tracking: await s.notifications.track(profileId, id),
    }),
    'notifications.untrack': async ({ profileId, id }) => {
      s.notifications.untrack(profileId, id);
      return { tracking: false };
    },
    'notifications.tracked': async () => ({ tracked: s.notifications.tracked() }),
    'failures.summary': ({ profileIds }) => s.failures.summary(profileIds),
    'callbacks.replay': ({ profileId, notificationId, url, bearerToken }) =>
      s.callbacks.replay(profileId, notificationId, url, bearerToken),
    'receivedTexts.list': ({ profileId, olderThan }) => s.receivedTexts(profileId, olderThan),
    'inspector.list': async ({ limit, profileId }) => ({ entries: s.requestLog(limit ?? 200, profileId) }),
    'snippets.render': async ({ profileId, request, language }) => ({
      code: s.snippet(profileId, request, language),
    }),
    'sandbox.info': async () => {
      const url = s.sandboxUrl();
      return {
        url,
        note: url
          ? 'The embedded Notify Sandbox is running; its control API is at /_sandbox/.'
          : 'The embedded sandbox is off.',
      };
    },
    'app.notices': async () => ({ notices: s.notices.list() }),
    'app.diagnostics': async () => s.diagnostics(),
    'app.dismissNotice': async ({ id }) => ({ notices: s.notices.dismiss(id) }),
    'sandbox.moveDataAside': () => s.moveSandboxDataAside(),
    'bulk.inspect': (i) => s.bulk.inspect(i),
    'bulk.errorReport': async ({ inspectionId }) => s.bulk.errorReport(inspectionId),
    'bulk.create': ({ inspectionId, ratePerMinute }) => s.bulk.create(inspectionId, ratePerMinute),
    'bulk.start': (i) => s.bulk.start(i),
    'bulk.pause': async ({ batchId }) => s.bulk.pause(batchId),
    'bulk.resume': (i) => s.bulk.resume(i),
    'bulk.cancel': async ({ batchId }) => s.bulk.cancel(batchId),
    'bulk.list': async () => ({ batches: s.bulk.list() }),
    'bulk.get': async ({ batchId }) => s.bulk.get(batchId),
    'bulk.rows': async ({ batchId, offset, limit, filter }) => s.bulk.rows(batchId, offset, limit, filter),
    'bulk.results': async ({ batchId }) => s.bulk.results(batchId),
    'bulk.resendFailed': ({ batchId }) => s.bulk.resendFailed(batchId),
    'archive.status': () => s.archive.status(),
    'archive.setOptIn': ({ profileId, optedIn }) => s.archive.setOptIn(profileId, optedIn),
    'archive.search': (i) => s.archive.search(i),
    'archive.get': async ({ id }) => ({ notification: await s.archive.get(id) }),
    'archive.sync': async ({ profileId, full }) => ({ started: await s.archive.sync(profileId, full) }),
    'archive.setRetention': ({ months }) => s.archive.setRetention(months),
    'archive.purge': async ({ scope }) => ({ purged: await s.archive.purge(scope) }),
    'archive.export': ({ from, to, cursor }) => s.archive.exportPage(from, to, cursor),
    'archive.check': async () => {
      await s.archive.check();
      return { ok: true as const };
    },
    'archive.startNew': () => s.archive.startNew(),
    ...sandboxPanelHandlers(s),
  };
}

/** The Sandbox panel's methods (contract/sandbox.ts), each one call of its service. */
function sandboxPanelHandlers(s: CoreServices): Pick<HandlerTable, keyof typeof sandboxMethods> {
  // Read at call time: tests build the table from partial service fakes.
  const panel = () => s.sandboxPanel.service;
  const faults = () => s.sandboxPanel.faults;
  const inbox = () => s.sandboxPanel.inbox;
  return {
    'sandbox.panel': () => panel().overview(),
    'sandbox.createKey': (i) => panel().createKey(i),
    'sandbox.revokeKey': ({ keyId }) => panel().revokeKey(keyId),
    'sandbox.copyKey': ({ keyId }) => panel().copyKey(keyId),
    'sandbox.addKeyProfile': ({ keyId }) => panel().addKeyProfile(keyId),
    'sandbox.receivedTexts': ({ serviceId }) => panel().receivedTexts(serviceId),
    'sandbox.injectInbound': (i) => panel().injectInbound(i),
    'sandbox.faults': async () => ({ faults: await faults().refresh() }),
    'sandbox.addFault': (i) => panel().addFault(i),
    'sandbox.setDailyLimitReached': async ({ serviceId, reached }) => ({
      faults: await faults().setDailyLimitReached(serviceId, reached),
    }),
    'sandbox.removeFault': async ({ id }) => ({ faults: await faults().remove(id) }),
    'sandbox.clearFaults': async () => ({ faults: await faults().clear() }),
    'sandbox.setClock': (i) => panel().setClock(i),
    'sandbox.setLatency': (i) => panel().setLatency(i),
    'sandbox.reset': () => panel().reset(),
    'sandbox.serviceSettings': ({ serviceId }) => panel().serviceSettings(serviceId),
    'sandbox.updateService': (i) => panel().updateService(i),
    'sandbox.createTemplate': (i) => panel().createTemplate(i),
    'sandbox.activity': () => panel().activity(),
    'sandbox.inbox': ({ filters, olderThan, pageSize }) => inbox().page(filters, olderThan, pageSize),
    'sandbox.inboxRendered': ({ id }) => inbox().rendered(id),
    'sandbox.forceStatus': ({ id, status }) => inbox().forceStatus(id, status),
    'sandbox.complain': ({ id }) => inbox().complain(id),
  };
}
