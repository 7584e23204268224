/**
 * Explanations for failures below Notify's API: DNS, TCP, TLS, proxies, timeouts, odd answers.
 *
 * These are the problems a developer console meets most on locked-down networks, and the ones
 * Notify's own messages never cover, because Notify never saw the request.
 */
import type { Explanation, NetworkErrorKind } from './explanation';

/** What the client knows about a network failure. */
export type NetworkFacts = {
  /** The host the console tried to reach (never a URL with credentials). */
  host?: string;
  /** The proxy in the way, credentials removed, when one was used. */
  proxy?: string | null;
  /** HTTP status of an answer that was not Notify's, or of a proxy's refusal. */
  status?: number | null;
  /** Whether the request may have been sent (the connection was open). */
  sent?: boolean;
  /** Where a refused redirect pointed (origin and path only). */
  redirectTo?: string | null;
  /** Answer size cap, for `too-large`. */
  maxBytes?: number;
};

const NOTHING_SENT = 'The request never reached Notify, so nothing was sent and nothing is charged.';

function x(
  title: string,
  whatHappened: string,
  retry: Explanation['retry'],
  charged: Explanation['charged'],
  nextSteps: string[],
): Explanation {
  return { title, whatHappened, retry, charged, nextSteps };
}

/** See {@link explainNetworkError} in explain.ts. */
export function explainNetworkKind(kind: NetworkErrorKind, f: NetworkFacts): Explanation {
  const host = f.host ?? 'the server';
  const via = f.proxy ? ` through the proxy ${f.proxy}` : '';
  switch (kind) {
    case 'dns':
      return x(
        'The server’s name could not be found',
        `The name ${host} did not resolve to an address (the DNS lookup failed). ${NOTHING_SENT}`,
        'after-fixing',
        'no',
        [
          'Check the spelling of the profile’s base URL (the real Notify is https://api.notifications.service.gov.uk).',
          'Check this computer is online, and connected to the VPN if your network needs one.',
          'If your network only reaches the internet through a proxy, set the proxy in the profile (or HTTPS_PROXY).',
        ],
      );
    case 'refused':
      return x(
        'Nothing answered at that address',
        `The connection to ${host} was refused: nothing is listening on that port, or a firewall turned the connection away. ${NOTHING_SENT}`,
        'after-fixing',
        'no',
        [
          'If this profile points at the Notify Sandbox, check the sandbox is running and the port is right.',
          'Check the port in the base URL (https uses 443 unless a port is given).',
          'Check no firewall blocks outgoing connections.',
        ],
      );
    case 'timeout':
      return f.sent
        ? x(
            'Notify took too long to answer',
            `The connection to ${host}${via} was open, but no complete answer came back in time.`,
            'later',
            'not-applicable',
            [
              'If this was a send, look the notification up by its reference before sending again.',
              'Try again; if it keeps happening, check https://status.notifications.service.gov.uk and your network.',
            ],
          )
        : x(
            'Could not connect in time',
            `No connection to ${host}${via} could be made in time. ${NOTHING_SENT}`,
            'later',
            'no',
            [
              'Check this computer is online and the base URL is right.',
              'On networks that only reach the internet through a proxy, set the proxy in the profile (or HTTPS_PROXY).',
            ],
          );
    case 'tls':
      return x(
        'The secure connection could not be set up',
        `The TLS (HTTPS) handshake with ${host} failed. Either the address speaks plain HTTP (an https:// URL pointing at an http server), or the certificate is not trusted: expired, for another name, or issued by a network device that inspects HTTPS. ${NOTHING_SENT}`,
        'after-fixing',
        'no',
        [
          'Check http:// versus https:// in the base URL (the Notify Sandbox uses http://127.0.0.1:PORT).',
          'If your organisation inspects HTTPS, give Node its certificate with NODE_EXTRA_CA_CERTS.',
          'Check this computer’s date and time: certificates are checked against it.',
        ],
      );
    case 'proxy':
      return x(
        f.status === 407 ? 'The proxy needs you to sign in' : 'The proxy did not let the request through',
        f.status === 407
          ? `The proxy${f.proxy ? ` ${f.proxy}` : ''} answered 407 Proxy Authentication Required. ${NOTHING_SENT}`
          : `The request could not get through the proxy${f.proxy ? ` ${f.proxy}` : ''}${f.status ? ` (it answered ${f.status})` : ''}: the proxy is unreachable, or refused to connect to ${host}. ${NOTHING_SENT}`,
        'after-fixing',
        'no',
        [
          'Check the proxy address and port in the profile (or HTTP_PROXY / HTTPS_PROXY).',
          f.status === 407
            ? 'Put the proxy user name and password in the proxy URL: http://user:password@proxy:8080.'
            : 'Check the proxy allows connections to the Notify API host; add it to NO_PROXY if it should be reached directly.',
        ],
      );
    case 'reset':
      return f.sent
        ? x(
            'The connection was cut off',
            `The connection to ${host}${via} closed before the answer arrived.`,
            'later',
            'not-applicable',
            [
              'If this was a send, look the notification up by its reference before sending again.',
              'Try again; if it keeps happening, a proxy or firewall may be cutting connections.',
            ],
          )
        : x(
            'The connection was cut off',
            `The connection to ${host}${via} closed before the request was sent. ${NOTHING_SENT}`,
            'yes',
            'no',
            ['Try again.'],
          );
    case 'too-large':
      return x(
        'The answer was too large',
        `The answer from ${host} was larger than the ${f.maxBytes ? `${Math.round(f.maxBytes / 1024 / 1024)} MB ` : ''}the console accepts, so it stopped reading. Notify’s answers are far smaller, so something else may be answering.`,
        'no',
        'not-applicable',
        ['Check the profile’s base URL points at the Notify API.'],
      );
    case 'not-json':
      return notNotify(host, f.status ?? null);
    case 'other':
      if (f.redirectTo !== undefined && f.redirectTo !== null) {
        return x(
          'The server redirected the request',
          `${host} answered with a redirect${f.status ? ` (${f.status})` : ''} to ${f.redirectTo}. The console never follows redirects, so the API key is only ever sent to the profile’s own base URL. ${NOTHING_SENT}`,
          'after-fixing',
          'no',
          [
            'Set the base URL to where the API really is (often https:// instead of http://, or without a trailing path).',
          ],
        );
      }
      return x(
        'The request failed',
        `The request to ${host}${via} failed before Notify answered.`,
        'later',
        'not-applicable',
        ['Try again; check the inspector for details.'],
      );
  }
}

function notNotify(host: string, status: number | null): Explanation {
  if (status !== null && (status === 502 || status === 503 || status === 504)) {
    return x(
      'Notify is not available right now',
      `Something in front of the Notify API at ${host} answered ${status} instead of Notify: the service is down, overloaded or being deployed.`,
      'later',
      'not-applicable',
      [
        'If this was a send, look the notification up by its reference before sending again.',
        'Try again in a few minutes; check https://status.notifications.service.gov.uk.',
      ],
    );
  }
  if (status !== null && status >= 500) {
    return x(
      'The server had a problem',
      `${host} answered ${status}, and the answer was not from the Notify API.`,
      'later',
      'not-applicable',
      [
        'If this was a send, look the notification up by its reference before sending again.',
        'Try again later.',
      ],
    );
  }
  if (status === 429) {
    return x(
      'Too many requests',
      `Something in front of the Notify API at ${host} asked the console to slow down.`,
      'later',
      'no',
      ['Wait a little, then try again.'],
    );
  }
  return x(
    'That server is not the Notify API',
    `${host} answered${status !== null ? ` ${status}` : ''}, but not with the JSON the Notify API sends. The base URL probably points at a website, a login page or another service.`,
    'after-fixing',
    'no',
    [
      'Set the base URL to the API itself: https://api.notifications.service.gov.uk (not www.notifications.service.gov.uk), or the sandbox’s http://127.0.0.1:PORT.',
      'If your network shows a sign-in page before letting you online, sign in first.',
    ],
  );
}

/** See {@link explainUnknownOutcome} in explain.ts. */
export function explainUnknown(reference: string, why: string): Explanation {
  return x(
    'Not sure whether Notify got this',
    `${why} Notify may have created the notification, or may never have seen the request. It was sent with the reference “${reference}”.`,
    'no',
    'not-applicable',
    [
      `Look the notification up by its reference “${reference}” before doing anything else.`,
      'If it is there, it was sent: do not send it again. If a minute later it is still not there, it is safe to send again.',
    ],
  );
}
