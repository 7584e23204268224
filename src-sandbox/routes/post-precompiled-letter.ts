/**
 * Precompiled letters (reference §4.4): a PDF sent as base64 on the letter route, stored and served
 * back byte for byte. Apart from templated letters because Notify checks them with their own schema
 * and order, and they go through a virus check rather than rendering.
 */
import { randomUUID } from 'node:crypto';
import type { SandboxContext } from '../context';
import { badRequest, json, validationError, type SandboxRequest, type SandboxResponse } from '../http';
import type { Postage, StoredNotification } from '../model';
import { validateObject } from '../schema';
import { checkLetterKey } from './post-letter';
import { schemasFor } from './send-schemas';
import { senderFields, type Sender } from './send-origin';

/** Answers a precompiled letter send: schema, permission, key, then the PDF, stored before the answer. */
export async function postPrecompiledLetter(
  req: SandboxRequest,
  ctx: SandboxContext,
  auth: Sender,
  input: unknown,
): Promise<SandboxResponse> {
  const { service, key } = auth;
  const errors = validateObject(input, schemasFor(ctx).precompiled);
  if (errors.length) throw validationError(errors);
  const body = input as Record<string, unknown>;
  if (!service.permissions.includes('letter')) throw badRequest('Service is not allowed to send letters');
  checkLetterKey(service, key.keyType);
  const pdf = decodePythonBase64(body.content as string);
  if (!pdf) throw badRequest('Cannot decode letter content (invalid base64 encoding)');
  const postage = (body.postage as Postage | undefined) ?? 'second';
  const reference = body.reference as string;
  const id = randomUUID();
  const n: StoredNotification = {
    id,
    serviceId: service.id,
    ...senderFields(auth),
    keyType: key.keyType,
    type: 'letter',
    templateId: precompiledTemplateId(service.id),
    templateVersion: 1,
    to: 'Provided as PDF',
    normalisedTo: null,
    reference,
    body: '',
    subject: 'Pre-compiled PDF',
    address: { lines: ['Provided as PDF', null, null, null, null, null], postcode: null },
    status: 'pending-virus-check',
    createdAt: ctx.clock.nowMicros(),
    sentAt: null,
    updatedAt: null,
    billableUnits: 0,
    rateMultiplier: 1,
    postage,
    international: false,
    oneClickUnsubscribeUrl: null,
    precompiled: true,
    history: [],
  };
  n.history.push({ status: n.status, at: n.createdAt });
  // The PDF is durable before the notification is acknowledged.
  await ctx.pdfs.put(id, pdf);
  await ctx.store.addNotification(n);
  ctx.lifecycle.startPrecompiled(n, pdf);
  // Notify uploads the PDF to S3 before it answers: the slowest send there is.
  return { ...json(201, { id, postage, reference }), latencyRoute: 'post_precompiled_letter' };
}

/** The hidden "Pre-compiled PDF" template each service has: a stable id derived from the service id. */
function precompiledTemplateId(serviceId: string): string {
  const hex = serviceId.replace(/-/g, '');
  const flipped = [...hex].map((c) => (15 - parseInt(c, 16)).toString(16)).join('');
  return `${flipped.slice(0, 8)}-${flipped.slice(8, 12)}-4${flipped.slice(13, 16)}-8${flipped.slice(17, 20)}-${flipped.slice(20)}`;
}

/**
 * Python's lenient `base64.b64decode`: non-alphabet characters dropped, padding must then be right.
 */
function decodePythonBase64(s: string): Buffer | null {
  const cleaned = s.replace(/[^A-Za-z0-9+/=]/g, '');
  const data = cleaned.replace(/=/g, '');
  const pads = cleaned.length - data.length;
  const rem = data.length % 4;
  if (rem === 1 || (rem === 2 && pads < 2) || (rem === 3 && pads < 1)) return null;
  return Buffer.from(data, 'base64');
}
