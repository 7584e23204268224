/**
 * What `npm run dist` decides to sign, notarise and publish for each OS and set of variables, and that
 * it says so: an unsigned installer is never a silent outcome, and never published.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  APPLE_API_KEY_ENV,
  APPLE_ID_ENV,
  AZURE_SIGNING_ENV,
  distOs,
  distPlan,
  mergeConfig,
} from '../../../scripts/dist';

const fill = (names: readonly string[]): Record<string, string> =>
  Object.fromEntries(names.map((n) => [n, `value-of-${n}`]));
const notes = (plan: { notes: string[] }): string => plan.notes.join('\n');

describe('npm run dist: the signing and publishing plan', () => {
  it('maps Node platforms to electron-builder OSes and refuses the rest', () => {
    expect([distOs('darwin'), distOs('win32'), distOs('linux')]).toEqual(['mac', 'win', 'linux']);
    expect(() => distOs('freebsd')).toThrow(/macOS, Windows or Linux, not on freebsd/);
  });

  describe('Windows', () => {
    it('with no certificate: unsigned, says which variables would sign it, and does not publish', () => {
      const plan = distPlan({ platform: 'win32', env: {}, publish: true });
      expect(plan.config).not.toHaveProperty('win');
      expect(notes(plan)).toContain('Windows signing: SKIPPED');
      expect(notes(plan)).toContain('WIN_CSC_LINK');
      expect(notes(plan)).toContain('AZURE_TRUSTED_SIGNING_ENDPOINT');
      expect(plan.publish).toBe(false);
      expect(notes(plan)).toContain('Publishing: SKIPPED, win artifacts would be unsigned');
    });

    it('empty variables (a secret that does not exist in Actions) count as unset', () => {
      const env = Object.fromEntries([...AZURE_SIGNING_ENV, 'WIN_CSC_LINK'].map((n) => [n, '']));
      expect(distPlan({ platform: 'win32', env, publish: true }).publish).toBe(false);
    });

    it('with a .pfx: signtool signs (electron-builder reads the variables) and it publishes', () => {
      const plan = distPlan({ platform: 'win32', env: { WIN_CSC_LINK: 'cert' }, publish: true });
      expect(plan.publish).toBe(true);
      expect(notes(plan)).toContain('Windows signing: the certificate in WIN_CSC_LINK');
    });

    it('with Azure Trusted Signing: adds azureSignOptions from the variables', () => {
      const env = { ...fill(AZURE_SIGNING_ENV), AZURE_TRUSTED_SIGNING_PUBLISHER: 'CN=Example' };
      const plan = distPlan({ platform: 'win32', env, publish: false });
      expect(plan.config).toEqual({
        win: {
          azureSignOptions: {
            endpoint: 'value-of-AZURE_TRUSTED_SIGNING_ENDPOINT',
            codeSigningAccountName: 'value-of-AZURE_TRUSTED_SIGNING_ACCOUNT',
            certificateProfileName: 'value-of-AZURE_TRUSTED_SIGNING_PROFILE',
            publisherName: 'CN=Example',
          },
        },
      });
      expect(plan.publish).toBe(false);
      // The secret itself is never printed.
      expect(notes(plan)).not.toContain('value-of-AZURE_CLIENT_SECRET');
    });

    it('refuses half an Azure set-up, naming what is missing', () => {
      const env = fill(AZURE_SIGNING_ENV.slice(0, 4));
      expect(() => distPlan({ platform: 'win32', env, publish: false })).toThrow(
        'Azure Trusted Signing is half set up: also set AZURE_TRUSTED_SIGNING_ACCOUNT, AZURE_TRUSTED_SIGNING_PROFILE',
      );
    });
  });

  describe('macOS', () => {
    it('with no Developer ID: an ad-hoc signature without the hardened runtime, unpublished', () => {
      const plan = distPlan({ platform: 'darwin', env: {}, publish: true });
      expect(plan.config).toEqual({ mac: { identity: '-', hardenedRuntime: false } });
      expect(plan.env).toEqual({ CSC_IDENTITY_AUTO_DISCOVERY: 'false' });
      expect(notes(plan)).toContain('macOS signing: SKIPPED');
      expect(notes(plan)).toContain('right-click');
      expect(plan.publish).toBe(false);
    });

    it('signed but not notarised: says so and does not publish (Gatekeeper would block it)', () => {
      const plan = distPlan({ platform: 'darwin', env: { CSC_LINK: 'p12' }, publish: true });
      expect(plan.config).toEqual({});
      expect(notes(plan)).toContain('notarisation SKIPPED');
      expect(plan.publish).toBe(false);
    });

    it.each([
      ['an Apple ID', APPLE_ID_ENV],
      ['an App Store Connect API key', APPLE_API_KEY_ENV],
    ])('signed and notarised with %s: publishes', (_label, names) => {
      const plan = distPlan({ platform: 'darwin', env: { CSC_LINK: 'p12', ...fill(names) }, publish: true });
      expect(plan.config).toEqual({});
      expect(plan.publish).toBe(true);
      expect(notes(plan)).toContain('hardened runtime, notarised');
    });
  });

  it('Linux needs no signature, so it publishes when asked', () => {
    expect(distPlan({ platform: 'linux', env: {}, publish: true }).publish).toBe(true);
    expect(distPlan({ platform: 'linux', env: {}, publish: false }).publish).toBe(false);
  });

  it('takes the update feed from GITHUB_REPOSITORY in Actions, and ignores a malformed one', () => {
    const plan = distPlan({
      platform: 'linux',
      env: { GITHUB_REPOSITORY: 'alice/notify-console' },
      publish: false,
    });
    expect(plan.config['publish']).toEqual([
      { provider: 'github', releaseType: 'draft', owner: 'alice', repo: 'notify-console' },
    ]);
    for (const bad of ['alice', 'a/b/c', '../x', 'a b/c', '']) {
      const p = distPlan({ platform: 'linux', env: { GITHUB_REPOSITORY: bad }, publish: false });
      expect(p.config).not.toHaveProperty('publish');
      expect(notes(p)).toContain("git remote 'origin'");
    }
  });

  it('never throws for any environment on Linux and macOS, and always says something', () => {
    const env = fc.dictionary(
      fc.constantFrom(
        ...AZURE_SIGNING_ENV,
        ...APPLE_ID_ENV,
        ...APPLE_API_KEY_ENV,
        'CSC_LINK',
        'GITHUB_REPOSITORY',
      ),
      fc.string(),
    );
    fc.assert(
      fc.property(
        env,
        fc.constantFrom<NodeJS.Platform>('linux', 'darwin'),
        fc.boolean(),
        (e, platform, publish) => {
          const plan = distPlan({ platform, env: e, publish });
          return plan.notes.length >= 2 && (!plan.publish || publish);
        },
      ),
    );
  });

  it('merges the plan over the configuration without losing its other settings', () => {
    const merged = mergeConfig(
      { mac: { hardenedRuntime: true, category: 'dev', target: ['dmg'] }, appId: 'x' },
      { mac: { identity: '-', hardenedRuntime: false, target: ['zip'] } },
    );
    expect(merged).toEqual({
      appId: 'x',
      mac: { hardenedRuntime: false, category: 'dev', identity: '-', target: ['zip'] },
    });
  });
});
