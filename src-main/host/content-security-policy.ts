/**
 * The renderer's Content Security Policy: one policy for both hosts (the Electron shell's app://
 * protocol and the browser-mode host send it as a header) and for the `<meta>` tag in the built
 * index.html (electron.vite.config.ts writes it there).
 *
 * Vite's production build is external module scripts and stylesheets only, so `script-src 'self'`
 * holds and no relaxation beyond `style-src 'unsafe-inline'` is needed.
 */

/** The directives, in the order they are sent. */
export const CSP_DIRECTIVES: readonly string[] = [
  "default-src 'self'",
  "script-src 'self'",
  // React sets style="" attributes; there is no inline <style> or script in the built output.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  // Template and letter previews render in blob:/data: frames.
  'frame-src blob: data:',
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  // Works only as a header, which is why the hosts send the policy rather than trusting the tag alone.
  "frame-ancestors 'none'",
  "form-action 'none'",
];

/** The policy both hosts send with every response. */
export const CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.join('; ');

/**
 * The same policy for a `<meta http-equiv>` tag in the built index.html.
 *
 * The hosts send the policy as a header; the tag is a second copy in the page itself, so the built
 * renderer is never without it however it is served. Browsers ignore `frame-ancestors` in a meta tag
 * and log an error for it, so it is left out there (the header carries it).
 */
export const CONTENT_SECURITY_POLICY_META = CSP_DIRECTIVES.filter(
  (d) => !d.startsWith('frame-ancestors'),
).join('; ');
