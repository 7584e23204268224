/**
 * The sandbox's clock: how fast statuses move (time scale), how far its clock is off this one
 * (skew: JWT checks and the `Date` header; past 30 s Notify refuses tokens), and moving simulated
 * time forward so a letter is printed or a text times out now.
 */
import { useState } from 'react';
import type { PanelClock } from '../../../src-main/contract/sandbox';
import { TextField } from '../../components/fields';
import { formatDateTime } from '../../lib/time';
import { useAppStoreApi } from '../../state/context';
import { useAction } from './sandbox-common';

const ADVANCE = [
  { seconds: 60, label: '1 minute' },
  { seconds: 3600, label: '1 hour' },
  { seconds: 86_400, label: '1 day' },
  { seconds: 3 * 86_400, label: '3 days' },
] as const;

export function ClockPanel({
  clock,
  latency,
}: {
  clock: PanelClock | null;
  latency: { mode: string; seed: number } | null;
}) {
  const store = useAppStoreApi();
  const act = useAction();
  const [scale, setScale] = useState('');
  const [skew, setSkew] = useState('');
  if (!clock) return null;
  const scaleValue = Number(scale);
  const skewValue = Number(skew);
  return (
    <div className="sandbox-clock">
      <dl className="facts" data-testid="sandbox-clock">
        <dt>Sandbox time</dt>
        <dd>{formatDateTime(clock.now)}</dd>
        <dt>Time scale</dt>
        <dd data-testid="clock-scale">
          {clock.timeScale.toLocaleString('en-GB')}× {clock.timeScale === 1 ? '(realistic delays)' : ''}
        </dd>
        <dt>Clock skew</dt>
        <dd data-testid="clock-skew">{clock.skewSeconds} s</dd>
        <dt>Scheduled status changes</dt>
        <dd>{clock.pendingEvents}</dd>
      </dl>
      <form
        className="form form--inline sandbox-form"
        aria-label="Time scale"
        onSubmit={(e) => {
          e.preventDefault();
          void act(
            () => store.getState().setSandboxClock({ timeScale: scaleValue }),
            `Time scale is now ${scaleValue}×.`,
          );
        }}
      >
        <TextField
          label="Time scale"
          hint="1 is realistic (a text is delivered in about 5 s); 100 makes every delay 100 times shorter."
          value={scale}
          onChange={setScale}
          inputMode="decimal"
        />
        <button
          type="submit"
          className="button button--secondary"
          disabled={!(scaleValue > 0 && scaleValue <= 1_000_000)}
        >
          Set the time scale
        </button>
      </form>
      <form
        className="form form--inline sandbox-form"
        aria-label="Clock skew"
        onSubmit={(e) => {
          e.preventDefault();
          void act(
            () => store.getState().setSandboxClock({ skewSeconds: skewValue }),
            `Clock skew is now ${skewValue} s.`,
          );
        }}
      >
        <TextField
          label="Clock skew (seconds)"
          hint="The sandbox’s clock minus this computer’s; more than 30 either way and Notify refuses every token."
          value={skew}
          onChange={setSkew}
          inputMode="numeric"
        />
        <button
          type="submit"
          className="button button--secondary"
          disabled={skew.trim() === '' || !Number.isFinite(skewValue) || Math.abs(skewValue) > 86_400}
        >
          Set the skew
        </button>
      </form>
      {latency ? (
        <div className="sandbox-buttons" role="group" aria-label="Response times">
          <span className="field__label">Response times</span>
          <span data-testid="latency-mode">
            {latency.mode === 'realistic'
              ? 'Realistic: each route answers in about the time Notify takes (seeded).'
              : 'None: every answer at once.'}
          </span>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => {
              const mode = latency.mode === 'realistic' ? 'none' : 'realistic';
              void act(() => store.getState().setSandboxLatency({ mode }), `Response times: ${mode}.`);
            }}
          >
            {latency.mode === 'realistic' ? 'Answer at once' : 'Answer in realistic times'}
          </button>
        </div>
      ) : null}
      <div className="sandbox-buttons" role="group" aria-label="Move simulated time forward">
        <span className="field__label">Move time forward</span>
        {ADVANCE.map((a) => (
          <button
            key={a.seconds}
            type="button"
            className="button button--secondary button--small"
            onClick={() =>
              void act(
                () => store.getState().setSandboxClock({ advanceSeconds: a.seconds }),
                `Moved time forward ${a.label}.`,
              )
            }
          >
            + {a.label}
          </button>
        ))}
      </div>
    </div>
  );
}
