/**
 * The document shown in the sandboxed email preview frame.
 *
 * The frame has `sandbox=""` (no scripts, no same-origin, no forms, no navigation of the window)
 * and this document adds its own CSP as a second lock. The body HTML comes from Notify's renderer
 * (local port or Notify's preview), which escapes all template and personalisation text.
 */
import { escapeHtml } from '../../../src-shared/template';

export const FRAME_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

/** A complete HTML document for `srcdoc`: subject as a heading, then the email body. */
export function emailPreviewDocument(subject: string, bodyHtml: string): string {
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${FRAME_CSP}">`,
    `<title>${escapeHtml(subject)}</title></head>`,
    '<body style="margin:0;padding:16px 20px;background:#ffffff;color:#0b0c0c;font-family:Helvetica,Arial,sans-serif;font-size:19px;line-height:1.32;">',
    `<p style="margin:0 0 16px 0;padding-bottom:12px;border-bottom:1px solid #b1b4b6;font-weight:700;">${escapeHtml(subject)}</p>`,
    bodyHtml,
    '</body></html>',
  ].join('');
}
