/**
 * Batches on disk and a port to Notify for tests of the batch engine, made the way the console makes
 * them: an upload's requests prepared as the sheet worker prepares them (prepared-requests.ts) and
 * written by `createPreparedBatch`, as `bulk.create` does; the port is the bulk service's
 * `profilePort`, over one client instead of a profile's stored key.
 */
import { randomUUID } from 'node:crypto';
import { createPreparedBatch } from '../../src-main/core/bulk/batches';
import { profilePort, type BulkNotifyPort } from '../../src-main/core/bulk/notify-port';
import { prepareRequests } from '../../src-main/core/bulk/prepared-requests';
import type { NotifyClient } from '../../src-main/core/notify/client';
import { notificationRequests, type SheetCheck } from '../../src-shared/spreadsheet/index';
import type { TemplateParts } from '../../src-shared/template/index';

interface BatchFromSheet {
  /** The batches folder. */
  root: string;
  fileName: string;
  profileId: string;
  templateId: string;
  templateVersion: number;
  template: TemplateParts;
  /** A sendable sheet's check (`checkSheet`). */
  check: SheetCheck;
  /** Defaults to a new UUID; made references are `<batchId>-<row number>`. */
  batchId?: string;
}

/** Writes a batch for a sheet that passed Notify's checks. Nothing is sent. */
export function writeBatch(input: BatchFromSheet): ReturnType<typeof createPreparedBatch> {
  if (!input.check.sendable)
    throw new Error('The sheet has errors: the console would not make a batch of it.');
  const batchId = input.batchId ?? randomUUID();
  const requests = notificationRequests(input.check, input.template, {
    templateId: input.templateId,
    referencePrefix: batchId,
  });
  return createPreparedBatch({
    root: input.root,
    fileName: input.fileName,
    profileId: input.profileId,
    templateId: input.templateId,
    templateVersion: input.templateVersion,
    type: input.template.type,
    batchId,
    requests: prepareRequests(requests),
  });
}

/** The bulk service's port to Notify, sending every row with this one client. */
export function clientPort(client: NotifyClient): BulkNotifyPort {
  return profilePort({ withClient: (_profileId, use) => use(client) }, 'test-profile');
}
