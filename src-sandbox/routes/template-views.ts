/**
 * GET /v2/template/{id}[/version/{v}], GET /v2/templates, POST /v2/template/{id}/preview (§4.8–4.10).
 */
import { missingPersonalisation, templatePlaceholders } from '../../src-shared/template';
import type { V2Handler } from '../context';
import { badRequest, json, parseJsonBody, V2Error, validationError, firstValues } from '../http';
import { formatDatetime, parseUuid, pyRepr } from '../json';
import type { Template } from '../model';
import { oneOf, typed, validateObject } from '../schema';

type Version = Template['versions'][number];

/** The latest version, or a given one (0 and absent mean latest, as Notify's falsy check does). */
export function templateVersion(t: Template, version?: number): Version {
  if (!version) return t.versions[t.versions.length - 1]!;
  const v = t.versions.find((x) => x.version === version);
  if (!v) throw V2Error.one(404, 'NoResultFound', 'No result found');
  return v;
}

const noResult = () => V2Error.one(404, 'NoResultFound', 'No result found');

function isoMicros(s: string | undefined): number {
  return s ? Date.parse(s) * 1000 : 0;
}

/** TemplateBase.serialize_for_v2. */
function serializeTemplate(t: Template, v: Version) {
  const personalisation: Record<string, { required: true }> = {};
  for (const name of templatePlaceholders({
    type: t.type,
    subject: v.subject ?? null,
    content: v.content,
    letterContactBlock: v.letter_contact_block ?? null,
  }))
    personalisation[name] = { required: true };
  const first = t.versions[0]!;
  return {
    body: v.content,
    created_at: formatDatetime(isoMicros(first.created_at)),
    created_by: v.created_by ?? 'notify@example.gov.uk',
    id: t.id,
    letter_contact_block: t.type === 'letter' ? (v.letter_contact_block ?? null) : null,
    name: v.name ?? t.name,
    personalisation,
    postage: t.type === 'letter' ? (v.postage ?? 'second') : null,
    subject: t.type === 'sms' ? null : (v.subject ?? null),
    type: t.type,
    updated_at: v.version > 1 && v.created_at ? formatDatetime(isoMicros(v.created_at)) : null,
    version: v.version,
  };
}

function findTemplate(
  ctxTemplates: Map<string, Template & { serviceId: string }>,
  serviceId: string,
  rawId: string,
) {
  const id = parseUuid(rawId);
  if (!id) throw validationError(['id is not a valid UUID']);
  const t = ctxTemplates.get(id);
  if (!t || t.serviceId !== serviceId || t.hidden) throw noResult();
  return t;
}

export const getTemplate: V2Handler = (_req, ctx, auth, params) => {
  const version = params.version === undefined ? undefined : Number(params.version);
  if (!parseUuid(params.id!)) throw validationError(['id is not a valid UUID']);
  // Past Postgres' integer range the version query itself fails: SQLAlchemy's DataError, a 404 too.
  if (version !== undefined && version > 2_147_483_647)
    throw V2Error.one(404, 'DataError', 'No result found');
  const t = findTemplate(ctx.store.templates, auth.service.id, params.id!);
  return json(200, serializeTemplate(t, templateVersion(t, version)));
};

export const getTemplates: V2Handler = (req, ctx, auth) => {
  const args = firstValues(req.queryPairs);
  const errors = validateObject(args, {
    properties: { type: oneOf(['sms', 'email', 'letter']) },
    additionalProperties: false,
  });
  if (errors.length) throw validationError(errors);
  const templates = ctx.store
    .templatesOf(auth.service.id)
    .filter((t) => !t.archived && !t.hidden && (!args.type || t.type === args.type))
    .sort((a, b) => {
      const an = templateVersion(a).name ?? a.name;
      const bn = templateVersion(b).name ?? b.name;
      return an < bn ? -1 : an > bn ? 1 : a.type < b.type ? -1 : a.type > b.type ? 1 : 0;
    })
    .map((t) => serializeTemplate(t, templateVersion(t)));
  return json(200, { templates });
};

export const previewTemplate: V2Handler = async (req, ctx, auth, params) => {
  // An empty body is `{}`; otherwise `get_valid_json()`, where anything Python counts as false is `{}` too.
  const body: unknown = req.body.length > 0 ? parseJsonBody(req.body) : {};
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    // Notify then does `_data["id"] = template_id`, a TypeError (500) for a list, string, number or true.
    // The sandbox answers the schema's message instead, so that a bad body is never a server error.
    throw validationError([`${pyRepr(body)} is not of type object`]);
  }
  const id = parseUuid(params.id!);
  const form = { ...body, id: params.id };
  const errors = validateObject(form, {
    properties: {
      id: (v) => (parseUuid(v) ? [] : ['id is not a valid UUID']),
      personalisation: typed(['object']),
    },
    required: ['id'],
  });
  if (errors.length) throw validationError(errors);
  if (!id) throw validationError(['id is not a valid UUID']);
  const t = findTemplate(ctx.store.templates, auth.service.id, id);
  const v = templateVersion(t);
  const personalisation = ((form as { personalisation?: Record<string, unknown> }).personalisation ??
    {}) as Record<string, unknown>;
  const parts = {
    type: t.type,
    subject: v.subject ?? null,
    content: v.content,
    letterContactBlock: v.letter_contact_block ?? null,
  };
  const missing = missingPersonalisation(parts, personalisation);
  if (missing.length) throw badRequest(`Missing personalisation: ${missing.join(', ')}`);
  let bodyText: string;
  let subject: string | null = null;
  let html: string | null = null;
  if (t.type === 'sms') bodyText = await ctx.renders.render('renderSmsBody', v.content, personalisation);
  else if (t.type === 'email') {
    bodyText = await ctx.renders.render('renderEmailBody', v.content, personalisation);
    subject = await ctx.renders.render('renderEmailSubject', v.subject ?? '', personalisation);
    html = await ctx.renders.render('renderEmailHtml', v.content, personalisation);
  } else {
    bodyText = await ctx.renders.render('renderLetterBody', v.content, personalisation);
    subject = await ctx.renders.render('renderLetterSubject', v.subject ?? '', personalisation);
  }
  return json(200, {
    body: bodyText,
    html,
    id: t.id,
    postage: t.type === 'letter' ? (v.postage ?? 'second') : null,
    subject,
    type: t.type,
    version: v.version,
  });
};
