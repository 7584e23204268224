/**
 * Callback replay: the endpoint form (URL and bearer token, kept for this session in memory only,
 * never in preferences) and a delivery log of replays, newest first.
 *
 * Log entries never hold the token: Resend uses the entry's URL and the token in the form now.
 */
import type { CallbackReplayResult } from '../../../src-main/contract/methods';
import type { RpcError } from '../../../src-main/contract/result';
import type { SliceCreator } from '../types';

/** One replay the console made. */
export interface ReplayLogEntry {
  /** Local id, for keys and Resend. */
  id: string;
  profileId: string;
  notificationId: string;
  url: string;
  /** Whether a bearer token was sent (never the token itself). */
  withToken: boolean;
  result: CallbackReplayResult;
}

interface ReplayState {
  url: string;
  /** Memory only, for this session. */
  token: string;
  /** The notification a replay is being sent for, or null. */
  sendingFor: string | null;
  /** The last failed call (a URL the core refused, or a notification it could not fetch). */
  error: RpcError | null;
  log: ReplayLogEntry[];
}

export interface ReplaySlice {
  replay: ReplayState;
  setReplayUrl(url: string): void;
  setReplayToken(token: string): void;
  /** Replays the notification's callback to the form's URL, with the form's token. */
  sendReplay(profileId: string, notificationId: string): Promise<void>;
  /** Sends a logged replay again: same URL, the form's current token. */
  resendReplay(entryId: string): Promise<void>;
}

/** How many replays the log keeps. */
const REPLAY_LOG_LIMIT = 100;

export const createReplaySlice: SliceCreator<ReplaySlice> = (set, get, { api }) => {
  let counter = 0;
  const patch = (p: Partial<ReplayState>) => set({ replay: { ...get().replay, ...p } });

  const send = async (profileId: string, notificationId: string, rawUrl: string): Promise<void> => {
    const url = rawUrl.trim();
    if (url === '') {
      const message = 'Enter the URL of your callback endpoint, like http://localhost:3000/callback.';
      patch({ error: { code: 'validation', message, details: { issues: [{ field: 'url', message }] } } });
      return;
    }
    const token = get().replay.token.trim();
    patch({ sendingFor: notificationId, error: null });
    const r = await api.call('callbacks.replay', {
      profileId,
      notificationId,
      url,
      ...(token ? { bearerToken: token } : {}),
    });
    if (!r.ok) {
      patch({ sendingFor: null, error: r.error });
      return;
    }
    const entry: ReplayLogEntry = {
      id: `replay-${++counter}`,
      profileId,
      notificationId,
      url,
      withToken: token !== '',
      result: r.value,
    };
    patch({ sendingFor: null, log: [entry, ...get().replay.log].slice(0, REPLAY_LOG_LIMIT) });
  };

  return {
    replay: { url: '', token: '', sendingFor: null, error: null, log: [] },
    setReplayUrl: (url) => patch({ url, error: null }),
    setReplayToken: (token) => patch({ token }),
    sendReplay: (profileId, notificationId) => send(profileId, notificationId, get().replay.url),
    async resendReplay(entryId) {
      const entry = get().replay.log.find((e) => e.id === entryId);
      if (entry) await send(entry.profileId, entry.notificationId, entry.url);
    },
  };
};
