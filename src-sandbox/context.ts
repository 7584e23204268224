/**
 * What every route handler gets: the store, the clock and the sandbox's services.
 */
import type { AuthContext } from './auth';
import type { CallbackDispatcher } from './callback-dispatcher';
import type { SandboxClock } from './clock';
import type { DocumentStore } from './documents';
import type { Lifecycle } from './lifecycle';
import type { Limits } from './limits';
import type { PdfStore } from './pdf-store';
import type { RenderPool } from './render-pool';
import type { SandboxStore } from './store';
import type { SandboxRequest, SandboxResponse } from './http';

export interface SandboxContext {
  store: SandboxStore;
  clock: SandboxClock;
  limits: Limits;
  lifecycle: Lifecycle;
  callbacks: CallbackDispatcher;
  pdfs: PdfStore;
  documents: DocumentStore;
  /** Runs the shared template and address rules, large inputs off the event loop. */
  renders: RenderPool;
  /** Secret for unsubscribe-link tokens, fixed per sandbox data folder. */
  unsubscribeSecret: string;
  /** Simulated server clock error, applied to JWT checks and the Date header (control API). */
  skewMs: number;
}

export type V2Handler = (
  req: SandboxRequest,
  ctx: SandboxContext,
  auth: AuthContext,
  params: Record<string, string>,
) => SandboxResponse | Promise<SandboxResponse>;
