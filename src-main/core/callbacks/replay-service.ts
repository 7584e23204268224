/**
 * "Callback replay": fetch a notification and POST its delivery-status callback to the
 * developer's own endpoint (./replay.ts does the sending).
 */
import { buildCallbackPayload } from '../../../src-shared/callback-payload';
import { FieldValidationError } from '../errors';
import type { NotifyAccess } from '../notify/notify-access';
import type { ProfileDirectory } from '../profiles/profile-directory';
import { checkBearerToken, checkReplayUrl, replayCallback, type ReplayResult } from './replay';

export class CallbackReplayService {
  constructor(
    private readonly profiles: ProfileDirectory,
    private readonly notify: NotifyAccess,
  ) {}

  async replay(
    profileId: string,
    notificationId: string,
    url: string,
    bearerToken?: string,
  ): Promise<ReplayResult> {
    // Checked before anything is fetched or sent.
    const target = checkReplayUrl(url);
    if (!target.ok) throw new FieldValidationError([{ field: 'url', message: target.message }]);
    const tokenProblem = bearerToken === undefined ? null : checkBearerToken(bearerToken);
    if (tokenProblem) throw new FieldValidationError([{ field: 'bearerToken', message: tokenProblem }]);
    const n = await this.notify.withClient(profileId, (c) => c.getNotification(notificationId));
    return replayCallback({
      url: target.url,
      loopback: target.loopback,
      payload: buildCallbackPayload(n),
      bearerToken,
      // Loopback URLs go direct; others honour the profile's proxy, as its Notify requests do.
      proxy: target.loopback ? null : this.profiles.get(profileId).proxy,
    });
  }
}
