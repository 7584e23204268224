/**
 * Notify's ids (notifications, templates, services, keys) are UUIDs. Notify's routes and schemas
 * accept them in any case and with or without hyphens, so the console does too: one pattern for
 * the contract's inputs, the core's lookup ("is this an id or a reference?") and the renderer.
 */

/** A UUID as Notify accepts it: hex in any case, hyphens optional. */
export const UUID_PATTERN =
  /^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$/;

/** Whether `text`, without surrounding spaces, is a UUID by {@link UUID_PATTERN}. */
export function isUuid(text: string): boolean {
  return UUID_PATTERN.test(text.trim());
}
