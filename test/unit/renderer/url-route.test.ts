import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SCREENS, type Route } from '../../../src-renderer/state/routes';
import { hashToRoute, routeToHash } from '../../../src-renderer/state/url-route';

const TEMPLATE = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const NOTIFICATION = 'a1b2c3d4-0000-4000-8000-00000000beef';
const PROFILE_UUID = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

describe('routeToHash and hashToRoute', () => {
  const table: Array<[Route, string]> = [
    [{ screen: 'profiles' }, '#/profiles'],
    [{ screen: 'templates' }, '#/templates'],
    [{ screen: 'templates', templateId: TEMPLATE }, `#/templates/${TEMPLATE}`],
    [{ screen: 'send' }, '#/send'],
    [{ screen: 'send', templateId: TEMPLATE }, `#/send/${TEMPLATE}`],
    [{ screen: 'bulk' }, '#/bulk'],
    [{ screen: 'bulk', batchId: NOTIFICATION }, `#/bulk/${NOTIFICATION}`],
    [{ screen: 'status' }, '#/status'],
    [
      { screen: 'status', profileId: 'sandbox-test', id: NOTIFICATION },
      `#/status/sandbox-test/${NOTIFICATION}`,
    ],
    [
      { screen: 'status', profileId: PROFILE_UUID, id: NOTIFICATION },
      `#/status/${PROFILE_UUID}/${NOTIFICATION}`,
    ],
    [{ screen: 'history' }, '#/history'],
    [{ screen: 'support' }, '#/support'],
    [{ screen: 'archive' }, '#/archive'],
    [{ screen: 'archive', id: NOTIFICATION }, `#/archive/${NOTIFICATION}`],
    [
      { screen: 'archive', query: { recipient: '07700 900 789', from: '2026-11-01' } },
      '#/archive?recipient=07700+900+789&from=2026-11-01',
    ],
    [{ screen: 'received' }, '#/received'],
    [{ screen: 'inspector' }, '#/inspector'],
    [{ screen: 'sandbox' }, '#/sandbox'],
    [{ screen: 'sandbox', tab: 'faults' }, '#/sandbox/faults'],
    [{ screen: 'sandbox', tab: 'inbox' }, '#/sandbox/inbox'],
  ];

  it.each(table)('%o is %s, and back', (route, hash) => {
    expect(routeToHash(route)).toBe(hash);
    expect(hashToRoute(hash)).toEqual(route);
  });

  it('refuses a Sandbox tab it does not know, and writes the first tab as the screen alone', () => {
    expect(hashToRoute('#/sandbox/nope')).toBeNull();
    expect(hashToRoute('#/sandbox/keys')).toBeNull();
    expect(hashToRoute('#/sandbox/faults/x')).toBeNull();
    expect(routeToHash({ screen: 'sandbox', tab: 'keys' })).toBe('#/sandbox');
  });

  it('covers every screen', () => {
    const covered = new Set(table.map(([route]) => route.screen));
    expect([...covered].sort()).toEqual(SCREENS.map((s) => s.screen).sort());
  });

  it('keeps ids as the core accepts them: any case, hyphens optional', () => {
    const upper = TEMPLATE.toUpperCase();
    const bare = NOTIFICATION.replace(/-/g, '');
    expect(hashToRoute(`#/send/${upper}`)).toEqual({ screen: 'send', templateId: upper });
    expect(hashToRoute(`#/status/p1/${bare}`)).toEqual({ screen: 'status', profileId: 'p1', id: bare });
    expect(routeToHash({ screen: 'status', profileId: 'p1', id: bare })).toBe(`#/status/p1/${bare}`);
  });

  it('leaves out ids a link cannot carry, so the link still opens the screen', () => {
    expect(routeToHash({ screen: 'templates', templateId: 'not-a-uuid' })).toBe('#/templates');
    expect(routeToHash({ screen: 'send', templateId: '' })).toBe('#/send');
    expect(routeToHash({ screen: 'status', profileId: 'p1' })).toBe('#/status');
    expect(routeToHash({ screen: 'status', id: NOTIFICATION })).toBe('#/status');
    expect(routeToHash({ screen: 'status', profileId: 'has space', id: NOTIFICATION })).toBe('#/status');
    expect(routeToHash({ screen: 'status', profileId: 'p'.repeat(65), id: NOTIFICATION })).toBe('#/status');
    expect(routeToHash({ screen: 'status', profileId: 'p1', id: `${NOTIFICATION}0` })).toBe('#/status');
  });

  const rejected: Array<[string, unknown]> = [
    ['empty', ''],
    ['only #', '#'],
    ['only #/', '#/'],
    ['no #', '/history'],
    ['no slash', '#history'],
    ['not a string', 42],
    ['null', null],
    ['unknown screen', '#/settings'],
    ['screen in capitals', '#/History'],
    ['prototype name', '#/constructor'],
    ['__proto__', '#/__proto__'],
    ['trailing slash', '#/history/'],
    ['double slash', '#//history'],
    ['empty middle segment', `#/status//${NOTIFICATION}`],
    ['extra segment on a plain screen', '#/history/1'],
    ['extra segment after a template', `#/send/${TEMPLATE}/x`],
    ['extra segment after a notification', `#/status/p1/${NOTIFICATION}/x`],
    ['status with a profile only', '#/status/p1'],
    ['status with a notification only', `#/status/${NOTIFICATION}`],
    ['status with the ids swapped', `#/status/${NOTIFICATION}/p1`],
    ['template id not a UUID', '#/templates/abc'],
    ['template id with a brace', `#/templates/{${TEMPLATE}}`],
    ['template id one digit short', `#/templates/${TEMPLATE.slice(0, -1)}`],
    ['template id one digit long', `#/templates/${TEMPLATE}0`],
    ['template id not hex', `#/templates/${TEMPLATE.replace('3f', 'zz')}`],
    ['profile id over 64 characters', `#/status/${'p'.repeat(65)}/${NOTIFICATION}`],
    ['profile id with a dot', `#/status/a.b/${NOTIFICATION}`],
    ['profile id ..', `#/status/../${NOTIFICATION}`],
    ['percent-encoded slash', '#/status%2Fp1'],
    ['percent-encoded screen', '#/%68istory'],
    ['percent-encoded id', `#/send/${TEMPLATE.replace('-', '%2D')}`],
    ['query string', '#/history?x=1'],
    ['token parameter', '#/history&token=abc'],
    ['token alone', '#token=abc'],
    ['parameters', '#view=history'],
    ['in-page anchor', '#main'],
    ['space', '#/history '],
    ['leading space', ' #/history'],
    ['newline', '#/history\n'],
    ['backslash', '#/send\\x'],
    ['unicode look-alike', '#/hіstory'],
    ['full-width digits', `#/send/${TEMPLATE.replace('3', '３')}`],
    ['over-long', `#/send/${'a'.repeat(500)}`],
    ['huge', `#/${'a/'.repeat(50_000)}`],
  ];

  it.each(rejected)('rejects %s', (_name, hash) => {
    expect(hashToRoute(hash)).toBeNull();
  });

  const uuid = fc.uuid();
  const profileId = fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/);
  const validRoute: fc.Arbitrary<Route> = fc.oneof(
    fc.constantFrom<Route>(
      { screen: 'profiles' },
      { screen: 'templates' },
      { screen: 'send' },
      { screen: 'status' },
      { screen: 'history' },
      { screen: 'support' },
      { screen: 'received' },
      { screen: 'inspector' },
    ),
    uuid.map((templateId): Route => ({ screen: 'templates', templateId })),
    uuid.map((templateId): Route => ({ screen: 'send', templateId })),
    fc.tuple(profileId, uuid).map(([p, id]): Route => ({ screen: 'status', profileId: p, id })),
  );

  it('round-trips every route it can carry (fuzz)', () => {
    fc.assert(
      fc.property(validRoute, (route) => {
        expect(hashToRoute(routeToHash(route))).toEqual(route);
      }),
      { numRuns: 2000 },
    );
  });

  /** Fragments near the grammar: its own pieces, ids, and stray characters. */
  const nearHash = fc
    .array(
      fc.oneof(
        fc.constantFrom(
          '#',
          '/',
          '#/',
          ...SCREENS.map((s) => s.screen),
          'sandbox-test',
          '%2F',
          '%',
          '?',
          '&',
          'token=',
          '..',
          '.',
          ' ',
          '\u0000',
        ),
        uuid,
        profileId,
        fc.string({ maxLength: 8 }),
      ),
      { maxLength: 8 },
    )
    .map((parts) => parts.join(''));

  it('never throws, and whatever it accepts it writes back exactly (fuzz)', () => {
    let accepted = 0;
    // Slash-separated pieces of the grammar, some of them wrong.
    const segment = fc.oneof(
      fc.constantFrom(...SCREENS.map((s) => s.screen), 'sandbox-test', '', '..', '%2F'),
      uuid,
      uuid.map((u) => u.toUpperCase().replace(/-/g, '')),
      profileId,
      fc.string({ maxLength: 4 }),
    );
    const screenName = fc.oneof(
      { arbitrary: fc.constantFrom(...SCREENS.map((s) => s.screen)), weight: 4 },
      { arbitrary: segment, weight: 1 },
    );
    const segmentsHash = fc
      .tuple(screenName, fc.array(segment, { maxLength: 3 }))
      .map(([first, rest]) => `#/${[first, ...rest].join('/')}`);
    const anyHash = fc.oneof(
      { arbitrary: segmentsHash, weight: 4 },
      nearHash,
      nearHash.map((h) => `#/${h}`),
      fc.string(),
      fc.string({ unit: 'binary' }),
    );
    fc.assert(
      fc.property(anyHash, (hash) => {
        const route = hashToRoute(hash);
        if (route === null) return;
        accepted++;
        expect(routeToHash(route)).toBe(hash);
        expect(hashToRoute(routeToHash(route))).toEqual(route);
        // Only screen names and ids: nothing that could smuggle parameters or encodings.
        expect(hash).toMatch(/^#\/[A-Za-z0-9_/-]+$/);
      }),
      { numRuns: 5000 },
    );
    // About one in eight inputs parses, so the property is not vacuous.
    expect(accepted).toBeGreaterThan(100);
  });

  it('always writes a fragment it can read back, whatever the route holds (fuzz)', () => {
    const anyId = fc.option(fc.oneof(fc.string(), uuid), { nil: undefined });
    const anyRoute = fc.oneof(
      validRoute,
      fc.tuple(fc.constantFrom('templates', 'send'), anyId).map(([screen, templateId]) => ({
        screen,
        templateId,
      })),
      fc.tuple(anyId, anyId).map(([p, id]) => ({ screen: 'status', profileId: p, id })),
    ) as fc.Arbitrary<Route>;
    fc.assert(
      fc.property(anyRoute, (route) => {
        const hash = routeToHash(route);
        const back = hashToRoute(hash);
        expect(back).not.toBeNull();
        expect(back?.screen).toBe(route.screen);
        expect(routeToHash(back!)).toBe(hash);
      }),
      { numRuns: 2000 },
    );
  });
});
