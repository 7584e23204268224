/**
 * What the core tells whoever listens (the RPC layer forwards it to the renderer): typed by the
 * contract's event table, but without its validation, which is the RPC layer's job.
 */
import type { EventName, EventPayload } from '../contract/methods';

export type CoreEventListener = <E extends EventName>(name: E, payload: EventPayload<E>) => void;

export class CoreEvents {
  private readonly listeners = new Set<CoreEventListener>();

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const l of this.listeners) {
      try {
        l(name, payload);
      } catch {
        // A broken listener must not stop the others, nor the core.
      }
    }
  }

  /** Returns the function that unsubscribes. */
  subscribe(listener: CoreEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
