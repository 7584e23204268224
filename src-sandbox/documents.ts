/**
 * Send a file by email (§11): the checks of Notify's API and Document Download, and a local download.
 *
 * Files are kept in memory and served at `<sandbox>/d/<service>/<document>?key=<key>`, the same path
 * shape as Document Download, so a link in a sandbox email really downloads the file.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Personalisation } from '../src-shared/template';
import { badRequest, V2Error } from './http';
import { pyRepr } from './json';
import { byCodePoint } from './schema';
import type { Service } from './model';

const ALLOWED_EXTENSIONS = [
  '.csv',
  '.doc',
  '.docx',
  '.jpeg',
  '.jpg',
  '.json',
  '.odt',
  '.pdf',
  '.png',
  '.rtf',
  '.txt',
  '.xlsx',
];
const SUPPORTED = ALLOWED_EXTENSIONS.map((e) => `'${e}'`).join(', ');
const MAX_BYTES = 2 * 1024 * 1024 + 1024;
const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';

interface StoredDocument {
  serviceId: string;
  key: string;
  bytes: Buffer;
  filename: string | null;
  mimetype: string;
  confirmEmail: boolean;
  retentionWeeks: number;
}

const ext = (name: string) => name.slice(name.lastIndexOf('.')).toLowerCase();

const MIME_BY_EXT: Record<string, string> = {
  '.csv': 'text/csv',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.jpeg': 'image/jpeg',
  '.jpg': 'image/jpeg',
  '.json': 'application/json',
  '.odt': 'application/vnd.oasis.opendocument.text',
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.rtf': 'application/rtf',
  '.txt': 'text/plain',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Guesses a mimetype from content, as Document Download does when no filename is given. */
function sniff(bytes: Buffer): string {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'image/jpeg';
  if (bytes.subarray(0, 5).toString('latin1') === '{\\rtf') return 'application/rtf';
  if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return 'application/zip';
  if (!bytes.some((b) => b === 0) && isUtf8(bytes)) return 'text/plain';
  return 'application/octet-stream';
}

function isUtf8(b: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
}

export class DocumentStore {
  private readonly docs = new Map<string, StoredDocument>();

  /** Validates and "uploads" every file object, replacing each with its download link. */
  async processUploads(
    service: Service,
    _notificationId: string,
    personalisation: Personalisation,
    keys: string[],
    urlRoot: string,
    simulated: boolean,
  ): Promise<void> {
    for (const k of keys) {
      const obj = personalisation[k] as Record<string, unknown>;
      const errors = validateFileObject(obj);
      if (errors.length)
        throw new V2Error(
          400,
          errors.map((message) => ({ error: 'ValidationError', message })),
        );
    }
    if (!service.contact_link) {
      throw badRequest(
        `Send files by email has not been set up - add contact details for your service at https://www.notifications.service.gov.uk/services/${service.id}/service-settings/send-files-by-email`,
      );
    }
    for (const k of keys) {
      const obj = personalisation[k] as Record<string, unknown>;
      if (simulated) {
        personalisation[k] = `${urlRoot}services/${service.id}/documents/test-document`;
        continue;
      }
      personalisation[k] = this.upload(service, obj, urlRoot);
    }
  }

  private upload(service: Service, obj: Record<string, unknown>, urlRoot: string): string {
    const file = obj.file as string;
    if (!/^[A-Za-z0-9+/\r\n]*={0,2}\s*$/.test(file)) throw badRequest('Document is not base64 encoded');
    const bytes = Buffer.from(file, 'base64');
    if (bytes.length === 0) throw badRequest('Document must not be empty');
    if (bytes.length > MAX_BYTES) throw badRequest('Uploaded file exceeds file size limit');
    if (bytes.includes(EICAR)) throw badRequest('File did not pass the virus scan');
    const filename = typeof obj.filename === 'string' ? obj.filename : null;
    let mimetype: string;
    if (filename) {
      const e = ext(filename);
      if (!ALLOWED_EXTENSIONS.includes(e))
        throw badRequest(`Unsupported file type '${e}'. Supported types are: ${SUPPORTED}`);
      if (filename.length > 100) throw badRequest('`filename` cannot be longer than 100 characters');
      mimetype = MIME_BY_EXT[e]!;
    } else if (obj.is_csv === true) {
      mimetype = 'text/csv';
    } else {
      mimetype = sniff(bytes);
      if (!Object.values(MIME_BY_EXT).includes(mimetype))
        throw badRequest(`Unsupported file type '${mimetype}'. Supported types are: ${SUPPORTED}`);
    }
    const id = randomUUID();
    const key = randomBytes(32).toString('base64url');
    const retention =
      typeof obj.retention_period === 'string' ? Number(/\d+/.exec(obj.retention_period)![0]) : 26;
    this.docs.set(id, {
      serviceId: service.id,
      key,
      bytes,
      filename,
      mimetype,
      confirmEmail: obj.confirm_email_before_download !== false,
      retentionWeeks: retention,
    });
    const b64 = (s: string) => Buffer.from(s.replace(/-/g, ''), 'hex').toString('base64url');
    return `${urlRoot}d/${b64(service.id)}/${b64(id)}?key=${key}`;
  }

  /** The download route's lookup. */
  find(serviceB64: string, docB64: string, key: string): StoredDocument | null {
    const hex = (s: string) => Buffer.from(s, 'base64url').toString('hex');
    const raw = hex(docB64);
    if (raw.length !== 32) return null;
    const id = `${raw.slice(0, 8)}-${raw.slice(8, 12)}-${raw.slice(12, 16)}-${raw.slice(16, 20)}-${raw.slice(20)}`;
    const doc = this.docs.get(id);
    if (!doc || doc.key !== key || hex(serviceB64) !== doc.serviceId.replace(/-/g, '')) return null;
    return doc;
  }

  clear(): void {
    this.docs.clear();
  }
}

/** The file object's schema (§11), each message prefixed with its field as Notify formats them. */
function validateFileObject(obj: Record<string, unknown>): string[] {
  const errors: string[] = [];
  const allowed = new Set([
    'file',
    'filename',
    'confirm_email_before_download',
    'retention_period',
    'is_csv',
  ]);
  const { file, filename, retention_period: rp, confirm_email_before_download: ce, is_csv: csv } = obj;
  if (typeof file !== 'string') errors.push(`file ${pyRepr(file)} is not of type string`);
  if (filename !== undefined && filename !== null) {
    if (typeof filename !== 'string') errors.push(`filename ${pyRepr(filename)} is not of type string, null`);
    else if (!filename.includes('.'))
      errors.push('filename `filename` must end with a file extension. For example, filename.csv');
  }
  if (rp !== undefined && rp !== null) {
    const m = typeof rp === 'string' ? /^(\d+) weeks?$/i.exec(rp.trim()) : null;
    const n = m ? Number(m[1]) : 0;
    if (!m || n < 1 || n > 78)
      errors.push(
        `retention_period Unsupported value for retention_period: ${String(rp)}. Supported periods are from 1 to 78 weeks.`,
      );
  }
  if (ce !== undefined && ce !== null && typeof ce !== 'boolean')
    errors.push(
      `confirm_email_before_download Unsupported value for confirm_email_before_download: ${String(ce)}. Use a boolean true or false value.`,
    );
  if (csv !== undefined && csv !== null && typeof csv !== 'boolean')
    errors.push(`is_csv Unsupported value for is_csv: ${String(csv)}. Use a boolean true or false value.`);
  const extras = Object.keys(obj)
    .filter((k) => !allowed.has(k))
    .sort(byCodePoint)
    .map(pyRepr);
  if (extras.length)
    errors.push(
      `Additional properties are not allowed (${extras.join(', ')} ${extras.length === 1 ? 'was' : 'were'} unexpected)`,
    );
  if (typeof csv === 'boolean' && filename !== undefined && filename !== null)
    errors.push('Do not set a value for `is_csv` if `filename` is set.');
  return errors;
}
