/**
 * What the console found damaged when it opened its own files (issue 8.6): the settings file, the
 * vault header, saved profiles it cannot read.
 */
import type { ConsoleNotice } from '../../contract/methods';
import type { StoredProfiles } from '../profiles/stored-profiles';
import type { SecretCipher } from '../ports';
import type { SettingsStore } from '../store/settings-store';
import { PassphraseCipher } from '../vault/passphrase-cipher';
import { profilesNotice, settingsNotice, vaultNotice } from './console-notices';

export function startupNotices(
  store: SettingsStore,
  cipher: SecretCipher,
  stored: StoredProfiles,
): ConsoleNotice[] {
  const out: ConsoleNotice[] = [];
  if (store.recovered) out.push(settingsNotice(store.recovered));
  const vault = cipher instanceof PassphraseCipher ? cipher.headerProblem() : null;
  if (vault) out.push(vaultNotice(vault));
  let problems: string[];
  try {
    problems = stored.problems();
  } catch (err) {
    problems = [err instanceof Error ? err.message : String(err)];
  }
  if (problems.length > 0) out.push(profilesNotice(problems.join(' ')));
  return out;
}
