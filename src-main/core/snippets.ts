/**
 * "Copy as" snippets for a send: curl, Node and Python, with the API key masked.
 *
 * The snippet names the key by an environment variable and shows only its masked form in a
 * comment, so a copied snippet can be pasted into a ticket without leaking anything.
 */
import type { SendRequest } from '../contract/methods';

export type SnippetLanguage = 'curl' | 'node' | 'python';

const PATHS = { sms: 'sms', email: 'email', letter: 'letter', precompiled: 'letter' } as const;

function body(req: SendRequest): Record<string, unknown> {
  const { type: _type, ...rest } = req;
  if (req.type === 'precompiled') return { ...rest, content: '<base64 of your PDF>' };
  return rest;
}

function pyLiteral(v: unknown, indent = 0): string {
  const pad = '    '.repeat(indent + 1);
  const end = '    '.repeat(indent);
  if (v === null || v === undefined) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map((x) => pyLiteral(x, indent)).join(', ')}]`;
  const entries = Object.entries(v as Record<string, unknown>);
  if (!entries.length) return '{}';
  return `{\n${entries.map(([k, x]) => `${pad}${JSON.stringify(k)}: ${pyLiteral(x, indent + 1)},`).join('\n')}\n${end}}`;
}

/** Renders a snippet; `maskedKey` is what the comment shows (never the key itself). */
export function renderSnippet(
  language: SnippetLanguage,
  baseUrl: string,
  maskedKey: string,
  req: SendRequest,
): string {
  const b = body(req);
  const url = `${baseUrl.replace(/\/$/, '')}/v2/notifications/${PATHS[req.type]}`;
  if (language === 'curl') {
    return [
      `# API key: ${maskedKey} (set NOTIFY_API_KEY to the full key; it is never shown here)`,
      '# Notify wants a fresh JWT for each request: HS256, {"iss": <service id>, "iat": <now>}, signed with the key\'s last 36 characters.',
      'NOTIFY_JWT=$(python3 -c \'import os,time,jwt;k=os.environ["NOTIFY_API_KEY"];print(jwt.encode({"iss":k[-73:-37],"iat":int(time.time())},k[-36:],algorithm="HS256"))\')',
      `curl -sS -X POST '${url}' \\`,
      '  -H "Authorization: Bearer $NOTIFY_JWT" \\',
      "  -H 'Content-Type: application/json' \\",
      `  --data '${JSON.stringify(b).replace(/'/g, "'\\''")}'`,
    ].join('\n');
  }
  const opts = (o: Record<string, unknown>) => JSON.stringify(o, null, 2).replace(/\n/g, '\n  ');
  if (language === 'node') {
    const head = [
      "import { NotifyClient } from 'notifications-node-client';",
      '',
      `// API key: ${maskedKey} (read from NOTIFY_API_KEY; never paste it into code)`,
      `const notifyClient = new NotifyClient('${baseUrl.replace(/\/$/, '')}', process.env.NOTIFY_API_KEY);`,
      '',
    ];
    let call: string;
    if (req.type === 'sms') {
      call = `await notifyClient.sendSms('${req.template_id}', '${req.phone_number}', ${opts({ personalisation: req.personalisation, reference: req.reference, smsSenderId: req.sms_sender_id })});`;
    } else if (req.type === 'email') {
      call = `await notifyClient.sendEmail('${req.template_id}', '${req.email_address}', ${opts({ personalisation: req.personalisation, reference: req.reference, emailReplyToId: req.email_reply_to_id, oneClickUnsubscribeURL: req.one_click_unsubscribe_url })});`;
    } else if (req.type === 'letter') {
      call = `await notifyClient.sendLetter('${req.template_id}', ${opts({ personalisation: req.personalisation, reference: req.reference })});`;
    } else {
      call = `await notifyClient.sendPrecompiledLetter(${JSON.stringify(req.reference)}, fs.readFileSync('letter.pdf')${req.postage ? `, '${req.postage}'` : ''});`;
    }
    return [...head, `const response = ${call}`, 'console.log(response.data);'].join('\n');
  }
  const head = [
    'import os',
    'from notifications_python_client.notifications import NotificationsAPIClient',
    '',
    `# API key: ${maskedKey} (read from NOTIFY_API_KEY; never paste it into code)`,
    `notifications_client = NotificationsAPIClient(os.environ["NOTIFY_API_KEY"], base_url=${JSON.stringify(baseUrl.replace(/\/$/, ''))})`,
    '',
  ];
  const kw = (o: Record<string, unknown>) =>
    Object.entries(o)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `    ${k}=${pyLiteral(v, 1)},`)
      .join('\n');
  let call: string;
  if (req.type === 'sms') {
    call = `notifications_client.send_sms_notification(\n${kw({ phone_number: req.phone_number, template_id: req.template_id, personalisation: req.personalisation, reference: req.reference, sms_sender_id: req.sms_sender_id })}\n)`;
  } else if (req.type === 'email') {
    call = `notifications_client.send_email_notification(\n${kw({ email_address: req.email_address, template_id: req.template_id, personalisation: req.personalisation, reference: req.reference, email_reply_to_id: req.email_reply_to_id, one_click_unsubscribe_url: req.one_click_unsubscribe_url })}\n)`;
  } else if (req.type === 'letter') {
    call = `notifications_client.send_letter_notification(\n${kw({ template_id: req.template_id, personalisation: req.personalisation, reference: req.reference })}\n)`;
  } else {
    call = `with open("letter.pdf", "rb") as pdf_file:\n    response = notifications_client.send_precompiled_letter_notification(\n        reference=${JSON.stringify(req.reference)}, pdf_file=pdf_file${req.postage ? `, postage="${req.postage}"` : ''}\n    )`;
    return [...head, call, 'print(response)'].join('\n');
  }
  return [...head, `response = ${call}`, 'print(response)'].join('\n');
}
