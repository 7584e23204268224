/**
 * Werkzeug's routing, then Flask's dispatch, for one request the server has read: the matching rule
 * runs (v2 rules behind `requires_auth`), a path that matches only with other methods gets a 405 with
 * `Allow` or Flask's automatic OPTIONS answer, a path that matches once doubled slashes are merged gets
 * a 308. Apart from the server so the socket side (faults, latency, writing) and the app side can be
 * read on their own.
 */
import { authenticate, AuthError } from './auth';
import type { SandboxContext } from './context';
import {
  appError,
  METHOD_NOT_ALLOWED_MESSAGE,
  notFound,
  V2Error,
  v2Error,
  type SandboxRequest,
  type SandboxResponse,
} from './http';
import { matchRoutes, quotePath, ROUTES, slashRedirect, type Route, type RouteMatch } from './router';

/** An answer and the route that gave it (null when no rule matched), for its response time. */
interface Dispatched {
  route: Route | null;
  params: Record<string, string>;
  response: SandboxResponse;
}

/** Answers one request; `method` is GET for a HEAD request, `search` the raw query string. */
type Dispatch = (req: SandboxRequest, method: string, search: string) => Promise<Dispatched>;

/** The dispatcher for one sandbox; `onError` hears of each unexpected error answered with a 500. */
export function createDispatch(ctx: SandboxContext, onError: (err: unknown) => void): Dispatch {
  const { store } = ctx;

  /** Matches the request's rule, and answers with the rule that matched. */
  async function dispatch(req: SandboxRequest, method: string, search: string): Promise<Dispatched> {
    const match = matchRoutes(req.path, method);
    const { route: r, params } = match;
    return { route: r, params, response: await answer(req, method, search, match) };
  }

  async function answer(
    req: SandboxRequest,
    method: string,
    search: string,
    match: RouteMatch,
  ): Promise<SandboxResponse> {
    if (!match.route && match.allowed.size === 0 && req.path.includes('//')) {
      // Werkzeug's `merge_slashes`: each `//` becomes `/` once, and a rule that matches then redirects.
      const merged = req.path.replace(/\/\//g, '/');
      const again = matchRoutes(merged, method);
      if (again.route || again.allowed.size > 0)
        return slashRedirect(`${req.urlRoot.slice(0, -1)}${quotePath(merged)}${search ? `?${search}` : ''}`);
    }
    const { route: r, params, allowed } = match;
    if (r && method !== 'OPTIONS') {
      try {
        if (r.open) return await r.open(req, ctx, params);
        const auth = authenticate(headerValue(req.headers.authorization), store, Date.now() + ctx.skewMs);
        if (auth instanceof AuthError)
          return v2Error(auth.status, [{ error: 'AuthError', message: auth.message }]);
        return await r.v2!(req, ctx, auth, params);
      } catch (err) {
        if (err instanceof V2Error) return v2Error(err.status, err.errors);
        onError(err);
        return v2Error(500, [
          { error: (err as Error)?.constructor?.name ?? 'Exception', message: 'Internal server error' },
        ]);
      }
    }
    if (allowed.size === 0) return notFound();
    if (allowed.has('GET')) allowed.add('HEAD');
    allowed.add('OPTIONS');
    const allow = [...allowed].sort().join(', ');
    if (method === 'OPTIONS') {
      // Flask answers OPTIONS itself, but only after the blueprint's before_request: v2 paths need auth.
      const v2 = ROUTES.some((x) => x.v2 && x.pattern.test(req.path));
      if (v2) {
        const auth = authenticate(headerValue(req.headers.authorization), store, Date.now() + ctx.skewMs);
        if (auth instanceof AuthError)
          return v2Error(auth.status, [{ error: 'AuthError', message: auth.message }]);
      }
      return { status: 200, body: '', headers: { Allow: allow, 'Content-Type': 'text/html; charset=utf-8' } };
    }
    // Flask copies Werkzeug's exception headers over jsonify's, so this JSON goes out labelled text/html.
    const r405 = appError(405, METHOD_NOT_ALLOWED_MESSAGE, { Allow: allow });
    return { ...r405, headers: { ...r405.headers, 'Content-Type': 'text/html; charset=utf-8' } };
  }

  return dispatch;
}

function headerValue(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}
