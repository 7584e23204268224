/**
 * Sending: one request to Notify, and the notification followed from there unless Notify will
 * never store it (a simulated recipient).
 */
import { isSimulatedSend } from '../../../src-shared/notify/simulated-recipient';
import type { SendResponse } from '../../../src-shared/notify/resources';
import type { SendRequest } from '../../contract/methods';
import type { Notification } from '../../../src-shared/notify/resources';
import type { HistoryPager } from '../history/history-pager';
import type { NotifyAccess } from '../notify/notify-access';
import type { StatusTracker } from '../tracking/status-tracker';
import { sendRequest } from './send-request';

interface SendResult {
  id: string;
  response: SendResponse;
  /** False when Notify will not store the notification, so there is nothing to follow. */
  tracked: boolean;
}

/** Whether Notify stores what this request sends (a simulated recipient's notification it does not). */
function stored(request: SendRequest): boolean {
  if (request.type === 'sms') return !isSimulatedSend('sms', request.phone_number);
  if (request.type === 'email') return !isSimulatedSend('email', request.email_address);
  return true;
}

export class SendingService {
  constructor(
    private readonly notify: NotifyAccess,
    private readonly tracker: StatusTracker<Notification>,
    private readonly pager: Pick<HistoryPager<Notification>, 'invalidate'>,
    private readonly now: () => number = Date.now,
  ) {}

  async send(profileId: string, request: SendRequest): Promise<SendResult> {
    const sentAt = new Date(this.now()).toISOString();
    const { response, notification } = await this.notify.withClient(profileId, (c) =>
      sendRequest(c, request, sentAt),
    );
    this.pager.invalidate(profileId);
    const tracked = stored(request);
    if (tracked) this.tracker.track(profileId, notification, 'response');
    return { id: response.id, response, tracked };
  }
}
