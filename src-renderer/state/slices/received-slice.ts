/**
 * Received text messages per profile, newest first, paged with `older_than`.
 */
import type { MethodOutput } from '../../../src-main/contract/methods';
import type { RpcError } from '../../../src-main/contract/result';
import type { LoadStatus } from '../loadable';
import type { SliceCreator } from '../types';

type ReceivedText = MethodOutput<'receivedTexts.list'>['messages'][number];

interface ReceivedState {
  messages: ReceivedText[];
  nextOlderThan: string | null;
  status: LoadStatus;
  loadingMore: boolean;
  error: RpcError | null;
}

export interface ReceivedSlice {
  received: Record<string, ReceivedState>;
  loadReceived(profileId: string): Promise<void>;
  loadMoreReceived(profileId: string): Promise<void>;
}

export const emptyReceived: ReceivedState = {
  messages: [],
  nextOlderThan: null,
  status: 'idle',
  loadingMore: false,
  error: null,
};

/** Adds a page of messages (first page replaces, later pages append without repeats). */
function applyReceivedPage(
  state: ReceivedState,
  page: MethodOutput<'receivedTexts.list'>,
  append: boolean,
): ReceivedState {
  const seen = new Set(append ? state.messages.map((m) => m.id) : []);
  const messages = append
    ? state.messages.concat(page.messages.filter((m) => !seen.has(m.id)))
    : page.messages;
  return { messages, nextOlderThan: page.nextOlderThan, status: 'ready', loadingMore: false, error: null };
}

export const createReceivedSlice: SliceCreator<ReceivedSlice> = (set, get, { api }) => {
  const put = (profileId: string, state: ReceivedState): void =>
    set({ received: { ...get().received, [profileId]: state } });
  const current = (profileId: string): ReceivedState => get().received[profileId] ?? emptyReceived;
  return {
    received: {},
    async loadReceived(profileId) {
      put(profileId, { ...current(profileId), status: 'loading', error: null });
      const result = await api.call('receivedTexts.list', { profileId });
      put(
        profileId,
        result.ok
          ? applyReceivedPage(current(profileId), result.value, false)
          : { ...current(profileId), status: 'error', error: result.error },
      );
    },
    async loadMoreReceived(profileId) {
      const state = current(profileId);
      if (!state.nextOlderThan || state.loadingMore) return;
      put(profileId, { ...state, loadingMore: true, error: null });
      const result = await api.call('receivedTexts.list', { profileId, olderThan: state.nextOlderThan });
      put(
        profileId,
        result.ok
          ? applyReceivedPage(current(profileId), result.value, true)
          : { ...current(profileId), loadingMore: false, error: result.error },
      );
    },
  };
};
