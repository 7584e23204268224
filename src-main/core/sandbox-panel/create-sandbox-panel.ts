/**
 * Builds the Sandbox panel's parts around the embedded sandbox (null: the console runs without
 * one, and every call says so): the control API client, the faults and their watcher, the inbox
 * and its change feed, and the service the `sandbox.*` methods call.
 */
import type { CoreEvents } from '../events';
import type { ClipboardPort, EmbeddedSandbox, Logger } from '../ports';
import type { ProfileService } from '../profiles/profile-service';
import { SandboxControlApi } from './control-api';
import { SandboxInbox } from './inbox';
import { PanelFaults } from './panel-faults';
import { SandboxPanelService } from './panel-service';

export interface SandboxPanel {
  service: SandboxPanelService;
  faults: PanelFaults;
  inbox: SandboxInbox;
  close(): Promise<void>;
}

export function createSandboxPanel(options: {
  sandbox: EmbeddedSandbox | null;
  events: CoreEvents;
  logger: Logger;
  profiles: ProfileService;
  clipboard: ClipboardPort | null;
}): SandboxPanel {
  const control = new SandboxControlApi(options.sandbox);
  const faults = new PanelFaults(control, options.events, options.logger);
  const inbox = new SandboxInbox(control, options.events, options.logger);
  const service = new SandboxPanelService({
    control,
    sandbox: options.sandbox,
    faults,
    profiles: options.profiles,
    clipboard: options.clipboard,
  });
  if (options.sandbox) faults.start();
  return {
    service,
    faults,
    inbox,
    close: async () => {
      faults.close();
      await inbox.close();
    },
  };
}
