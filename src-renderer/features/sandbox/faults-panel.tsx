/**
 * Faults, one click each, to rehearse failures before meeting them in production: a 500, a 429
 * rate limit, a daily limit reached (Notify's TooManyRequestsError), a slow answer, a slow network,
 * a dropped connection (before the request is processed, or after: the outcome is then unknown).
 * The active ones are listed with Remove; the header shows a marker on every screen while any is on.
 */
import { useState } from 'react';
import type { MethodInput } from '../../../src-main/contract/methods';
import type { PanelService } from '../../../src-main/contract/sandbox';
import { SelectField, TextField } from '../../components/fields';
import { useAppStore, useAppStoreApi } from '../../state/context';
import { ServicePicker, useAction, useServiceChoice } from './sandbox-common';

type FaultInput = MethodInput<'sandbox.addFault'>;

const SCOPES = [
  { value: '/v2/', label: 'Every Notify API request (/v2/…)' },
  { value: '/v2/notifications', label: 'Sends and status reads (/v2/notifications…)' },
  { value: '/v2/template', label: 'Template reads (/v2/template…)' },
] as const;
const COUNTS = [
  { value: 'all', label: 'Until I remove it' },
  { value: '1', label: 'The next request only' },
  { value: '3', label: 'The next 3 requests' },
] as const;

/** The one-click faults: the button's label, the fault, and how the confirmation names it. */
function faultPresets(latencyMs: number): { label: string; input: FaultInput; words: string }[] {
  const delay = latencyMs.toLocaleString('en-GB');
  return [
    {
      label: '500 Internal server error',
      input: { kind: 'error', status: 500 },
      words: '500 Internal server error',
    },
    {
      label: '429 rate limit',
      input: { kind: 'error', status: 429, retryAfter: 10 },
      words: '429 rate limit',
    },
    { label: '503 from a gateway', input: { kind: 'error', status: 503 }, words: '503 from a gateway' },
    {
      label: `Slow answer (${delay} ms)`,
      input: { kind: 'latency', latencyMs },
      words: `a ${latencyMs} ms slow answer`,
    },
    {
      label: `Slow network (${delay} ms)`,
      input: { kind: 'slow_network', latencyMs },
      words: `a ${latencyMs} ms slow network`,
    },
    { label: 'Dropped connection', input: { kind: 'drop', phase: 'before' }, words: 'a dropped connection' },
    {
      label: 'Dropped after processing (outcome unknown)',
      input: { kind: 'drop', phase: 'after' },
      words: 'a connection dropped after processing',
    },
  ];
}

export function FaultsPanel({ services }: { services: PanelService[] }) {
  const store = useAppStoreApi();
  const act = useAction();
  const faults = useAppStore((s) => s.sandboxFaults);
  const [scope, setScope] = useState<(typeof SCOPES)[number]['value']>('/v2/');
  const [count, setCount] = useState<(typeof COUNTS)[number]['value']>('all');
  const [latency, setLatency] = useState('5000');
  const [serviceId, setServiceId] = useServiceChoice(services);
  const latencyMs = Math.min(120_000, Math.max(0, Math.round(Number(latency) || 0)));
  const add = (input: FaultInput, words: string) =>
    void act(
      () =>
        store.getState().addSandboxFault({
          ...input,
          pathPrefix: scope,
          ...(count === 'all' ? {} : { count: Number(count) }),
        }),
      `Turned on: ${words}.`,
    );
  const dailyOn = faults.some((f) => f.kind === 'daily-limit' && f.serviceId === serviceId);
  return (
    <div className="sandbox-faults">
      <section className="panel" aria-labelledby="faults-add">
        <h2 id="faults-add">Turn on a fault</h2>
        <div className="form__row">
          <SelectField label="Which requests" value={scope} onChange={setScope} options={SCOPES} />
          <SelectField label="For how long" value={count} onChange={setCount} options={COUNTS} />
          <TextField
            label="Delay (ms)"
            hint="For latency and a slow network; at most 120,000."
            value={latency}
            onChange={setLatency}
            inputMode="numeric"
          />
        </div>
        <div className="sandbox-buttons" role="group" aria-label="Faults">
          {faultPresets(latencyMs).map(({ label, input, words }) => (
            <button
              key={label}
              type="button"
              className="button button--secondary"
              onClick={() => add(input, words)}
            >
              {label}
            </button>
          ))}
        </div>
        <h3>Daily limit</h3>
        <p className="muted">
          Sets every daily limit of the service to 0: each send is refused with Notify’s 429 “Exceeded send
          limits (sms: 0) for today”. Removing it puts the limits back.
        </p>
        <div className="form__row">
          <ServicePicker services={services} value={serviceId} onChange={setServiceId} />
          <button
            type="button"
            className="button button--secondary"
            disabled={!serviceId || dailyOn}
            onClick={() =>
              void act(
                () => store.getState().setSandboxDailyLimit(serviceId, true),
                'Turned on: daily limit reached.',
              )
            }
          >
            429 daily limit reached
          </button>
        </div>
      </section>
      <section className="panel" aria-labelledby="faults-active">
        <div className="panel__head">
          <h2 id="faults-active">Active faults</h2>
          {faults.length > 1 ? (
            <button
              type="button"
              className="button button--ghost button--small"
              onClick={() => void act(() => store.getState().clearSandboxFaults(), 'Removed every fault.')}
            >
              Remove all
            </button>
          ) : null}
        </div>
        {faults.length === 0 ? (
          <p className="muted" data-testid="no-faults">
            No fault is on: the sandbox answers as Notify would.
          </p>
        ) : (
          <ul className="item-list" data-testid="active-faults">
            {faults.map((f) => (
              <li key={f.id} className="item-list__item sandbox-fault" data-testid="active-fault">
                <span>
                  {f.summary}
                  {f.hits > 0 ? <span className="muted small"> — applied {f.hits} times</span> : null}
                </span>
                <button
                  type="button"
                  className="button button--secondary button--small"
                  aria-label={`Remove: ${f.summary}`}
                  onClick={() =>
                    void act(() => store.getState().removeSandboxFault(f.id), 'Removed the fault.')
                  }
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
