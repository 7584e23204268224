/**
 * Every error the core raises on purpose reaches the renderer as one of the contract's RpcError
 * shapes, with the details its code promises (src-main/rpc/errors.ts), and anything else is an
 * internal error whose text the user never sees.
 */
import { describe, expect, it } from 'vitest';
import { rpcError } from '../../../src-main/contract/errors';
import { createEndpoint, EventBus, type HandlerTable } from '../../../src-main/rpc/dispatch';
import { INTERNAL_ERROR, toRpcError } from '../../../src-main/rpc/errors';
import { BuiltInProfileError, FieldValidationError, NotApplicableError } from '../../../src-main/core/errors';
import { HistoryPager } from '../../../src-main/core/history/history-pager';
import {
  NotifyApiError,
  NotifyNetworkError,
  UnknownOutcomeError,
} from '../../../src-main/core/notify/errors';
import { NotifyClient } from '../../../src-main/core/notify/client';
import { CoreError } from '../../../src-main/core/ports';
import { MemoryStore } from '../../support/memory-store';
import {
  KeyBindingError,
  NoApiKeyError,
  ProfileImportError,
  ProfileNotFoundError,
  ProfileStoreError,
  ProfileValidationError,
} from '../../../src-main/core/profiles/profile-errors';
import { chooseCipher } from '../../../src-main/core/vault/safe-storage-cipher';
import {
  ForeignEnvelopeError,
  MalformedEnvelopeError,
  PassphraseTooLongError,
  PassphraseTooShortError,
  TamperedEnvelopeError,
  VaultAlreadyInitialisedError,
  VaultHeaderError,
  VaultLockedError,
  VaultNotInitialisedError,
  WrongPassphraseError,
} from '../../../src-main/core/vault/vault-errors';

const explanation = {
  title: 't',
  whatHappened: 'w',
  retry: 'no' as const,
  charged: 'no' as const,
  nextSteps: [],
};
const target = { method: 'GET', path: '/v2/templates' };

const KEY = 'k-11111111-1111-4111-8111-111111111111-22222222-2222-4222-8222-222222222222';

/** The error a call is refused with, before anything is sent. */
async function refusal(call: () => unknown): Promise<CoreError> {
  try {
    await call();
  } catch (err) {
    if (err instanceof CoreError) return err;
  }
  throw new Error('the call was not refused');
}

/** A history load the user cancelled, as the pager refuses it. */
async function cancelledLoad(): Promise<CoreError> {
  const pager = new HistoryPager<{ id: string }>();
  const loading = pager.page(
    'p',
    {
      getNotifications: (_q, signal) =>
        new Promise((_resolve, reject) =>
          signal?.addEventListener('abort', () => reject(new Error('aborted'))),
        ),
    },
    {},
  );
  pager.cancel('p');
  return refusal(() => loading);
}

/** The OS keychain cipher the console chooses on macOS, over a keychain that refuses everything. */
async function refusingKeychain() {
  const { cipher } = await chooseCipher({
    platform: 'darwin',
    store: new MemoryStore(),
    safeStorage: {
      isEncryptionAvailable: () => true,
      encryptString: () => {
        throw new Error('the keychain is locked');
      },
      decryptString: () => {
        throw new Error('the keychain is locked');
      },
    },
  });
  expect(cipher.kind).toBe('os-keychain');
  return cipher;
}
const keychain = await refusingKeychain();
const cancelled = await cancelledLoad();
const keychainWontEncrypt = await refusal(() => keychain.encrypt('a key'));
const keychainWontDecrypt = await refusal(() => keychain.decrypt('nc1:os:AAAA'));

const CORE_ERRORS: CoreError[] = [
  new NotifyApiError(
    {
      status: 403,
      errors: [{ error: 'AuthError', message: 'm' }],
      app: null,
      explanation,
      skewSeconds: 41,
      ...target,
    },
    'Notify answered 403',
  ),
  new NotifyNetworkError({ kind: 'timeout', status: null, explanation, ...target }, 'timed out'),
  new UnknownOutcomeError(
    { reference: 'nc-1', reason: 'http-5xx', status: 502, explanation, ...target },
    'unknown',
  ),
  new FieldValidationError([{ field: 'url', message: 'Use https://' }]),
  new NotApplicableError('not here'),
  new BuiltInProfileError(),
  cancelled,
  new ProfileValidationError([{ field: 'name', message: 'Enter a name' }]),
  new ProfileImportError([{ field: '', message: 'not JSON' }]),
  new ProfileNotFoundError('p1'),
  new NoApiKeyError('Mine', null),
  new KeyBindingError('Mine'),
  new ProfileStoreError('profiles_unreadable', 'unreadable'),
  new ProfileStoreError('profiles_newer_version', 'newer'),
  new CoreError('not_passphrase_vault', 'keychain'),
  new CoreError('bad-key', 'not a key'),
  await refusal(() => new NotifyClient({ baseUrl: 'http://notify.example', apiKey: KEY })),
  await refusal(() =>
    new NotifyClient({ baseUrl: 'https://notify.example', apiKey: KEY }).getNotification('..'),
  ),
  keychainWontEncrypt,
  keychainWontDecrypt,
  new WrongPassphraseError(),
  new PassphraseTooShortError(3),
  new PassphraseTooLongError(),
  new VaultLockedError(),
  new VaultNotInitialisedError(),
  new VaultAlreadyInitialisedError(),
  new VaultHeaderError('bad'),
  new MalformedEnvelopeError('short'),
  new TamperedEnvelopeError(),
  new ForeignEnvelopeError(),
  new CoreError('envelope_tampered', 'A stored key failed… The passphrase was not changed', { id: 'p1' }),
];

describe('toRpcError', () => {
  it.each(CORE_ERRORS.map((e) => [e.name, e.code, e] as const))(
    'maps %s (%s) to the contract’s union',
    (_n, code, err) => {
      const mapped = toRpcError(err);
      expect(mapped).not.toBeNull();
      expect(rpcError.parse(mapped)).toEqual(mapped);
      expect(mapped).toMatchObject({ code, message: err.message });
    },
  );

  it('carries the typed details a code promises: skew for Notify, the reference for an unknown outcome', () => {
    expect(toRpcError(CORE_ERRORS[0])).toMatchObject({
      details: { status: 403, skewSeconds: 41, method: 'GET' },
    });
    expect(toRpcError(CORE_ERRORS[2])).toMatchObject({ details: { reference: 'nc-1', reason: 'http-5xx' } });
    expect(toRpcError(CORE_ERRORS[3])).toMatchObject({ details: { issues: [{ field: 'url' }] } });
  });

  it('says a cancelled load was cancelled, and which way the keychain refused', () => {
    expect(toRpcError(cancelled)).toEqual({ code: 'cancelled', message: 'Loading was cancelled.' });
    expect(toRpcError(keychainWontEncrypt)).toMatchObject({
      code: 'keychain_encrypt_failed',
      message: expect.stringMatching(/could not encrypt the key, so it was not saved/),
    });
    expect(toRpcError(keychainWontDecrypt)).toMatchObject({
      code: 'keychain_decrypt_failed',
      message: expect.stringMatching(/could not decrypt this key/),
    });
  });

  it('turns what the core did not mean, or a core error the contract does not know, into null', () => {
    expect(toRpcError(new Error('boom'))).toBeNull();
    expect(toRpcError('text')).toBeNull();
    expect(toRpcError(new CoreError('made_up_code', 'x'))).toBeNull();
  });

  it('is what the dispatcher answers; anything else is internal, without its text, and reported', async () => {
    const reported: unknown[] = [];
    const handlers = {
      'vault.lock': async () => {
        throw new VaultLockedError();
      },
      'app.status': async () => {
        throw new Error('secret internal detail');
      },
    } as unknown as HandlerTable;
    const endpoint = createEndpoint(handlers, new EventBus(), (_m, e) => reported.push(e));
    expect(await endpoint.call('vault.lock', {}, { transport: 'test' })).toEqual({
      ok: false,
      error: { code: 'vault_locked', message: new VaultLockedError().message },
    });
    const internal = await endpoint.call('app.status', {}, { transport: 'test' });
    expect(internal).toEqual({ ok: false, error: INTERNAL_ERROR });
    expect(JSON.stringify(internal)).not.toContain('secret internal detail');
    expect(reported).toHaveLength(1);
  });
});
