import { describe, expect, it } from 'vitest';
import { describeRpcError, fieldErrors } from '../../../src-renderer/lib/errors';
import {
  groupFailuresByReason,
  type FailureGroup,
} from '../../../src-renderer/features/support/failure-reasons';
import {
  describeHistoryFilters,
  filtersKey,
  toHistoryFilterForm,
  toHistoryFilters,
} from '../../../src-renderer/features/history/history-filters';
import { statusTone, STATUS_FILTER_OPTIONS } from '../../../src-renderer/components/status-tone';
import { filterTemplates, sortVersions } from '../../../src-renderer/features/templates/template-filter';
import {
  base64DecodedSize,
  base64ToBytes,
  bytesToBase64,
  formatBytes,
} from '../../../src-renderer/lib/base64';
import { emailPreviewDocument } from '../../../src-renderer/components/message-body/email-preview';
import { rpcError, template } from './fake-api';

const explanation = {
  title: 'Bad key',
  whatHappened: 'Notify did not recognise the key.',
  retry: 'after-fixing' as const,
  charged: 'no' as const,
  nextSteps: ['Check the key'],
};

describe('describeRpcError', () => {
  const notifyDetails = {
    status: 403,
    errors: [{ error: 'AuthError', message: 'Invalid token: API key not found' }],
    app: null,
    explanation,
    method: 'GET',
    path: '/v2/templates',
    retryAfterSeconds: null,
    skewSeconds: 41.5,
  };

  it('reads Notify’s status, class and message, the console’s explanation and the measured skew', () => {
    const view = describeRpcError({
      code: 'notify',
      message: 'Notify refused the key.',
      details: notifyDetails,
    });
    expect(view).toMatchObject({
      httpStatus: 403,
      errorClass: 'AuthError',
      notifyMessage: 'Invalid token: API key not found',
      explanation,
      skewSeconds: 41.5,
    });
  });

  it('reads the core’s NotifyApiError details: errors list, app envelope, request', () => {
    const view = describeRpcError({
      code: 'notify',
      message: 'Notify refused the request.',
      details: {
        status: 400,
        errors: [{ error: 'BadRequestError', message: 'Missing personalisation: name' }],
        app: null,
        explanation,
        method: 'POST',
        path: '/v2/notifications/sms',
        retryAfterSeconds: null,
        skewSeconds: null,
      },
    });
    expect(view).toMatchObject({
      httpStatus: 400,
      errorClass: 'BadRequestError',
      notifyMessage: 'Missing personalisation: name',
      request: 'POST /v2/notifications/sms',
      explanation,
    });
    const app = describeRpcError({
      code: 'notify',
      message: 'x',
      details: { ...notifyDetails, status: 404, errors: [], app: { result: 'error', message: 'Not found' } },
    });
    expect(app).toMatchObject({ errorClass: null, notifyMessage: 'Not found' });
    const network = describeRpcError({
      code: 'network',
      message: 'x',
      details: { kind: 'timeout', status: null, explanation, method: 'GET', path: '/v2/templates' },
    });
    expect(network).toMatchObject({ networkKind: 'timeout', httpStatus: null, request: 'GET /v2/templates' });
  });

  it('reads Notify’s errors list when it sent several', () => {
    const view = describeRpcError({
      code: 'notify',
      message: 'x',
      details: {
        ...notifyDetails,
        status: 400,
        errors: [
          { error: 'ValidationError', message: 'phone_number Not enough digits' },
          { error: 'BadRequestError', message: 'y' },
        ],
      },
    });
    expect(view.httpStatus).toBe(400);
    expect(view.notifyErrors).toHaveLength(2);
  });

  it('survives details of any shape', () => {
    for (const details of [undefined, null, 'text', 42, [1, 2], { explanation: { title: 1 } }]) {
      const view = describeRpcError(rpcError('x', 'm', details));
      expect(view.message).toBe('m');
      expect(view.explanation).toBeNull();
    }
  });
});

describe('fieldErrors', () => {
  it('maps the core’s issues to fields, by path and by last part', () => {
    expect(
      fieldErrors({
        code: 'invalid_profile',
        message: 'apiKey: That is not an API key',
        details: {
          issues: [
            { field: 'apiKey', message: 'That is not an API key' },
            { field: 'request.phone_number', message: 'bad' },
            { field: 'apiKey', message: 'second' },
          ],
        },
      }),
    ).toEqual({ apiKey: 'That is not an API key', 'request.phone_number': 'bad', phone_number: 'bad' });
    expect(fieldErrors(null)).toEqual({});
  });
});

describe('history filters', () => {
  it('keeps only filters that filter, never include_jobs=false', () => {
    expect(
      toHistoryFilters({ templateTypes: [], statuses: [], reference: '  ', includeJobs: false }),
    ).toEqual({});
    expect(
      toHistoryFilters({
        templateTypes: ['sms'],
        statuses: ['failed'],
        reference: ' abc ',
        includeJobs: true,
      }),
    ).toEqual({
      template_type: ['sms'],
      status: ['failed'],
      reference: 'abc',
      include_jobs: true,
    });
  });

  it('round-trips, describes and keys filters', () => {
    const f = {
      template_type: ['email' as const, 'sms' as const],
      status: ['delivered'],
      reference: 'r',
      include_jobs: true,
    };
    expect(toHistoryFilters(toHistoryFilterForm(f))).toEqual(f);
    expect(describeHistoryFilters(f)).toBe('email, sms · delivered · reference “r” · including jobs');
    expect(describeHistoryFilters({})).toBe('no filters');
    expect(filtersKey({ template_type: ['sms', 'email'] })).toBe(
      filtersKey({ template_type: ['email', 'sms'] }),
    );
  });

  it('offers every status Notify accepts, failed first', () => {
    expect(STATUS_FILTER_OPTIONS[0]).toBe('failed');
    expect(STATUS_FILTER_OPTIONS).toEqual(
      expect.arrayContaining(['accepted', 'received', 'permanent-failure', 'pending-virus-check']),
    );
    expect(statusTone('delivered')).toBe('success');
    expect(statusTone('temporary-failure')).toBe('failure');
    expect(statusTone('sending')).toBe('pending');
    expect(statusTone('cancelled')).toBe('neutral');
  });
});

describe('failures grouping', () => {
  const group = (status: string, templateId: string, count: number, latest: string): FailureGroup => ({
    status,
    templateId,
    profileId: 'p1',
    profileName: 'P',
    count,
    latest,
    explanation,
    sampleIds: [],
    profiles: [{ profileId: 'p1', profileName: 'P' }],
    templateName: null,
    templateVersions: [1],
  });

  it('groups by reason, newest reason first, templates by count', () => {
    const reasons = groupFailuresByReason([
      group('temporary-failure', 't1', 2, '2026-01-01T10:00:00Z'),
      group('permanent-failure', 't1', 1, '2026-01-02T10:00:00Z'),
      group('temporary-failure', 't2', 5, '2026-01-03T10:00:00Z'),
    ]);
    expect(reasons.map((r) => [r.status, r.total, r.latest])).toEqual([
      ['temporary-failure', 7, '2026-01-03T10:00:00Z'],
      ['permanent-failure', 1, '2026-01-02T10:00:00Z'],
    ]);
    expect(reasons[0]?.groups.map((g) => g.templateId)).toEqual(['t2', 't1']);
  });

  it('explains a reason once per channel it holds, texts before emails (issue 9.6)', () => {
    const sms = { ...explanation, title: 'The phone number does not exist' };
    const email = { ...explanation, title: 'The email address does not exist' };
    const reasons = groupFailuresByReason([
      {
        ...group('permanent-failure', 't1', 3, '2026-01-02T10:00:00Z'),
        notificationType: 'email',
        explanation: email,
      },
      {
        ...group('permanent-failure', 't2', 2, '2026-01-01T10:00:00Z'),
        notificationType: 'sms',
        explanation: sms,
      },
      {
        ...group('permanent-failure', 't3', 1, '2026-01-01T09:00:00Z'),
        notificationType: 'email',
        explanation: email,
      },
    ]);
    expect(reasons).toHaveLength(1);
    expect(reasons[0]?.explanations.map((e) => [e.channel, e.explanation.title, e.count])).toEqual([
      ['sms', 'The phone number does not exist', 2],
      ['email', 'The email address does not exist', 4],
    ]);
  });
});

describe('templates', () => {
  const list = [
    template({ id: 'a', name: 'Welcome email', type: 'email', subject: 'Welcome', body: 'Hi' }),
    template({ id: 'b', name: 'Reminder', type: 'sms', body: 'Your appointment' }),
  ];

  it('filters by type and every search word', () => {
    expect(filterTemplates(list, { type: 'all', search: '' })).toHaveLength(2);
    expect(filterTemplates(list, { type: 'sms', search: '' }).map((t) => t.id)).toEqual(['b']);
    expect(filterTemplates(list, { type: 'all', search: 'WELCOME hi' }).map((t) => t.id)).toEqual(['a']);
    expect(filterTemplates(list, { type: 'all', search: 'appointment' }).map((t) => t.id)).toEqual(['b']);
  });

  it('sorts versions newest first, one per number', () => {
    expect(
      sortVersions([
        template({ version: 1 }),
        template({ version: 3 }),
        template({ version: 2 }),
        template({ version: 3 }),
      ]).map((v) => v.version),
    ).toEqual([3, 2, 1]);
  });
});

describe('base64 and previews', () => {
  it('round-trips bytes, including large files', () => {
    const bytes = new Uint8Array(40_000).map((_, i) => i % 256);
    const b64 = bytesToBase64(bytes);
    expect(base64ToBytes(b64)).toEqual(bytes);
    expect(base64DecodedSize(b64)).toBe(40_000);
    expect(bytesToBase64(new TextEncoder().encode('%PDF'))).toBe('JVBERg==');
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(2048)).toBe('2 KB');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.0 MB');
  });

  it('builds a locked-down email preview document with an escaped subject', () => {
    const doc = emailPreviewDocument('<script>alert(1)</script>', '<p>Hi</p>');
    expect(doc).toContain("default-src 'none'");
    expect(doc).toContain('&lt;script&gt;');
    expect(doc).not.toContain('<script>');
    expect(doc).toContain('<p>Hi</p>');
  });
});
