/**
 * A precompiled PDF letter: the file, its reference and the postage.
 */
import { useId } from 'react';
import { SelectField } from '../../components/fields';
import { readFileBytes } from '../../components/download';
import { bytesToBase64, formatBytes } from '../../lib/base64';
import type { Postage } from './send-request';
import { useAppStore, useAppStoreApi } from '../../state/context';

const POSTAGE: ReadonlyArray<{ value: Postage; label: string }> = [
  { value: '', label: 'Notify’s default (second class)' },
  { value: 'first', label: 'First class' },
  { value: 'second', label: 'Second class' },
  { value: 'economy', label: 'Economy' },
];

export function PrecompiledFields({ error }: { error?: string }) {
  const store = useAppStoreApi();
  const id = useId();
  const file = useAppStore((s) => s.send.form.precompiled);
  const postage = useAppStore((s) => s.send.form.postage);
  return (
    <fieldset className="fieldset">
      <legend className="fieldset__legend">Precompiled letter</legend>
      <div className={`field ${error ? 'field--error' : ''}`}>
        <label className="field__label" htmlFor={id}>
          PDF file
        </label>
        <div className="field__hint" id={`${id}-hint`}>
          A4 PDF, at most 5 MB, laid out to Notify’s letter specification.
          {file ? ` Chosen: ${file.fileName} (${formatBytes(file.size)}).` : ''}
        </div>
        {error ? (
          <p className="field__error" id={`${id}-error`}>
            {error}
          </p>
        ) : null}
        <input
          id={id}
          type="file"
          accept="application/pdf,.pdf"
          className="input input--file"
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
          data-testid="precompiled-file"
          onChange={(e) => {
            const picked = e.target.files?.[0];
            if (!picked) return;
            void readFileBytes(picked).then((bytes) =>
              store.getState().updateSendForm({
                precompiled: { fileName: picked.name, size: picked.size, base64: bytesToBase64(bytes) },
              }),
            );
          }}
        />
      </div>
      <SelectField
        label="Postage"
        value={postage}
        options={POSTAGE}
        onChange={(p) => store.getState().updateSendForm({ postage: p })}
      />
    </fieldset>
  );
}
