/**
 * What each notification status means, per channel, in the words of Notify's status guidance.
 *
 * The same status name means different things per channel (a text's `permanent-failure` is a wrong
 * number and is charged; a letter's is a print failure), and letters show internal statuses under
 * other names (`accepted`, `received`). Texts follow Notify's published status descriptions
 * (notifications-tech-docs, notification statuses) so users read what Notify's own site says;
 * reference §7.
 */
import type { Explanation } from './explanation';

type Channel = 'sms' | 'email' | 'letter';

function x(
  title: string,
  whatHappened: string,
  retry: Explanation['retry'],
  charged: Explanation['charged'],
  nextSteps: string[],
): Explanation {
  return { title, whatHappened, retry, charged, nextSteps };
}

const QUEUED =
  'GOV.UK Notify has placed the message in a queue, ready to be sent to the provider. It should only remain in this state for a few seconds.';
const WITH_PROVIDER =
  'GOV.UK Notify has sent the message to the provider. The provider will try to deliver the message to the recipient for up to 72 hours. GOV.UK Notify is waiting for delivery information.';
const WAIT = ['Nothing to do yet: the status will change on its own.'];

const SMS: Record<string, Explanation> = {
  created: x('Queued', QUEUED, 'no', 'not-applicable', WAIT),
  sending: x('Sending', WITH_PROVIDER, 'no', 'not-applicable', WAIT),
  pending: x(
    'Pending',
    'GOV.UK Notify is waiting for more delivery information. GOV.UK Notify received a callback from the provider but the recipient’s device has not yet responded. Another callback from the provider determines the final status of the text message.',
    'no',
    'not-applicable',
    WAIT,
  ),
  sent: x(
    'Sent to an international number',
    'The message was sent to an international number. The mobile networks in some countries do not provide any more delivery information, so this is the final status.',
    'no',
    'yes',
    ['Nothing to do: no more delivery information will come for this message.'],
  ),
  delivered: x(
    'Delivered',
    'The message was successfully delivered. If a recipient blocks your sender name or mobile number, your message will still show as delivered.',
    'no',
    'yes',
    ['Nothing to do.'],
  ),
  'permanent-failure': x(
    'Not delivered',
    'The provider could not deliver the message because the phone number was wrong, or the network operator rejected the message. You’ll still be charged for text messages that cannot be delivered.',
    'after-fixing',
    'yes',
    [
      'If you’re sure the phone number is correct, contact GOV.UK Notify support.',
      'If not, remove it from your database, and do not send to it again until it is corrected.',
    ],
  ),
  'temporary-failure': x(
    'Phone not accepting messages right now',
    'The provider could not deliver the message. This can happen when the recipient’s phone is off, has no signal, or their text message inbox is full. You’ll still be charged for text messages to phones that are not accepting messages.',
    'later',
    'yes',
    ['You can try to send the message again later.'],
  ),
  'technical-failure': x(
    'Technical failure',
    'Your message was not sent because there was a problem between Notify and the provider. You will not be charged for text messages that are affected by a technical failure.',
    'yes',
    'no',
    ['You’ll have to send the message again.'],
  ),
};

const EMAIL: Record<string, Explanation> = {
  created: x('Queued', QUEUED, 'no', 'no', WAIT),
  sending: x('Sending', WITH_PROVIDER, 'no', 'no', WAIT),
  delivered: x(
    'Delivered',
    'The message was successfully delivered to the recipient’s email server. Notify cannot tell whether it was opened or read, or whether it went to a spam folder.',
    'no',
    'no',
    ['Nothing to do.'],
  ),
  'permanent-failure': x(
    'Email address does not exist',
    'The provider could not deliver the message because the email address was wrong. Emails are free, so nothing is charged.',
    'after-fixing',
    'no',
    ['Remove this email address from your database, or correct it before you send to it again.'],
  ),
  'temporary-failure': x(
    'Inbox not accepting messages right now',
    'The provider could not deliver the message. This can happen when the recipient’s inbox is full or their anti-spam filter rejects your email. Emails still sending after 72 hours also end here.',
    'later',
    'no',
    ['Check your content does not look like spam before you try to send the message again.'],
  ),
  'technical-failure': x(
    'Technical failure',
    'Your message was not sent because there was a problem between Notify and the provider.',
    'yes',
    'no',
    ['You’ll have to send the message again.'],
  ),
};

const ACCEPTED = x(
  'Accepted',
  'GOV.UK Notify has sent the letter to the provider to be printed.',
  'no',
  'yes',
  ['Nothing to do: letters are printed on the next working day and then posted.'],
);
const RECEIVED = x('Received', 'The provider has printed and dispatched the letter.', 'no', 'yes', [
  'Nothing to do: the estimated delivery date is in the notification.',
]);

const LETTER: Record<string, Explanation> = {
  accepted: ACCEPTED,
  created: ACCEPTED,
  sending: ACCEPTED,
  received: RECEIVED,
  delivered: RECEIVED,
  'returned-letter': x(
    'Returned letter',
    'The letter was printed and posted, but Royal Mail returned it as undeliverable (the API still shows it as received).',
    'after-fixing',
    'yes',
    ['Check the address with the recipient before posting again.'],
  ),
  cancelled: x('Cancelled', 'Sending cancelled. The letter will not be printed or dispatched.', 'no', 'no', [
    'Send it again if it was cancelled by mistake.',
  ]),
  'technical-failure': x(
    'Technical failure',
    'GOV.UK Notify had an unexpected error while sending the letter to the printing provider. You will not be charged. Do not try to send the letter again: Notify may still print it, and sending again could post it twice.',
    'no',
    'no',
    ['Contact GOV.UK Notify support with the notification ID before you do anything else.'],
  ),
  'permanent-failure': x(
    'Permanent failure',
    'The provider cannot print the letter. Your letter will not be dispatched.',
    'after-fixing',
    'yes',
    [
      'Check the letter’s content and address, then contact GOV.UK Notify support if you cannot see the problem.',
    ],
  ),
  'pending-virus-check': x(
    'Pending virus check',
    'GOV.UK Notify has not completed a virus scan of the precompiled letter file.',
    'no',
    'not-applicable',
    WAIT,
  ),
  'virus-scan-failed': x(
    'Virus detected',
    'GOV.UK Notify found a potential virus in the precompiled letter file. The letter will not be printed.',
    'after-fixing',
    'no',
    ['Scan the file, make a clean copy (for example by printing it to a new PDF), and send that.'],
  ),
  'validation-failed': x(
    'Validation failed',
    'Content in the precompiled letter file is outside the printable area, or the file is not an A4 PDF of at most 10 pages. The letter will not be printed.',
    'after-fixing',
    'no',
    [
      'Fix the PDF using Notify’s letter specification (margins, address block, page size and count), then send it again.',
    ],
  ),
};

/** The deprecated `failed` filter value and anything else Notify may add later. */
function generic(type: Channel, status: string): Explanation {
  if (status === 'failed') {
    return x(
      'Failed',
      'An old status name that covers every kind of failure. Look at the notification’s current status for the details.',
      'no',
      'not-applicable',
      ['Open the notification to see its exact status.'],
    );
  }
  return x(
    status,
    `Notify reports the status “${status}” for this ${type === 'sms' ? 'text message' : type}, which the console does not know.`,
    'no',
    'not-applicable',
    ['Check Notify’s documentation on message statuses.'],
  );
}

const BY_CHANNEL: Record<Channel, Record<string, Explanation>> = { sms: SMS, email: EMAIL, letter: LETTER };

/** See {@link explainStatus} in explain.ts. */
export function explainNotificationStatus(type: Channel, status: string): Explanation {
  const known = Object.hasOwn(BY_CHANNEL[type], status) ? BY_CHANNEL[type][status] : undefined;
  // A copy, so a caller that edits an explanation cannot change the table.
  return known ? { ...known, nextSteps: [...known.nextSteps] } : generic(type, status);
}
