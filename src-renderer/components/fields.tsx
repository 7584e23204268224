/**
 * Labelled form controls. Every input has a visible label; hints and errors are linked with
 * `aria-describedby`, and an error sets `aria-invalid`.
 */
import { useId, type InputHTMLAttributes, type ReactNode, type Ref } from 'react';

interface FieldFrameProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  children: ReactNode;
  className?: string;
}

function FieldFrame({ id, label, hint, error, children, className }: FieldFrameProps) {
  return (
    <div className={`field ${error ? 'field--error' : ''} ${className ?? ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {hint ? (
        <div id={`${id}-hint`} className="field__hint">
          {hint}
        </div>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field__error" data-testid="field-error">
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
      {children}
    </div>
  );
}

const describedBy = (id: string, hint: unknown, error: unknown): string | undefined =>
  [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value' | 'id'>;

interface TextFieldProps extends InputProps {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  error?: string | null;
  inputRef?: Ref<HTMLInputElement>;
  testId?: string;
  className?: string;
}

export function TextField({
  label,
  value,
  onChange,
  hint,
  error,
  inputRef,
  testId,
  className,
  ...rest
}: TextFieldProps) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} className={className}>
      <input
        {...rest}
        id={id}
        ref={inputRef}
        className="input"
        value={value}
        data-testid={testId}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(e) => onChange(e.target.value)}
      />
    </FieldFrame>
  );
}

interface SelectFieldProps<V extends string> {
  label: ReactNode;
  value: V;
  onChange: (value: V) => void;
  options: ReadonlyArray<{ value: V; label: string }>;
  hint?: ReactNode;
  error?: string | null;
  testId?: string;
}

export function SelectField<V extends string>({
  label,
  value,
  onChange,
  options,
  hint,
  error,
  testId,
}: SelectFieldProps<V>) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <select
        id={id}
        className="input select"
        value={value}
        data-testid={testId}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(e) => onChange(e.target.value as V)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

interface CheckboxProps {
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: ReactNode;
  testId?: string;
}

export function Checkbox({ label, checked, onChange, hint, testId }: CheckboxProps) {
  const id = useId();
  return (
    <div className="checkbox">
      <input
        id={id}
        type="checkbox"
        className="checkbox__input"
        checked={checked}
        data-testid={testId}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label htmlFor={id} className="checkbox__label">
        {label}
      </label>
      {hint ? (
        <div id={`${id}-hint`} className="field__hint checkbox__hint">
          {hint}
        </div>
      ) : null}
    </div>
  );
}

/** A group of radio buttons in a fieldset with a legend. */
export function RadioGroup<V extends string>({
  legend,
  name,
  value,
  onChange,
  options,
  error,
  inline,
}: {
  legend: ReactNode;
  name: string;
  value: V;
  onChange: (value: V) => void;
  options: ReadonlyArray<{ value: V; label: ReactNode; hint?: ReactNode }>;
  error?: string | null;
  inline?: boolean;
}) {
  const base = useId();
  return (
    <fieldset
      className={`fieldset ${inline ? 'fieldset--inline' : ''}`}
      aria-invalid={error ? true : undefined}
    >
      <legend className="fieldset__legend">{legend}</legend>
      {error ? <p className="field__error">{error}</p> : null}
      {options.map((o) => (
        <div className="radio" key={o.value}>
          <input
            id={`${base}-${o.value}`}
            type="radio"
            name={`${base}-${name}`}
            value={o.value}
            className="radio__input"
            checked={value === o.value}
            onChange={() => onChange(o.value)}
          />
          <label htmlFor={`${base}-${o.value}`} className="radio__label">
            {o.label}
          </label>
          {o.hint ? <div className="field__hint radio__hint">{o.hint}</div> : null}
        </div>
      ))}
    </fieldset>
  );
}
