/** The statuses the inbox can force a notification to: Notify's own, without the list filters' aliases. */
import { STATUS_FILTER_VALUES } from '../../../src-shared/statuses';

export const FORCE_STATUSES: readonly string[] = STATUS_FILTER_VALUES.filter(
  (s) => s !== 'accepted' && s !== 'received' && s !== 'failed',
);
