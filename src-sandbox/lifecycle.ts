/**
 * Moves notifications through Notify's statuses over (sandbox) time.
 *
 * Test keys follow Notify's simulated outcomes (§7.3–7.4); live and team keys follow the fixture's
 * per-recipient outcome rules, delivered otherwise. Every change is journaled, recorded in the
 * notification's history, and sent to the service's delivery-status callback, except a letter's return,
 * which goes to its returned-letter callback only (`service-callbacks.ts`).
 */
import { formatRecipient } from '../src-shared/recipients/format-recipient';
import { UPDATABLE_STATUSES, type InternalStatus } from '../src-shared/statuses';
import type { CallbackDispatcher } from './callback-dispatcher';
import type { SandboxClock } from './clock';
import { inspectPrecompiledLetter, renderLetterWithinLimit } from './letters';
import { readAddressWindow } from './letters/address-window';
import type { StoredNotification } from './model';
import type { PdfStore } from './pdf-store';
import { sendDeliveryStatus, sendReturnedLetter } from './service-callbacks';
import { memoryJournal, type SandboxStore } from './store';

/** Delays in simulated milliseconds, before time-scaling. */
const DELAYS = {
  toSending: 1_000,
  toOutcome: 4_000,
  pendingToOutcome: 3_000,
  letterPdf: 1_500,
  virusScan: 3_000,
  letterToSending: 3_600_000,
  testLetterDespatch: 5_000,
  sendingTimeout: 259_200_000,
};

interface LetterContent {
  addressLines: string[];
  contactBlock: string | null;
  subject: string;
  body: string;
  serviceName: string;
}

type Outcome = { status: InternalStatus; delayMs: number };

export class Lifecycle {
  private readonly inFlight = new Set<Promise<unknown>>();
  /** Each outcome rule's recipient, normalised once rather than for every send. */
  private readonly ruleRecipients = new WeakMap<object, string>();

  constructor(
    private readonly store: SandboxStore,
    private readonly clock: SandboxClock,
    private readonly pdfs: PdfStore,
    private readonly callbacks: CallbackDispatcher,
  ) {}

  /** SMS and email: created → sending → (pending) → outcome. */
  start(n: StoredNotification, info: { fragments: number; hasReceipts: boolean }): void {
    const outcome = this.outcomeFor(n);
    this.clock.schedule(DELAYS.toSending, () => {
      if (n.type === 'sms' && !info.hasReceipts) {
        // International SMS to a country without delivery receipts stays `sent`, which is final.
        this.set(n, 'sent', { sentAt: this.clock.nowMicros(), billableUnits: info.fragments });
        return;
      }
      if (outcome.status === 'technical-failure' && n.keyType !== 'test') {
        this.set(n, 'technical-failure', {});
        return;
      }
      this.set(n, 'sending', {
        sentAt: this.clock.nowMicros(),
        billableUnits: n.type === 'sms' ? info.fragments : 0,
      });
      // Only a message whose receipt never comes can time out; scheduling it for every send would
      // keep a closure per notification alive for 72 hours.
      if (outcome.status === 'pending') {
        this.clock.schedule(DELAYS.sendingTimeout, () => {
          if (n.status === 'sending' || n.status === 'pending') this.set(n, 'temporary-failure', {});
        });
      }
      const viaPending =
        n.type === 'sms' && (outcome.status === 'temporary-failure' || outcome.status === 'pending');
      if (viaPending) {
        this.clock.schedule(outcome.delayMs, () => {
          this.set(n, 'pending', {});
          if (outcome.status !== 'pending')
            this.clock.schedule(DELAYS.pendingToOutcome, () => this.set(n, outcome.status, {}));
        });
      } else if (outcome.status !== 'sending') {
        this.clock.schedule(outcome.delayMs, () => this.set(n, outcome.status, {}));
      }
    });
  }

  /** Templated letters: render the PDF, then print and deliver (test keys: fake despatch). */
  startLetter(n: StoredNotification, content: LetterContent): void {
    this.clock.schedule(DELAYS.letterPdf, () => {
      this.track(
        (async () => {
          const letter = await renderLetterWithinLimit({
            ...content,
            date: new Date(n.createdAt / 1000),
          });
          if (letter.tooLong) {
            // API `update_billable_units_or_validation_failed_status_for_letter`: over 10 pages fails.
            // The sandbox stops laying it out at page 11 and keeps no PDF of it.
            this.set(n, 'validation-failed', {});
            return;
          }
          await this.pdfs.put(n.id, letter.pdf);
          await this.store.updateNotification(n.id, { billableUnits: letter.sheets });
          if (n.keyType === 'test') {
            this.clock.schedule(DELAYS.testLetterDespatch, () => this.set(n, 'delivered', {}));
          } else {
            this.scheduleLetterPrint(n);
          }
        })().catch(() => this.set(n, 'technical-failure', {})),
      );
    });
  }

  /** Precompiled letters: virus scan and validation, then as a templated letter. */
  startPrecompiled(n: StoredNotification, pdf: Uint8Array): void {
    this.clock.schedule(DELAYS.virusScan, () => {
      this.track(
        (async () => {
          const result = await inspectPrecompiledLetter(pdf);
          if (!result.ok) {
            this.set(n, result.status, {});
            return;
          }
          // Once the PDF passes, Notify replaces "Provided as PDF" in `to` with the address it read from
          // the letter (`line_1` keeps the placeholder: it comes from the personalisation).
          const address = await readAddressWindow(pdf);
          await this.store.updateNotification(n.id, {
            billableUnits: result.sheets,
            ...(address.length ? { to: address.join('\n') } : {}),
          });
          if (n.keyType === 'test') {
            this.set(n, 'sending', {});
            this.clock.schedule(DELAYS.testLetterDespatch, () => this.set(n, 'delivered', {}));
          } else {
            this.set(n, 'created', {});
            this.scheduleLetterPrint(n);
          }
        })(),
      );
    });
  }

  private scheduleLetterPrint(n: StoredNotification): void {
    this.clock.schedule(DELAYS.letterToSending, () => {
      if (n.status !== 'created') return;
      this.set(n, 'sending', { sentAt: this.clock.nowMicros() });
      this.clock.schedule(3 * 86_400_000, () => this.set(n, 'delivered', {}));
    });
  }

  /** Forces a status (control API): validation of the move is the caller's. */
  force(n: StoredNotification, status: InternalStatus): void {
    this.set(
      n,
      status,
      status === 'sending' && n.sentAt === null ? { sentAt: this.clock.nowMicros() } : {},
      true,
    );
  }

  /** Resolves when no asynchronous lifecycle work (PDF rendering, scans) is running. */
  async idle(): Promise<void> {
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
  }

  private track(p: Promise<unknown>): void {
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p));
  }

  private outcomeFor(n: StoredNotification): Outcome {
    const to = (n.to ?? '').trim();
    const delayMs = DELAYS.toOutcome;
    if (n.keyType === 'test') {
      if (n.type === 'sms') {
        if (to.endsWith('7700900003')) return { status: 'temporary-failure', delayMs };
        if (to.endsWith('7700900002')) return { status: 'permanent-failure', delayMs };
      } else if (n.type === 'email') {
        if (to === 'perm-fail@simulator.notify') return { status: 'permanent-failure', delayMs };
        if (to === 'temp-fail@simulator.notify') return { status: 'temporary-failure', delayMs };
      }
      return { status: 'delivered', delayMs };
    }
    const service = this.store.services.get(n.serviceId);
    for (const rule of service?.outcomes ?? []) {
      let recipient = this.ruleRecipients.get(rule);
      if (recipient === undefined)
        this.ruleRecipients.set(rule, (recipient = formatRecipient(rule.recipient)));
      const match = recipient === n.normalisedTo;
      if (match) {
        return {
          status: rule.status,
          delayMs: rule.delay_seconds !== undefined ? rule.delay_seconds * 1000 : delayMs,
        };
      }
    }
    return { status: 'delivered', delayMs };
  }

  private set(
    n: StoredNotification,
    status: InternalStatus,
    patch: Partial<StoredNotification>,
    force = false,
  ): void {
    const current = this.store.notifications.get(n.id);
    if (!current) return; // purged or smoke-test
    if (!force && !UPDATABLE_STATUSES.has(current.status)) return;
    const at = this.clock.nowMicros();
    // The journal serialises the patch as it is appended, so growing the same array is safe.
    current.history.push({ status, at });
    // Callers pass a fresh literal: it becomes the whole change.
    patch.status = status;
    patch.updatedAt = at;
    patch.history = current.history;
    const written = this.store.updateNotification(n.id, patch);
    if (this.store.journal !== memoryJournal) this.track(written);
    if (status === 'returned-letter' && current.type === 'letter')
      sendReturnedLetter(this.store, this.callbacks, current);
    else if (status !== 'created' && status !== 'pending-virus-check')
      sendDeliveryStatus(this.store, this.callbacks, current);
  }
}
