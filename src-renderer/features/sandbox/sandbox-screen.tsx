/**
 * The Sandbox screen (issue 9.2, `g x`): the embedded Notify Sandbox's services and keys,
 * templates, received texts, faults, clock, inbox and settings. Everything its control API does,
 * through the console's main process, which alone holds the control secret.
 */
import { useEffect } from 'react';
import type { PanelOverview } from '../../../src-main/contract/sandbox';
import { LoadState } from '../../components/states';
import { Tabs } from '../../components/tabs';
import { useAppStore, useAppStoreApi } from '../../state/context';
import { ClockPanel } from './clock-panel';
import { FaultsPanel } from './faults-panel';
import { InboxPanel } from './inbox-panel';
import { KeysPanel } from './keys-panel';
import { ReceivedPanel } from './received-panel';
import { useSandboxServices } from './sandbox-common';
import { SANDBOX_TABS, type SandboxTab } from './sandbox-route';
import { SettingsPanel } from './settings-panel';
import { TemplatesPanel } from './templates-panel';
import './sandbox.css';

function TabContent({ tab }: { tab: SandboxTab }) {
  const services = useSandboxServices();
  const clock = useAppStore((s) => s.sandboxPanel.value?.clock ?? null);
  const latency = useAppStore((s) => s.sandboxPanel.value?.latency ?? null);
  switch (tab) {
    case 'keys':
      return <KeysPanel services={services} />;
    case 'templates':
      return <TemplatesPanel services={services} />;
    case 'received':
      return <ReceivedPanel services={services} />;
    case 'faults':
      return <FaultsPanel services={services} />;
    case 'clock':
      return <ClockPanel clock={clock} latency={latency} />;
    case 'inbox':
      return <InboxPanel services={services} />;
    case 'settings':
      return <SettingsPanel services={services} />;
  }
}

/** Why the panel is unavailable: the embedded sandbox is off, or not (yet) running. */
function SandboxOff({ overview }: { overview: PanelOverview }) {
  const store = useAppStoreApi();
  return (
    <div className="notice notice--warning" role="status" data-testid="sandbox-off">
      <p>
        <strong>
          {overview.state === 'off'
            ? 'The embedded sandbox is off.'
            : `The embedded sandbox is ${overview.state}.`}
        </strong>{' '}
        {overview.message}
      </p>
      {overview.state === 'off' ? (
        <p>
          Start the console without --no-notify-sandbox to use this panel, or run one with npm run sandbox.
        </p>
      ) : (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void store.getState().loadSandboxPanel()}
        >
          Check again
        </button>
      )}
    </div>
  );
}

export function SandboxScreen() {
  const store = useAppStoreApi();
  const tab = useAppStore((s) => (s.route.screen === 'sandbox' ? (s.route.tab ?? 'keys') : 'keys'));
  const panel = useAppStore((s) => s.sandboxPanel);
  useEffect(() => void store.getState().loadSandboxPanel(), [store]);
  const overview = panel.value;
  return (
    <div className="screen" data-testid="screen-sandbox">
      <div className="screen__head">
        <h1 tabIndex={-1}>Sandbox</h1>
        {overview?.url ? (
          <p className="muted small">
            The embedded Notify Sandbox at <code>{overview.url}</code>
            {overview.notificationCount !== null
              ? ` · ${overview.notificationCount.toLocaleString('en-GB')} ${overview.notificationCount === 1 ? 'notification' : 'notifications'} held`
              : ''}
          </p>
        ) : null}
      </div>
      <LoadState
        loadable={panel}
        loadingLabel="Asking the sandbox…"
        errorTitle="The sandbox did not answer"
        onRetry={() => void store.getState().loadSandboxPanel()}
      >
        {(value) =>
          value.state === 'running' ? (
            <Tabs
              label="Sandbox"
              tabs={SANDBOX_TABS}
              selected={tab}
              onSelect={(id) => store.getState().navigate({ screen: 'sandbox', tab: id as SandboxTab })}
            >
              <TabContent tab={tab} />
            </Tabs>
          ) : (
            <SandboxOff overview={value} />
          )
        }
      </LoadState>
    </div>
  );
}
