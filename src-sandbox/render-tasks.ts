/**
 * The shared Notify rules that the sandbox may run off its event loop (see render-pool.ts): pure
 * functions of a template and its personalisation whose cost grows with the size of the values, and
 * whose results are plain data that a worker can send back.
 */
import { validatePostalAddress } from '../src-shared/recipients/postal-address';
import {
  isMessageEmpty,
  letterQrCodesForTemplate,
  renderEmailBody,
  renderEmailHtml,
  renderEmailSubject,
  renderLetterBody,
  renderLetterSubject,
  renderSmsBody,
  renderSmsUnsanitised,
  smsMessageInfo,
  type LetterQrCode,
  type Personalisation,
} from '../src-shared/template';

/**
 * The first QR code in a letter with more than `maxBytes` of data, or null: all a send needs to know
 * (so a worker sends back one code, not a million of them for a letter of `qr:` paragraphs).
 */
function oversizedQrCode(
  content: string,
  personalisation: Personalisation,
  maxBytes: number,
): LetterQrCode | null {
  return letterQrCodesForTemplate(content, personalisation).find((qr) => qr.numBytes > maxBytes) ?? null;
}

const RENDER_TASKS = {
  isMessageEmpty,
  oversizedQrCode,
  renderEmailBody,
  renderEmailHtml,
  renderEmailSubject,
  renderLetterBody,
  renderLetterSubject,
  renderSmsBody,
  renderSmsUnsanitised,
  smsMessageInfo,
  validatePostalAddress,
};

export type RenderTasks = typeof RENDER_TASKS;
export type RenderTaskName = keyof RenderTasks;

/** A job as the pool posts it to a worker. */
export interface RenderJob {
  id: number;
  name: RenderTaskName;
  args: unknown[];
}

/** A worker's answer to one job. */
export type RenderReply =
  { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string };

/** Runs one job: in a worker, or in the sandbox's own thread for a small input. */
export function runRenderTask(name: RenderTaskName, args: unknown[]): unknown {
  return (RENDER_TASKS[name] as (...a: unknown[]) => unknown)(...args);
}
