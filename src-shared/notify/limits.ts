/**
 * The largest inputs Notify accepts, so the console's contract refuses at once what Notify would
 * refuse anyway, and bounds how much any one call can ask the console to hold
 * (docs/notify-api-reference.md §4, §8.4, §11).
 */

/** A send's `reference` (Notify's schema `maxLength`; precompiled letters take no more, for one rule). */
export const MAX_REFERENCE_LENGTH = 1000;

/** An email address, in characters (§10.2). */
export const MAX_EMAIL_ADDRESS_LENGTH = 320;

/** An email body after placeholders are filled, in bytes: no single value, nor all of them, can be longer. */
export const MAX_EMAIL_BODY_BYTES = 2_000_000;

/** A file sent by email, decoded: the document download service's 2 MiB + 1 KiB (§11). */
export const MAX_FILE_BYTES = 2 * 1024 * 1024 + 1024;

/** A file's `filename`, in characters (§11). */
export const MAX_FILENAME_LENGTH = 100;

/** A precompiled letter's PDF, decoded: 5 MiB, as the official clients allow (§4.4). */
export const MAX_PRECOMPILED_PDF_BYTES = 5 * 1024 * 1024;

/** The length of `bytes` bytes once base64-encoded (with padding). */
export function base64Length(bytes: number): number {
  return Math.ceil(bytes / 3) * 4;
}
