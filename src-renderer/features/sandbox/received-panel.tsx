/**
 * Text messages the sandbox's services received, and "Inject an inbound text": as if someone had
 * texted the service's inbound number (the service's received-text callback is called too).
 */
import { useEffect, useState } from 'react';
import type { PanelService } from '../../../src-main/contract/sandbox';
import { TextField } from '../../components/fields';
import { LoadState } from '../../components/states';
import { idle } from '../../state/loadable';
import { useAppStore, useAppStoreApi } from '../../state/context';
import { ReceivedTextsTable } from '../received/received-texts-table';
import { ServicePicker, useAction, useServiceChoice } from './sandbox-common';

export function ReceivedPanel({ services }: { services: PanelService[] }) {
  const store = useAppStoreApi();
  const act = useAction();
  const [serviceId, setServiceId] = useServiceChoice(services);
  const received = useAppStore((s) => s.sandboxReceived[serviceId]) ?? idle();
  const [from, setFrom] = useState('07700900111');
  const [content, setContent] = useState('');
  useEffect(() => {
    if (serviceId) void store.getState().loadSandboxReceived(serviceId);
  }, [store, serviceId]);
  return (
    <div>
      <ServicePicker services={services} value={serviceId} onChange={setServiceId} />
      <form
        className="form sandbox-form"
        aria-label="Inject an inbound text"
        onSubmit={(e) => {
          e.preventDefault();
          void act(
            () => store.getState().injectSandboxInbound({ serviceId, userNumber: from.trim(), content }),
            'The sandbox received the text.',
          ).then((ok) => ok && setContent(''));
        }}
      >
        <h2>Inject an inbound text</h2>
        <div className="form__row">
          <TextField label="From number" value={from} onChange={setFrom} required maxLength={40} />
          <TextField
            label="Content"
            value={content}
            onChange={setContent}
            required
            maxLength={918}
            className="field--grow"
          />
        </div>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={!from.trim() || !content}>
            Inject the text
          </button>
          <button
            type="button"
            className="button button--ghost"
            onClick={() => void store.getState().loadSandboxReceived(serviceId)}
          >
            Refresh
          </button>
        </div>
      </form>
      <LoadState
        loadable={received}
        loadingLabel="Reading the received texts…"
        errorTitle="Could not read the received texts"
        onRetry={() => void store.getState().loadSandboxReceived(serviceId)}
        isEmpty={(v) => v.length === 0}
        empty={<p className="muted">No received texts yet.</p>}
      >
        {(messages) => (
          <ReceivedTextsTable
            messages={messages}
            caption="Received texts"
            testId="sandbox-received"
            compact
          />
        )}
      </LoadState>
    </div>
  );
}
