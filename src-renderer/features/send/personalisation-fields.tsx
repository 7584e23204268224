/**
 * The form's placeholder fields: text, yes/no for conditionals, repeatable list items, and (in
 * emails) a file sent by link with Notify's options.
 */
import { useId } from 'react';
import { Checkbox, TextField } from '../../components/fields';
import { bytesToBase64, formatBytes } from '../../lib/base64';
import type { FieldValue, PlaceholderField } from './placeholder-fields';
import { readFileBytes } from '../../components/download';

interface FieldProps {
  field: PlaceholderField;
  value: FieldValue;
  error?: string;
  /** Not an error: what an empty value will make the message say. */
  warning?: string;
  allowFile: boolean;
  onChange: (value: FieldValue) => void;
}

function ModeSwitch({
  value,
  allowFile,
  onChange,
  name,
}: {
  value: FieldValue;
  allowFile: boolean;
  onChange: (v: FieldValue) => void;
  name: string;
}) {
  const asText = (): FieldValue => ({
    kind: 'text',
    text: value.kind === 'list' ? value.items.join(', ') : '',
  });
  return (
    <div className="field-mode" role="group" aria-label={`How to fill ((${name}))`}>
      <button
        type="button"
        className="link-button"
        aria-pressed={value.kind === 'text'}
        onClick={() => onChange(asText())}
      >
        Text
      </button>
      <button
        type="button"
        className="link-button"
        aria-pressed={value.kind === 'list'}
        onClick={() =>
          onChange({ kind: 'list', items: value.kind === 'text' && value.text ? [value.text, ''] : ['', ''] })
        }
      >
        List
      </button>
      {allowFile ? (
        <button
          type="button"
          className="link-button"
          aria-pressed={value.kind === 'file'}
          onClick={() =>
            onChange({
              kind: 'file',
              file: null,
              filename: '',
              confirmEmailBeforeDownload: true,
              retentionWeeks: '',
            })
          }
        >
          File
        </button>
      ) : null}
    </div>
  );
}

function ListField({
  name,
  items,
  error,
  onChange,
}: {
  name: string;
  items: string[];
  error?: string;
  onChange: (items: string[]) => void;
}) {
  return (
    <fieldset className="fieldset list-field">
      <legend className="fieldset__legend">(({name})) as a list</legend>
      {error ? <p className="field__error">{error}</p> : null}
      {items.map((item, i) => (
        <div className="list-field__row" key={i}>
          <TextField
            label={`${name}, item ${i + 1}`}
            value={item}
            data-sensitive=""
            onChange={(v) => onChange(items.map((old, j) => (j === i ? v : old)))}
            className="field--grow"
          />
          <button
            type="button"
            className="button button--ghost button--small"
            aria-label={`Remove ${name} item ${i + 1}`}
            disabled={items.length <= 1}
            onClick={() => onChange(items.filter((_, j) => j !== i))}
          >
            Remove
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() => onChange([...items, ''])}
      >
        Add another item
      </button>
    </fieldset>
  );
}

function FileField({
  name,
  value,
  error,
  onChange,
}: {
  name: string;
  value: Extract<FieldValue, { kind: 'file' }>;
  error?: string;
  onChange: (v: FieldValue) => void;
}) {
  const id = useId();
  return (
    <fieldset className="fieldset file-field">
      <legend className="fieldset__legend">(({name})) as a file sent by link</legend>
      {error ? <p className="field__error">{error}</p> : null}
      <div className="field">
        <label htmlFor={id} className="field__label">
          File for (({name}))
        </label>
        <div className="field__hint">
          At most 2 MB: .csv, .doc, .docx, .jpeg, .jpg, .json, .odt, .pdf, .png, .rtf, .txt or .xlsx.
          {value.file ? ` Chosen: ${value.file.fileName} (${formatBytes(value.file.size)}).` : ''}
        </div>
        <input
          id={id}
          type="file"
          className="input input--file"
          accept=".csv,.doc,.docx,.jpeg,.jpg,.json,.odt,.pdf,.png,.rtf,.txt,.xlsx"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (!file) return;
            void readFileBytes(file).then((bytes) =>
              onChange({
                ...value,
                file: { fileName: file.name, size: file.size, base64: bytesToBase64(bytes) },
                filename: value.filename || file.name,
              }),
            );
          }}
        />
      </div>
      <TextField
        label="File name the recipient sees (filename)"
        value={value.filename}
        onChange={(filename) => onChange({ ...value, filename })}
      />
      <Checkbox
        label="Ask the recipient to confirm their email address before downloading (confirm_email_before_download)"
        checked={value.confirmEmailBeforeDownload}
        onChange={(confirmEmailBeforeDownload) => onChange({ ...value, confirmEmailBeforeDownload })}
      />
      <TextField
        label="Keep the file for this many weeks (retention_period)"
        inputMode="numeric"
        value={value.retentionWeeks}
        onChange={(retentionWeeks) => onChange({ ...value, retentionWeeks })}
        hint="From 1 to 78. Empty uses Notify’s default of 26 weeks."
      />
    </fieldset>
  );
}

function PlaceholderInput({ field, value, error, warning, allowFile, onChange }: FieldProps) {
  if (value.kind === 'flag') {
    return (
      <Checkbox
        label={
          <>
            <code>(({field.name}??…))</code> show “{field.conditionalTexts.map((t) => t.trim()).join('” / “')}
            ”
          </>
        }
        checked={value.on}
        onChange={(on) => onChange({ kind: 'flag', on })}
        hint="Sends yes when ticked, no when not."
        testId={`flag-${field.name}`}
      />
    );
  }
  return (
    <div className="placeholder-field">
      {value.kind === 'text' ? (
        <TextField
          label={field.name}
          value={value.text}
          data-sensitive=""
          error={error}
          hint={
            warning ? (
              <span className="field__warning" data-testid="empty-warning">
                {warning}
              </span>
            ) : undefined
          }
          onChange={(text) => onChange({ kind: 'text', text })}
        />
      ) : null}
      {value.kind === 'list' ? (
        <ListField
          name={field.name}
          items={value.items}
          error={error}
          onChange={(items) => onChange({ kind: 'list', items })}
        />
      ) : null}
      {value.kind === 'file' ? (
        <FileField name={field.name} value={value} error={error} onChange={onChange} />
      ) : null}
      <ModeSwitch name={field.name} value={value} allowFile={allowFile} onChange={onChange} />
    </div>
  );
}

export function PersonalisationFields({
  fields,
  values,
  errors,
  warnings = {},
  allowFile,
  onChange,
}: {
  fields: readonly PlaceholderField[];
  values: Readonly<Record<string, FieldValue>>;
  errors: Readonly<Record<string, string>>;
  warnings?: Readonly<Record<string, string>>;
  allowFile: boolean;
  onChange: (name: string, value: FieldValue) => void;
}) {
  if (fields.length === 0) return <p className="muted">This template has no placeholders.</p>;
  return (
    <fieldset className="fieldset">
      <legend className="fieldset__legend">Personalisation</legend>
      {fields.map((field) => (
        <PlaceholderInput
          key={field.name}
          field={field}
          value={
            values[field.name] ??
            (field.conditionalOnly ? { kind: 'flag', on: false } : { kind: 'text', text: '' })
          }
          error={errors[field.name]}
          warning={warnings[field.name]}
          allowFile={allowFile}
          onChange={(v) => onChange(field.name, v)}
        />
      ))}
    </fieldset>
  );
}
