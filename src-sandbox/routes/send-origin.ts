/**
 * Who sent a notification: an API key, or the admin site (a one-off send or a CSV job) through the
 * control API. Every kind of send (templated, letter, precompiled) records it the same way, so GET's
 * `created_by_name` and `include_jobs` read one set of fields.
 */
import type { AuthContext } from '../auth';
import type { StoredNotification } from '../model';

/**
 * Who sent a notification that did not come through the API: a one-off send from the admin site
 * (`created_by_name` is the user's name) or a row of a CSV job (listed only with `include_jobs`).
 */
interface SendOrigin {
  createdByName: string | null;
  fromJob: boolean;
}

/** The authenticated caller of a send, with its admin-site origin when it has one. */
export type Sender = AuthContext & { origin?: SendOrigin };

/** Fields that record who sent a notification: the API key, or the admin-site origin. */
export function senderFields(
  auth: Sender,
): Pick<StoredNotification, 'apiKeyId' | 'createdByName' | 'fromJob'> {
  return {
    apiKeyId: auth.origin ? null : auth.key.id,
    createdByName: auth.origin?.createdByName ?? null,
    fromJob: auth.origin?.fromJob ?? false,
  };
}
