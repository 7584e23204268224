/**
 * GET /v2/received-text-messages (§4.11).
 */
import type { V2Handler } from '../context';
import { json, validationError, firstValues } from '../http';
import { formatDatetime, parseUuid } from '../json';
import { uuidField, validateObject } from '../schema';

const PAGE_SIZE = 250;

export const getReceivedTexts: V2Handler = (req, ctx, auth) => {
  const args = firstValues(req.queryPairs);
  const errors = validateObject(args, { properties: { older_than: uuidField }, additionalProperties: false });
  if (errors.length) throw validationError(errors);
  const service = auth.service;
  const list = ctx.store.receivedFor(service.id);
  const floor = (ctx.clock.nowMs() - service.data_retention_days * 86_400_000) * 1000;
  let end = list.length;
  if (args.older_than !== undefined) {
    const id = parseUuid(args.older_than);
    const i = list.findIndex((r) => r.id === id);
    end = i < 0 ? 0 : i;
  }
  const page = [];
  for (let i = end - 1; i >= 0 && page.length < PAGE_SIZE; i--) {
    const r = list[i]!;
    if (r.createdAt < floor) break;
    page.push(r);
  }
  const current = `${req.urlRoot}v2/received-text-messages`;
  const links: Record<string, string> = { current };
  const last = page[page.length - 1];
  if (last) links.next = `${current}?older_than=${last.id}`;
  return json(200, {
    links,
    received_text_messages: page.map((r) => ({
      content: r.content,
      created_at: formatDatetime(r.createdAt),
      id: r.id,
      notify_number: r.notifyNumber,
      service_id: r.serviceId,
      user_number: r.userNumber,
    })),
  });
};
