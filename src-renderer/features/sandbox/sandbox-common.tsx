/**
 * Pieces the Sandbox panel's tabs share: the services from the overview, a service picker, and
 * how an action's result is told (a toast: the action's own words, or the console's error).
 */
import { useState } from 'react';
import type { Result } from '../../../src-main/contract/result';
import type { PanelService } from '../../../src-main/contract/sandbox';
import { SelectField } from '../../components/fields';
import { useAppStore, useAppStoreApi } from '../../state/context';

const NO_SERVICES: PanelService[] = [];

export function useSandboxServices(): PanelService[] {
  return useAppStore((s) => s.sandboxPanel.value?.services ?? NO_SERVICES);
}

/** The chosen service's id (the first until the user picks another), and the picker. */
export function useServiceChoice(services: PanelService[]): [string, (id: string) => void] {
  const [chosen, setChosen] = useState<string | null>(null);
  const id = services.some((s) => s.id === chosen) ? chosen! : (services[0]?.id ?? '');
  return [id, setChosen];
}

export function ServicePicker({
  services,
  value,
  onChange,
  label = 'Service',
}: {
  services: PanelService[];
  value: string;
  onChange: (id: string) => void;
  label?: string;
}) {
  if (services.length < 2) return null;
  return (
    <SelectField
      label={label}
      value={value}
      onChange={onChange}
      options={services.map((s) => ({
        value: s.id,
        label: `${s.name}${s.restricted ? ' (trial mode)' : ''}`,
      }))}
    />
  );
}

/** Runs an action and says how it went in a toast; resolves with whether it worked. */
export function useAction(): (run: () => Promise<Result<unknown>>, success: string) => Promise<boolean> {
  const store = useAppStoreApi();
  return async (run, success) => {
    const r = await run();
    store.getState().pushToast(r.ok ? 'success' : 'error', r.ok ? success : r.error.message);
    return r.ok;
  };
}
