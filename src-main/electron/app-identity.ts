/**
 * The app's identity as installers and the OS know it. Must equal `appId` in
 * build/electron-builder.yml (test/unit/release/builder-config.test.ts checks): Windows groups the
 * taskbar button and notifications under the AppUserModelID the installer's shortcut carries.
 */
export const APP_ID = 'uk.gov.service.notifications.console';
