/**
 * The catalogue of Notify's error messages and what to tell the user about each.
 *
 * One entry per message (or message template) in docs/notify-api-reference.md: the auth table
 * (§2.2), the routing envelopes (§1), the v2 catalogue (§6) with its jsonschema templates, the PDF
 * endpoint (§4.7), letter addresses (§10.3), files by email (§11), the wordings the published docs
 * use where they differ from the code (§15), and the quick start's troubleshooting. Order matters:
 * specific entries come before the generic jsonschema patterns that would also match them.
 */
import type { ChargedAdvice, Explanation, RetryAdvice } from './explanation';

/** What explaining one error can use. */
export type ErrorFacts = {
  status: number | null;
  errorClass: string | null;
  message: string;
  skewSeconds: number | null;
};

/** One catalogue entry: a message pattern and how to explain it. */
interface ErrorEntry {
  /** Names the entry for readers of the catalogue (a stable label, not shown to users). */
  id: string;
  pattern: RegExp;
  explain(match: RegExpExecArray, facts: ErrorFacts): Explanation;
}

const NOT_SENT = 'Notify refused the request, so nothing was sent and nothing is charged.';

function x(
  title: string,
  whatHappened: string,
  retry: RetryAdvice,
  charged: ChargedAdvice,
  nextSteps: string[],
): Explanation {
  return { title, whatHappened, retry, charged, nextSteps };
}

/** A fix-the-request explanation: the common case for a 400. */
function fix(title: string, whatHappened: string, nextSteps: string[]): Explanation {
  return x(title, `${whatHappened} ${NOT_SENT}`, 'after-fixing', 'no', nextSteps);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function exact(id: string, message: string, explain: ErrorEntry['explain']): ErrorEntry {
  return { id, pattern: new RegExp(`^${escapeRegExp(message)}$`), explain };
}

function pattern(id: string, re: RegExp, explain: ErrorEntry['explain']): ErrorEntry {
  return { id, pattern: re, explain };
}

/** Describes measured clock skew for the clock error, the one message that depends on it. */
export function skewSentence(skewSeconds: number | null): string {
  if (skewSeconds === null || !Number.isFinite(skewSeconds)) {
    return 'The console could not measure the difference, because Notify’s answer had no usable Date header.';
  }
  const abs = Math.abs(Math.round(skewSeconds));
  if (abs <= 2) {
    return (
      'The console measured no real difference between this computer’s clock and Notify’s (under 2 seconds), ' +
      'so the token was probably delayed on its way: a slow proxy, a request that waited in a queue, or a clock that jumped while the request was being made.'
    );
  }
  const direction = skewSeconds > 0 ? 'behind' : 'ahead of';
  const measured = `This computer’s clock is about ${abs} seconds ${direction} Notify’s (measured from the Date header of Notify’s answer).`;
  return abs > 30
    ? measured
    : `${measured} That is within the 30 seconds Notify allows, so the token was probably also delayed on its way (a slow proxy or a queued request).`;
}

const UUID_EXAMPLE = '740e5834-3a29-46b4-9a6f-16142fde533a';
const KEY_STEPS = [
  'Copy the API key again from where you saved it when Notify showed it, and paste the whole key into the profile.',
  'Check the profile’s base URL is the Notify the key was created on (a sandbox key does not work on the real Notify, and the other way round).',
];

const PHONE_FORMAT =
  'Use a UK mobile number such as 07700 900123 or +44 7700 900123, or an international number starting with + and the country code.';

// ---------------------------------------------------------------------------------------------
// §2.2 authentication
// ---------------------------------------------------------------------------------------------
const AUTH: ErrorEntry[] = [
  exact('auth-no-token', 'Unauthorized: authentication token must be provided', () =>
    fix(
      'No API key was sent',
      'Notify received the request without an Authorization header, so it could not tell which service was calling.',
      [
        'Check the profile has an API key.',
        'If a proxy or gateway sits between you and Notify, make sure it passes the Authorization header through.',
      ],
    ),
  ),
  exact('auth-no-bearer', 'Unauthorized: authentication bearer scheme must be used', () =>
    fix(
      'The Authorization header is not a Bearer token',
      'Notify expects “Authorization: Bearer ” followed by a JWT, and the header it received had another form.',
      [
        'If you call Notify from your own code, send “Authorization: Bearer <token>”.',
        'Check that no proxy rewrites the Authorization header.',
      ],
    ),
  ),
  exact(
    'auth-invalid-token',
    'Invalid token: make sure your API token matches the example at https://docs.notifications.service.gov.uk/rest-api.html#authorisation-header',
    () =>
      fix(
        'Notify could not read the token',
        'The bearer token is not a valid JWT, or it carries a claim Notify does not accept (such as aud, or an exp in the past).',
        [
          'Make tokens with only two claims, iss (the service ID) and iat (the current time in seconds), signed with HS256 using the secret: the last 36 characters of the API key.',
          'Compare your token with the example at https://docs.notifications.service.gov.uk/rest-api.html#authorisation-header.',
        ],
      ),
  ),
  exact('auth-no-iss', 'Invalid token: iss field not provided', () =>
    fix(
      'The token does not say which service it is from',
      'The token has no iss claim. Notify reads the service ID from it.',
      ['Put the service ID (the 36 characters before the secret in the API key) in the iss claim.'],
    ),
  ),
  exact('auth-bad-iss', 'Invalid token: service id is not the right data type', () =>
    fix(
      'The service ID in the token is not a UUID',
      'The iss claim must be the service ID, a UUID. The key was probably cut short, or has extra characters, so the part read as the service ID is something else.',
      [
        'Paste the whole API key again: the service ID is the 36 characters just before the secret, counted from the end of the key.',
      ],
    ),
  ),
  exact('auth-service-not-found', 'Invalid token: service not found', () =>
    fix(
      'Notify does not know this service',
      'No service on this Notify has the service ID in the key. The key may belong to another Notify environment, or the service was deleted.',
      KEY_STEPS,
    ),
  ),
  exact('auth-no-keys', 'Invalid token: service has no API keys', () =>
    fix(
      'The service has no usable API keys',
      'Every key of this service was revoked more than 7 days ago, or it never had one.',
      ['Create a new API key in Notify (API integration, then API keys) and put it in this profile.'],
    ),
  ),
  exact('auth-service-archived', 'Invalid token: service is archived', () =>
    x(
      'The service has been archived',
      `Notify refuses every request from a service that has been archived (deleted). ${NOT_SENT}`,
      'no',
      'no',
      [
        'Ask your team whether the service was archived on purpose.',
        'Use a key from a service that is still active.',
      ],
    ),
  ),
  pattern('auth-clock', /^Error: Your system clock must be accurate to within 30 seconds$/, (_m, f) =>
    fix(
      'This computer’s clock and Notify’s disagree',
      `Every request carries a token stamped with the time it was made (iat). Notify rejects tokens more than 30 seconds old or more than 30 seconds in the future. ${skewSentence(f.skewSeconds)}`,
      [
        'Turn on automatic time synchronisation (NTP) on this computer, or correct its clock and time zone.',
        'On a virtual machine or container, sync the host’s clock too.',
        'Then test the connection again.',
      ],
    ),
  ),
  exact('auth-algorithm', 'Invalid token: algorithm used is not HS256', () =>
    fix(
      'The token is not signed with HS256',
      'Notify only accepts tokens signed with HMAC SHA-256 (alg HS256).',
      ['Sign the token with HS256, using the secret (the last 36 characters of the API key) as the key.'],
    ),
  ),
  exact('auth-key-revoked', 'Invalid token: API key revoked', () =>
    fix(
      'This API key has been revoked',
      'The key is right, but someone revoked it in Notify within the last 7 days.',
      [
        'Create a new API key in Notify (API integration, then API keys).',
        'Update this profile with the new key.',
      ],
    ),
  ),
  exact('auth-key-not-found', 'Invalid token: API key not found', () =>
    fix(
      'Notify did not recognise this API key',
      'The token was signed with a secret that matches none of the service’s keys: the secret part of the key is wrong (cut short, changed case, extra characters), or the key was revoked more than 7 days ago.',
      [
        'Verify the API key is correct and has not been revoked: copy it again from where you saved it.',
        'Check the service is active (not archived).',
        'Check the token’s iss claim is the service ID from the same key.',
      ],
    ),
  ),
];

// ---------------------------------------------------------------------------------------------
// §1 routing envelopes and the catch-all
// ---------------------------------------------------------------------------------------------
const ROUTING: ErrorEntry[] = [
  exact('invalid-json', 'Invalid JSON supplied in POST data', () =>
    fix('The request body is not valid JSON', 'Notify could not parse the body of the request as JSON.', [
      'Send the body as a JSON object, for example {"phone_number": "07700900123", "template_id": "…"}.',
    ]),
  ),
  exact(
    'url-not-found',
    'The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.',
    () =>
      fix(
        'That address is not part of the Notify API',
        'The server answered that no such URL exists. The base URL may have an extra path, or the notification type in the URL is not sms, email or letter.',
        [
          'Set the base URL to the server only, for example https://api.notifications.service.gov.uk, with no path after it.',
          'Check the endpoint path against the API documentation.',
        ],
      ),
  ),
  exact('method-not-allowed', 'The method is not allowed for the requested URL.', () =>
    fix(
      'Wrong HTTP method for this address',
      'The address exists, but not for this method (for example GET instead of POST).',
      ['Use the method the API documentation gives for this endpoint.'],
    ),
  ),
  exact('internal-server-error', 'Internal server error', (_m, f) =>
    x(
      'Notify had an internal error',
      'Something unexpected went wrong inside Notify while it handled the request.' +
        (f.errorClass === 'TypeError'
          ? ' One known cause is a personalisation value that is not text for a key listed in sanitise_content_for (alphagov/notifications-api #4971).'
          : ''),
      'later',
      'not-applicable',
      [
        'If this was a send, look the notification up by its reference before sending again: it may have been created.',
        'Try again in a few minutes. If it keeps happening, check https://status.notifications.service.gov.uk and contact Notify support.',
      ],
    ),
  ),
  exact('timeout-serving', 'Timeout serving request', () =>
    x(
      'Notify timed out handling the request',
      'Notify took too long to handle the request and gave up. The work may or may not have been done.',
      'later',
      'not-applicable',
      [
        'If this was a send, look the notification up by its reference before sending again.',
        'Try again in a few minutes.',
      ],
    ),
  ),
  exact('unsubscribe-invalid', 'This is not a valid unsubscribe link.', () =>
    fix(
      'Not a valid unsubscribe link',
      'The token in the unsubscribe link does not match the notification.',
      ['Use the link exactly as it appeared in the email’s List-Unsubscribe header.'],
    ),
  ),
  exact('unsubscribe-expired', 'This unsubscribe link is invalid or expired.', () =>
    fix('The unsubscribe link has expired', 'Notify no longer has the notification this link was made for.', [
      'Nothing more to do: the notification is past its retention period.',
    ]),
  ),
];

// ---------------------------------------------------------------------------------------------
// §6 specific messages (before the generic jsonschema templates)
// ---------------------------------------------------------------------------------------------
const PHONE: ErrorEntry[] = [
  pattern('phone-letters-or-symbols', /^(?:phone_number )?Must not contain letters or symbols$/, () =>
    fix(
      'The phone number has letters or symbols',
      'Phone numbers may only contain digits, spaces, brackets, - and +.',
      [PHONE_FORMAT],
    ),
  ),
  pattern('phone-not-enough-digits', /^(?:phone_number )?Not enough digits$/, () =>
    fix(
      'The phone number is too short',
      'The phone number has too few digits to be a real number (or it is empty).',
      [PHONE_FORMAT],
    ),
  ),
  pattern('phone-too-many-digits', /^(?:phone_number )?Too many digits$/, () =>
    fix('The phone number is too long', 'The phone number has more digits than a real number.', [
      PHONE_FORMAT,
    ]),
  ),
  pattern('phone-country-prefix', /^(?:phone_number )?Not a valid country prefix$/, () =>
    fix(
      'Notify does not send to that country code',
      'The number starts with a country code Notify has no rate for, or the + and country code are wrong.',
      ['Check the country code. Notify lists the countries it can send to on its pricing page.'],
    ),
  ),
  pattern(
    'phone-invalid',
    /^(?:phone_number )?Number is not valid [–-] double check the phone number you entered$/,
    () =>
      fix(
        'The phone number is not valid',
        'The number has the right shape but is not a number that can exist.',
        ['Double check the phone number you entered.', PHONE_FORMAT],
      ),
  ),
  pattern('phone-not-uk-mobile', /^(?:phone_number )?Not a UK mobile number$/, () =>
    fix(
      'Not a UK mobile number',
      'The number is a UK landline (or another kind of number that is not a mobile), and the service is not set up to text landlines.',
      [
        'Use a mobile number.',
        'To text landlines, turn on “Send text messages to landlines” in the service’s settings in Notify.',
      ],
    ),
  ),
  exact('phone-international', 'Cannot send to international mobile numbers', () =>
    fix(
      'The service cannot text international numbers',
      'The number is outside the UK, and the service does not have permission to send international text messages.',
      [
        'Turn on “Send text messages to international phone numbers” in the service’s settings in Notify.',
        'Or use a UK mobile number.',
      ],
    ),
  ),
];

const EMAIL: ErrorEntry[] = [
  pattern('email-invalid', /^(?:email_address )?Not a valid email address$/, () =>
    fix(
      'The email address is not valid',
      'Notify could not accept the email address: it has no @, a character Notify does not allow, two dots in a row, or a domain that cannot exist.',
      ['Check the address for typos, spaces inside it and brackets.'],
    ),
  ),
  exact('unsubscribe-url', 'one_click_unsubscribe_url is not a valid https url', () =>
    fix(
      'The unsubscribe URL is not an https link',
      'one_click_unsubscribe_url must be a full URL starting with https://.',
      ['Send a URL like https://example.gov.uk/unsubscribe?id=123, or leave the field out.'],
    ),
  ),
];

const SCHEDULED: ErrorEntry[] = [
  pattern('scheduled-format', /^scheduled_for datetime format is invalid\./, () =>
    fix(
      'scheduled_for is not a date and time',
      'scheduled_for must be an ISO 8601 date and time. Notify validates it, then ignores it: it never schedules notifications.',
      ['Leave scheduled_for out.'],
    ),
  ),
  exact('scheduled-past', 'scheduled_for datetime can not be in the past', () =>
    fix(
      'scheduled_for is in the past',
      'Notify validates scheduled_for, then ignores it: it never schedules notifications.',
      ['Leave scheduled_for out.'],
    ),
  ),
  exact('scheduled-too-far', 'scheduled_for datetime can only be 24 hours in the future', () =>
    fix(
      'scheduled_for is more than 24 hours ahead',
      'Notify validates scheduled_for, then ignores it: it never schedules notifications.',
      ['Leave scheduled_for out.'],
    ),
  ),
];

const ADDRESS: ErrorEntry[] = [
  exact('address-too-few-lines', 'Address must be at least 3 lines', () =>
    fix(
      'The address is too short',
      'A letter address needs at least 3 lines, with the postcode (or country) last.',
      [
        'Put the address in personalisation as address_line_1, address_line_2 and so on (snake_case), with at least 3 non-empty lines.',
      ],
    ),
  ),
  exact('address-too-many-lines', 'Address must be no more than 7 lines', () =>
    fix('The address is too long', 'A letter address may have at most 7 lines.', [
      'Combine lines so the address fits in address_line_1 to address_line_7.',
    ]),
  ),
  pattern(
    'address-first-lines',
    /^The first 2 lines of the address must (?:both include at least one alphanumeric character|include alphanumeric characters)$/,
    () =>
      fix(
        'The first two address lines are empty of letters',
        'address_line_1 and address_line_2 must each contain a letter or a digit.',
        ['Fill in the first two lines with real address text.'],
      ),
  ),
  exact('address-bfpo-country', 'The last line of a BFPO address must not be a country.', () =>
    fix(
      'A BFPO address ends with a country',
      'British Forces addresses end with the BFPO number or postcode, never a country.',
      ['Remove the country line from the BFPO address.'],
    ),
  ),
  exact(
    'address-postcode-or-country',
    'Last line of address must be a real UK postcode or another country',
    () =>
      fix(
        'The last address line is not a postcode or a country',
        'The last line must be a real UK postcode, or a country name for post abroad.',
        ['Put the postcode (or the country) on the last line, on its own.'],
      ),
  ),
  exact('address-postcode', 'Must be a real UK postcode', () =>
    fix(
      'The last address line is not a UK postcode',
      'The last line must be a real UK postcode. This service cannot send letters abroad.',
      [
        'Put the postcode on the last line, on its own.',
        'To post abroad, ask Notify to turn on international letters for the service.',
      ],
    ),
  ),
  pattern(
    'address-start-characters',
    /^Address lines must not start with any of the following characters: /,
    () =>
      fix(
        'An address line starts with a symbol',
        'Address lines must not start with @ ( ) = [ ] " \\ / , < > or ~, because printers treat them specially.',
        ['Remove the symbol from the start of the line.'],
      ),
  ),
  exact('address-real', 'Must be a real address', () =>
    fix(
      'The address is not a real address',
      'Notify does not post letters to “no fixed abode” or “NFA” addresses.',
      ['Use a real postal address.'],
    ),
  ),
];

const TEMPLATE: ErrorEntry[] = [
  exact('template-not-found', 'Template not found', () =>
    fix('Template not found', 'No template with this ID belongs to the service the API key is for.', [
      'Copy the template ID from the template’s page in Notify.',
      'Check the key belongs to the same service as the template.',
    ]),
  ),
  pattern(
    'template-wrong-type',
    /^(sms|email|letter) template is not suitable for (sms|email|letter) notification$/,
    (m) =>
      fix(
        'Wrong kind of template',
        `This is ${article(channelName(m[1] ?? ''))} template, but the request sends ${article(channelName(m[2] ?? ''))}.`,
        [
          `Use ${article(channelName(m[2] ?? ''))} template, or send through the endpoint for ${channelName(m[1] ?? '')}s.`,
        ],
      ),
  ),
  exact('template-deleted', 'Template has been deleted', () =>
    fix(
      'The template has been deleted',
      'The template was archived in Notify, so it cannot be used to send.',
      ['Use another template, or ask your team to restore it.'],
    ),
  ),
  pattern('missing-personalisation', /^Missing personalisation: (.+)$/, (m) =>
    fix(
      'Personalisation is missing',
      `The template has placeholders that the request did not fill: ${m[1] ?? ''}. A value of null counts as missing; an empty string does not.`,
      [
        'Add each missing name to personalisation. Names match ignoring case, spaces, hyphens and underscores.',
      ],
    ),
  ),
  exact('message-empty', 'Your message is empty.', () =>
    fix('The message would be empty', 'After filling in the placeholders there is no text left to send.', [
      'Give the placeholders some text, or use a template with fixed content.',
    ]),
  ),
  exact('file-only-email', 'Can only send a file by email', () =>
    fix(
      'Files can only be sent by email',
      'The personalisation has a file object, but this is not an email.',
      ['Send the file with an email template, or remove the file from personalisation.'],
    ),
  ),
  pattern('service-not-allowed', /^Service is not allowed to send (text messages|emails|letters)$/, (m) =>
    fix(
      'The service cannot send this kind of message',
      `The service does not have permission to send ${m[1] ?? ''}.`,
      [`Turn on sending ${m[1] ?? ''} in the service’s settings in Notify.`],
    ),
  ),
  exact('qr-code-too-long', 'Cannot create a usable QR code - the link is too long', () =>
    fix('The QR code’s link is too long', 'A letter QR code can hold at most 504 bytes of data.', [
      'Shorten the link in the qr: line (a URL shortener on your own domain works).',
    ]),
  ),
];

const RECIPIENTS: ErrorEntry[] = [
  pattern('team-key-recipient', /^Can(?:’|'|no)t send to this recipient using a team-only API key\.?$/, () =>
    fix(
      'A team key can only send to your team',
      'Team and guest list keys can only send to team members and the guest list, and this recipient is neither.',
      [
        'Use a test key to try any recipient without sending for real, or a live key to send.',
        'Or add the recipient to the guest list in Notify (Team members, then Guest list).',
      ],
    ),
  ),
  pattern(
    'trial-mode-recipient',
    /^Can(?:’|'|no)t send to this recipient when service is in trial mode/,
    () =>
      fix(
        'Trial services can only send to your team',
        'The service is in trial mode, so it can only send to team members and the guest list.',
        [
          'Use a test key to try any recipient without sending for real.',
          'Add the recipient to the guest list, or make the service live: https://www.notifications.service.gov.uk/trial-mode.',
        ],
      ),
  ),
  pattern('sender-not-found', /^(\w+) (\S+) does not exist in database for service id (\S+)$/, (m) =>
    fix(
      'That sender does not exist',
      `The ${m[1] ?? 'sender'} ${m[2] ?? ''} is not one of this service’s senders, or it has been archived.`,
      [
        m[1] === 'email_reply_to_id'
          ? 'Copy a reply-to address ID from the service’s settings in Notify, or leave email_reply_to_id out to use the default.'
          : m[1] === 'sms_sender_id'
            ? 'Copy a text message sender ID from the service’s settings in Notify, or leave sms_sender_id out to use the default.'
            : 'Copy the ID from the service’s settings in Notify, or leave it out to use the default.',
      ],
    ),
  ),
  pattern(
    'sms-too-long',
    /^Your message is too long\. Text messages cannot be longer than (\d+) characters\. Your message is (\d+) characters long\.$/,
    (m) =>
      fix(
        'The text message is too long',
        `Texts can be at most ${m[1] ?? '918'} characters; this one is ${m[2] ?? 'more'}.`,
        ['Shorten the template or the personalisation values.'],
      ),
  ),
  pattern(
    'email-too-long',
    /^Your message is too long\. Emails cannot be longer than (\d+) bytes\. Your message is (\d+) bytes\.$/,
    (m) =>
      fix(
        'The email is too long',
        `Emails can be at most ${m[1] ?? '2000000'} bytes; this one is ${m[2] ?? 'more'}.`,
        ['Shorten the personalisation values, or send large content as a file.'],
      ),
  ),
];

const LETTERS: ErrorEntry[] = [
  exact('precompiled-base64', 'Cannot decode letter content (invalid base64 encoding)', () =>
    fix('The PDF is not valid base64', 'The content field must be the PDF file encoded as base64.', [
      'Encode the PDF’s bytes with base64 (standard alphabet, with padding).',
    ]),
  ),
  exact('precompiled-postage', 'postage invalid. It must be either first, second or economy.', () =>
    fix(
      'Postage is not first, second or economy',
      'A precompiled letter’s postage must be first, second or economy.',
      ['Set postage to first, second or economy, or leave it out for second class.'],
    ),
  ),
  exact('letters-team-key', 'Cannot send letters with a team api key', () =>
    fix('Team keys cannot send letters', 'Team and guest list API keys can never send letters.', [
      'Use a test key to try letters without printing them, or a live key to send them.',
    ]),
  ),
  pattern('letters-trial-mode', /^Cannot send letters when service is in trial mode/, () =>
    fix(
      'Trial services cannot send letters',
      'Services in trial mode cannot send letters, except with a test key (test letters are not printed).',
      [
        'Use a test key to try letters.',
        'Make the service live to send real letters: https://www.notifications.service.gov.uk/trial-mode.',
      ],
    ),
  ),
  exact('letter-not-valid-pdf', 'Letter content is not a valid PDF', () =>
    fix('The file is not a valid PDF', 'Notify could not read the precompiled letter as a PDF.', [
      'Check the file opens as a PDF, then encode its bytes with base64.',
    ]),
  ),
];

// ---------------------------------------------------------------------------------------------
// §4.7 the PDF endpoint
// ---------------------------------------------------------------------------------------------
const PDF: ErrorEntry[] = [
  exact('pdf-not-letter', 'Notification is not a letter', () =>
    x(
      'Only letters have a PDF',
      'This notification is a text message or an email, so there is no PDF to download.',
      'no',
      'not-applicable',
      ['Open the PDF of a letter notification instead.'],
    ),
  ),
  exact('pdf-technical-failure', 'PDF not available for letters in status technical-failure', () =>
    x(
      'No PDF for a letter that failed',
      'The letter ended in technical-failure before its PDF was made, so there is none to download.',
      'no',
      'not-applicable',
      ['Check the letter’s status explanation for what to do about the letter itself.'],
    ),
  ),
  exact('pdf-not-ready', 'PDF not available yet, try again later', () =>
    x(
      'The PDF is not ready yet',
      'Notify has not finished making (or virus-checking) the letter’s PDF.',
      'later',
      'not-applicable',
      ['Try again in a minute or two.'],
    ),
  ),
  exact('virus-scan-failed', 'File did not pass the virus scan', () =>
    x(
      'The file failed the virus scan',
      'Notify’s virus scanner flagged the file (a precompiled letter’s PDF, or a file sent by email), so Notify will not use it.',
      'after-fixing',
      'no',
      ['Scan the file yourself, make a clean copy (for example print it to a new PDF), and send that.'],
    ),
  ),
];

// ---------------------------------------------------------------------------------------------
// §11 files by email (before the generic jsonschema templates: some share their shape)
// ---------------------------------------------------------------------------------------------
const FILES: ErrorEntry[] = [
  pattern('file-extension', /`filename` must end with a file extension/, () =>
    fix(
      'The file name has no extension',
      'A file sent by email needs a filename ending in its type, such as report.pdf.',
      ['Add the extension to filename, for example filename.csv.'],
    ),
  ),
  pattern('file-name-too-long', /`filename` cannot be longer than 100 characters/, () =>
    fix('The file name is too long', 'A file’s filename can be at most 100 characters.', [
      'Shorten filename.',
    ]),
  ),
  pattern('file-retention', /^(?:retention_period )?Unsupported value for retention_period/, () =>
    fix(
      'retention_period is not supported',
      'retention_period must be a number of weeks from 1 to 78, such as “26 weeks”.',
      ['Set retention_period to something like “4 weeks”, or leave it out for 26 weeks.'],
    ),
  ),
  pattern(
    'file-confirm-email',
    /^(?:confirm_email_before_download )?Unsupported value for confirm_email_before_download/,
    () =>
      fix(
        'confirm_email_before_download must be true or false',
        'It must be a JSON boolean, not text such as "yes".',
        ['Send true, false, or null (which means true).'],
      ),
  ),
  pattern('file-is-csv', /^(?:is_csv )?Unsupported value for is_csv/, () =>
    fix('is_csv must be true or false', 'It must be a JSON boolean. is_csv is a legacy field.', [
      'Leave is_csv out and give a filename ending in .csv instead.',
    ]),
  ),
  exact('file-is-csv-and-filename', 'Do not set a value for `is_csv` if `filename` is set.', () =>
    fix(
      'is_csv and filename are both set',
      'Notify takes the file type from the filename, so is_csv must be left out.',
      ['Remove is_csv.'],
    ),
  ),
  pattern('file-not-string', /^file (.*) is not of type string$/, () =>
    fix(
      'The file is not base64 text',
      'The file field must be the file’s bytes encoded as a base64 string.',
      ['Encode the file with base64 and send the text.'],
    ),
  ),
  pattern('files-not-set-up', /^Send files by email has not been set up/, () =>
    fix(
      'Sending files by email is not set up',
      'The service needs contact details for recipients before it can send files by email.',
      ['Add contact details in the service’s settings in Notify (Send files by email).'],
    ),
  ),
  exact('file-too-big', 'Uploaded file exceeds file size limit', () =>
    fix('The file is too big', 'Files sent by email can be at most 2 MB.', [
      'Make the file smaller, or split it.',
    ]),
  ),
  pattern('file-too-big-client', /^File is larger than (\d+)MB\.?$/, (m) =>
    fix(
      'The file is too big',
      `The file is larger than ${m[1] ?? '2'} MB, the most Notify accepts for this.`,
      ['Make the file smaller, or split it.'],
    ),
  ),
  pattern('file-type', /^Unsupported file type '([^']*)'\. Supported types are: /, (m) =>
    fix(
      'Notify does not accept this type of file',
      `Files of type ${m[1] ?? 'this type'} cannot be sent by email.`,
      ['Send a .csv, .doc, .docx, .jpeg, .jpg, .json, .odt, .pdf, .png, .rtf, .txt or .xlsx file.'],
    ),
  ),
  exact('file-empty', 'Document must not be empty', () =>
    fix('The file is empty', 'The file decoded to zero bytes.', [
      'Check the file was read before it was encoded.',
    ]),
  ),
  exact('file-not-base64', 'Document is not base64 encoded', () =>
    fix('The file is not base64', 'The file field could not be decoded as base64.', [
      'Encode the file’s bytes with base64.',
    ]),
  ),
];

// ---------------------------------------------------------------------------------------------
// Reads, limits
// ---------------------------------------------------------------------------------------------
const READS_AND_LIMITS: ErrorEntry[] = [
  pattern('no-result-found', /^No result found$/i, () =>
    x(
      'Not found',
      'Notify has nothing with this ID for this service. It may belong to another service, be older than the data retention period (7 days by default), or have been sent to a smoke-test number or address (those are never stored).',
      'no',
      'not-applicable',
      [
        'Check the ID and that the profile’s key is for the right service.',
        'Notifications older than the retention period can no longer be read.',
      ],
    ),
  ),
  pattern(
    'rate-limit',
    /^Exceeded rate limit for key type (LIVE|TEAM|TEST) of (\d+) requests per (\d+) seconds$/,
    (m) =>
      x(
        'Too many requests at once',
        `The service sent more than ${m[2] ?? '3000'} requests in ${m[3] ?? '60'} seconds with its ${(m[1] ?? 'LIVE').toLowerCase()} keys. ${NOT_SENT}`,
        'later',
        'no',
        [
          'Wait a few seconds, then send again.',
          'Spread sends out: the limit refills continuously, a little every second.',
        ],
      ),
  ),
  pattern(
    'daily-limit',
    /^Exceeded send limits(?: \((sms|email|letter|international_sms): (\d+)\) for today)?$/,
    (m) =>
      x(
        'Daily limit reached',
        `${m[1] ? `The service has sent its ${m[2] ?? ''} ${channelLimitName(m[1])} allowed today.` : 'The service has reached a daily message limit.'} ${NOT_SENT}`,
        'later',
        'no',
        [
          'Wait until the limits reset at midnight UTC.',
          'Check the service’s current limits in its settings; ask Notify to raise them if you need more.',
        ],
      ),
  ),
];

// ---------------------------------------------------------------------------------------------
// jsonschema templates (§6): generic, so they come last
// ---------------------------------------------------------------------------------------------
const SCHEMA: ErrorEntry[] = [
  pattern('required-property', /^(.+) is a required property$/, (m) => requiredProperty(m[1] ?? '')),
  pattern('not-a-uuid', /^(\S+) is not a valid UUID$/, (m) => {
    const field = m[1] ?? '';
    const inUrl = field === 'notification_id' || field === 'id';
    return fix(
      `${field} is not a valid ID`,
      inUrl
        ? `The ID in the address is not a UUID (IDs look like ${UUID_EXAMPLE}).`
        : `${field} must be a UUID, like ${UUID_EXAMPLE}. The same message appears when the value is not text at all.`,
      ['Copy the ID from Notify (or from the response that created it) exactly, with its hyphens.'],
    );
  }),
  pattern('wrong-type', /^(?:(\S+) )?(.+) is not of type (.+)$/, (m) => {
    const field = m[1];
    const type = m[3] ?? '';
    if (!field) {
      return fix(
        'The request body is not a JSON object',
        `The body was ${m[2] ?? 'something else'}, where Notify expects an object.`,
        ['Send a JSON object: { … } with Notify’s field names.'],
      );
    }
    return fix(
      `${field} has the wrong type`,
      `${field} was ${m[2] ?? 'a value'}, which is not ${type.replace(/, /g, ' or ')}.`,
      [
        field === 'personalisation'
          ? 'Send personalisation as an object: {"name": "Alice"}.'
          : `Send ${field} as ${type.startsWith('string') ? 'text in quotes' : type.replace(/, /g, ' or ')}.`,
      ],
    );
  }),
  pattern('too-long', /^(\S+) (.*) is too long$/, (m) =>
    fix(
      `${m[1] ?? 'A field'} is too long`,
      m[1] === 'reference'
        ? 'A reference can be at most 1000 characters.'
        : 'The value is longer than Notify allows.',
      [`Shorten ${m[1] ?? 'the value'}.`],
    ),
  ),
  pattern(
    'additional-properties',
    /^Additional properties are not allowed \((.+) (?:was|were) unexpected\)$/,
    (m) => {
      const names = (m[1] ?? '').split(', ');
      const steps = [
        'Remove the fields Notify does not know, and check the spelling of the others (Notify uses snake_case, such as template_id).',
      ];
      if (names.includes('template_id') || names.includes('personalisation')) {
        steps.push(
          'A letter request with a content field is read as a precompiled PDF letter; remove content to send a templated letter.',
        );
      }
      return fix(
        'The request has fields Notify does not accept',
        `Notify does not accept: ${names.join(', ')}.`,
        steps,
      );
    },
  ),
  pattern('not-one-of', /^(\S+) (.*) is not one of \[(.*)\]$/, (m) => {
    const field = m[1] ?? '';
    const allowed = m[3] ?? '';
    return fix(
      `${field} has a value Notify does not accept`,
      `${field} was ${m[2] ?? 'a value'}; it must be one of: ${allowed}.`,
      [field === 'include_jobs' ? 'Send include_jobs=true, or leave it out.' : `Use one of: ${allowed}.`],
    );
  }),
];

/** Every specific entry, in matching order. */
export const ERROR_CATALOGUE: readonly ErrorEntry[] = [
  ...AUTH,
  ...ROUTING,
  ...PHONE,
  ...EMAIL,
  ...SCHEDULED,
  ...ADDRESS,
  ...TEMPLATE,
  ...RECIPIENTS,
  ...LETTERS,
  ...PDF,
  ...FILES,
  ...READS_AND_LIMITS,
  ...SCHEMA,
];

function requiredProperty(field: string): Explanation {
  const hints: Record<string, string> = {
    phone_number: 'Phone numbers must be in international format (+44…) or UK format (07…).',
    email_address: 'Give the recipient’s email address.',
    template_id: 'Give the ID of the template to send, from its page in Notify.',
    personalisation:
      'Letters always need personalisation, with the address in address_line_1, address_line_2 and so on.',
    reference: 'A precompiled letter needs a reference, so you can find it again.',
    content: 'A precompiled letter needs content: the PDF encoded as base64.',
  };
  const address = field.startsWith('personalisation address_line');
  return fix(`${field} is missing`, `Notify needs ${field} in this request and it was not there.`, [
    'Include all the required fields in the request.',
    address
      ? 'Letters need at least 3 address lines, with the postcode or country last.'
      : (hints[field] ?? `Add ${field}.`),
  ]);
}

function channelName(type: string): string {
  return type === 'sms' ? 'text message' : type === 'email' ? 'email' : type === 'letter' ? 'letter' : type;
}

function article(noun: string): string {
  return /^[aeiou]/i.test(noun) ? `an ${noun}` : `a ${noun}`;
}

function channelLimitName(type: string): string {
  return type === 'international_sms'
    ? 'international text messages'
    : type === 'sms'
      ? 'text messages'
      : `${channelName(type)}s`;
}

/** Advice for an HTTP status whose message the catalogue does not know: true, but generic. */
export function explainByHttpStatus(f: ErrorFacts): Explanation {
  const s = f.status;
  const said = f.message ? ` Notify said: “${f.message}”.` : '';
  if (s === 401 || s === 403) {
    return fix('Notify refused the API key', `The request was not authorised.${said}`, KEY_STEPS);
  }
  if (s === 404) {
    return x(
      'Not found',
      `Notify has nothing at this address or with this ID.${said}`,
      'no',
      'not-applicable',
      ['Check the ID and the profile’s base URL.'],
    );
  }
  if (s === 429) {
    return x('Too many requests', `Notify asked the console to slow down.${said}`, 'later', 'no', [
      'Wait a little, then try again.',
    ]);
  }
  if (s !== null && s >= 500) {
    return x(
      'Notify had a problem',
      `Notify (or something in front of it) failed to handle the request.${said}`,
      'later',
      'not-applicable',
      [
        'If this was a send, look the notification up by its reference before sending again.',
        'Try again in a few minutes; check https://status.notifications.service.gov.uk if it keeps happening.',
      ],
    );
  }
  if (s !== null && s >= 400) {
    return fix('Notify refused the request', `Notify did not accept the request.${said}`, [
      'Fix what the message points at, then send again.',
    ]);
  }
  return x(
    'Unexpected answer from Notify',
    `Notify answered in a way the console does not recognise.${said}`,
    'no',
    'not-applicable',
    ['Check the request in the inspector.'],
  );
}
