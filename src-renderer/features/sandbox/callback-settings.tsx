/**
 * A service's four callbacks in the settings form: delivery status, received texts, returned letters
 * and complaints, each a URL and a bearer token, as Notify keeps them. The token's field starts
 * empty and is a password field: the console never answers a token back. What a save sends, and what
 * it refuses at the field, is callback-drafts.ts's.
 */
import { TextField } from '../../components/fields';
import {
  CALLBACKS,
  MAX_TOKEN,
  MAX_URL,
  MIN_TOKEN,
  type CallbackDraft,
  type CallbackDrafts,
  type CallbackErrors,
  type CallbackInput,
} from './callback-drafts';
import type { PanelServiceSettings } from '../../../src-main/contract/sandbox';

export function CallbackFields({
  settings,
  drafts,
  errors,
  onChange,
}: {
  settings: PanelServiceSettings;
  drafts: CallbackDrafts;
  errors: CallbackErrors;
  onChange: (drafts: CallbackDrafts) => void;
}) {
  const edit = (input: CallbackInput, part: Partial<CallbackDraft>) =>
    onChange({ ...drafts, [input]: { ...drafts[input], ...part } });
  return (
    <>
      {CALLBACKS.map((c) => (
        <fieldset key={c.input} className="fieldset" data-testid={`callback-${c.input}`}>
          <legend className="fieldset__legend">{c.name}</legend>
          <p className="field__hint">{c.gets}</p>
          <div className="form__row">
            <TextField
              label={`${c.name} URL`}
              hint="Empty: no callback."
              value={drafts[c.input].url}
              onChange={(url) => edit(c.input, { url })}
              error={errors[c.input]?.url ?? null}
              maxLength={MAX_URL}
              inputMode="url"
              className="field--grow"
            />
            <TextField
              label={`${c.name} bearer token`}
              hint={
                settings[c.url]
                  ? 'Set, and never shown. Leave empty to keep it.'
                  : `At least ${MIN_TOKEN} characters.`
              }
              type="password"
              value={drafts[c.input].token}
              onChange={(token) => edit(c.input, { token })}
              error={errors[c.input]?.token ?? null}
              maxLength={MAX_TOKEN}
              autoComplete="off"
            />
          </div>
        </fieldset>
      ))}
    </>
  );
}
