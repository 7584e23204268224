/**
 * A templated letter's send after the common checks (reference §5, step 9): which keys and services
 * may send letters, the postal address, the rendered body, and the letter's own lifecycle (its PDF).
 * Apart from text messages and emails because a letter is addressed by personalisation, has postage
 * and is never a simulated recipient.
 */
import { randomUUID } from 'node:crypto';
import type { Personalisation } from '../../src-shared/template';
import type { SandboxContext } from '../context';
import type { KeyType } from '../fixtures';
import { json, V2Error, validationError, type SandboxRequest, type SandboxResponse } from '../http';
import type { Postage, Service, StoredNotification, Template } from '../model';
import { createdResponse } from './created-response';
import { stringifyFileless } from './send-personalisation';
import { senderFields, type Sender } from './send-origin';
import type { templateVersion } from './template-views';

/**
 * Characters of each address line handed to the letter's layout. An address line may be megabytes long
 * (Notify has no limit, and prints only what fits the 85 mm window: a few hundred of the narrowest
 * character at most), and lines are already normalised, so the layout gets only their start.
 */
const PRINTED_ADDRESS_LINE_CHARS = 10_000;

/** Team keys never send letters; live keys send them only once the service is out of trial mode. */
export function checkLetterKey(service: Service, keyType: KeyType): void {
  if (keyType === 'team')
    throw V2Error.one(403, 'BadRequestError', 'Cannot send letters with a team api key');
  if (service.restricted && keyType !== 'test')
    throw V2Error.one(403, 'BadRequestError', 'Cannot send letters when service is in trial mode');
}

/** Creates a templated letter whose template, personalisation and senders have passed the common checks. */
export async function createLetter(
  req: SandboxRequest,
  ctx: SandboxContext,
  auth: Sender,
  template: Template,
  version: ReturnType<typeof templateVersion>,
  personalisation: Personalisation,
  reference: string | null,
): Promise<SandboxResponse> {
  const { service, key } = auth;
  // 9. Letters.
  checkLetterKey(service, key.keyType);
  const address = await ctx.renders.render('validatePostalAddress', personalisation, {
    allowInternational: service.permissions.includes('international_letters'),
  });
  if (!address.ok) throw validationError([address.message]);
  const values = stringifyFileless(personalisation);
  const body = await ctx.renders.render('renderLetterBody', version.content, values);
  const subject = await ctx.renders.render('renderLetterSubject', version.subject ?? '', values);
  const postage: Postage = address.postage ?? version.postage ?? 'second';
  const id = randomUUID();
  const n: StoredNotification = {
    id,
    serviceId: service.id,
    ...senderFields(auth),
    keyType: key.keyType,
    type: 'letter',
    templateId: template.id,
    templateVersion: version.version,
    to: address.lines.join('\n'),
    normalisedTo: null,
    reference,
    body,
    subject,
    address: letterAddressFields(personalisation),
    status: key.keyType === 'test' ? 'sending' : 'created',
    createdAt: ctx.clock.nowMicros(),
    sentAt: null,
    updatedAt: null,
    billableUnits: 0,
    rateMultiplier: 1,
    postage,
    international: address.international,
    oneClickUnsubscribeUrl: null,
    precompiled: false,
    history: [],
  };
  n.history.push({ status: n.status, at: n.createdAt });
  const contactBlock = version.letter_contact_block
    ? await ctx.renders.render('renderLetterBody', version.letter_contact_block, values)
    : null;
  const heading = await ctx.renders.render('renderLetterBody', version.subject ?? '', values);
  await ctx.store.addNotification(n);
  ctx.lifecycle.startLetter(n, {
    addressLines: address.lines.map((line) => line.slice(0, PRINTED_ADDRESS_LINE_CHARS)),
    contactBlock,
    subject: heading,
    body,
    serviceName: service.name,
  });
  return json(
    201,
    createdResponse(req, service, template.id, version.version, id, reference, { body, subject }),
  );
}

/** `line_1`…`line_6` and `postcode` as GET shows them: personalisation keys matched case-insensitively. */
function letterAddressFields(p: Personalisation): { lines: (string | null)[]; postcode: string | null } {
  const lower = new Map<string, unknown>();
  for (const [k, v] of Object.entries(p)) lower.set(k.toLowerCase(), v);
  const get = (k: string) => {
    const v = lower.get(k);
    return v === undefined || v === null ? null : String(v);
  };
  return { lines: [1, 2, 3, 4, 5, 6].map((i) => get(`address_line_${i}`)), postcode: get('postcode') };
}
