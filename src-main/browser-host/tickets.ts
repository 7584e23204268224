/**
 * One-time, short-lived tickets for the event stream: `EventSource` cannot send the bearer token in
 * a header, and a long-lived token in a URL ends up in history and logs.
 */
import { newSecret, secretsEqual } from './guards';

const MAX_TICKETS = 32;

/** One-time, short-lived SSE tickets. */
export class TicketBook {
  private readonly tickets = new Map<string, number>();

  constructor(private readonly ttlMs: number) {}

  issue(): string {
    this.sweep();
    // Map iteration is insertion order: the first key is the oldest ticket.
    if (this.tickets.size >= MAX_TICKETS) {
      const oldest = this.tickets.keys().next();
      if (!oldest.done) this.tickets.delete(oldest.value);
    }
    const ticket = newSecret();
    this.tickets.set(ticket, Date.now() + this.ttlMs);
    return ticket;
  }

  /** Consumes a ticket; true only for a live one. Compares in constant time against each live ticket. */
  redeem(presented: string): boolean {
    this.sweep();
    for (const ticket of this.tickets.keys()) {
      if (secretsEqual(presented, ticket)) {
        this.tickets.delete(ticket);
        return true;
      }
    }
    return false;
  }

  clear(): void {
    this.tickets.clear();
  }

  private sweep(): void {
    const now = Date.now();
    for (const [ticket, expires] of this.tickets) if (expires <= now) this.tickets.delete(ticket);
  }
}
