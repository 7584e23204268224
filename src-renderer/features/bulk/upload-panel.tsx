/**
 * Choosing what to send: the profile (a test key by default), the template, the pace, and the
 * spreadsheet by file picker or drag and drop. The drop zone is a button too, so the keyboard
 * reaches the picker with Tab and Enter; a file over Notify's 10 MB is refused here with Notify's
 * message before anything is uploaded.
 */
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { DEFAULT_RATE_PER_MINUTE, MAX_RATE_PER_MINUTE } from '../../../src-main/contract/bulk';
import type { PublicProfile } from '../../../src-main/contract/schemas';
import { KeyTypeBadge } from '../../components/badges';
import { SelectField, TextField } from '../../components/fields';
import { readFileBytes } from '../../components/download';
import { useAppStore, useAppStoreApi } from '../../state/context';

/** Notify's upload form limit and message (rules 1.1). */
const MAX_FILE_BYTES = 10 * 1024 * 1024;
const TOO_BIG = 'The file must be smaller than 10MB';
const EMPTY: readonly PublicProfile[] = [];
const ACCEPTED_FILES = '.csv,.tsv,.xlsx,.xlsm,.xls,.ods';

export interface UploadChoice {
  profileId: string;
  templateId: string;
  ratePerMinute: number;
}

/** The profile bulk send starts with: the active one if its key is a test key, else the first test key. */
export function defaultBulkProfile(
  profiles: readonly PublicProfile[],
  activeId: string | null,
): string | null {
  const active = profiles.find((p) => p.id === activeId);
  if (active?.keyType === 'test') return active.id;
  return (
    profiles.find((p) => p.keyType === 'test' && !p.needsKey)?.id ?? active?.id ?? profiles[0]?.id ?? null
  );
}

export function UploadPanel({
  choice,
  onChoice,
  onFile,
  busy,
}: {
  choice: UploadChoice;
  onChoice: (c: UploadChoice) => void;
  onFile: (file: { name: string; bytes: Uint8Array }) => void;
  busy: boolean;
}) {
  const store = useAppStoreApi();
  const profiles = useAppStore((s) => s.profiles.value ?? EMPTY);
  const templates = useAppStore((s) => s.templatesByProfile[choice.profileId]);
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);
  const [rateText, setRateText] = useState(String(choice.ratePerMinute));

  useEffect(() => {
    if (choice.profileId) void store.getState().loadTemplates(choice.profileId);
  }, [store, choice.profileId]);
  const take = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) return setFileError(TOO_BIG);
    setFileError(null);
    onFile({ name: file.name, bytes: await readFileBytes(file) });
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void take(e.dataTransfer.files[0]);
  };
  const profile = profiles.find((p) => p.id === choice.profileId);
  const rate = Number(rateText);
  const rateError =
    Number.isInteger(rate) && rate >= 1 && rate <= MAX_RATE_PER_MINUTE
      ? null
      : `Enter a whole number from 1 to ${MAX_RATE_PER_MINUTE.toLocaleString('en-GB')}`;

  return (
    <section className="panel bulk-upload" aria-labelledby="bulk-upload-title" data-testid="bulk-upload">
      <h2 id="bulk-upload-title">Upload a list of recipients</h2>
      <div className="bulk-upload__fields">
        <SelectField
          label="Send with"
          value={choice.profileId}
          testId="bulk-profile"
          onChange={(profileId) => onChoice({ ...choice, profileId, templateId: '' })}
          options={profiles.map((p) => ({ value: p.id, label: `${p.name} (${p.keyTypeLabel})` }))}
          hint={
            profile ? (
              <>
                <KeyTypeBadge keyType={profile.keyType} />{' '}
                {profile.keyType === 'test'
                  ? 'Test key: nothing reaches a real recipient.'
                  : profile.keyType === 'live'
                    ? 'Live key: messages go to real recipients and are charged. You confirm before sending.'
                    : 'Team key: only your team’s own numbers and addresses.'}
              </>
            ) : null
          }
        />
        <SelectField
          label="Template"
          value={choice.templateId}
          testId="bulk-template"
          onChange={(templateId) => onChoice({ ...choice, templateId })}
          options={(templates?.value ?? []).map((t) => ({
            value: t.id,
            label: `${t.name} (${t.type === 'sms' ? 'text message' : t.type}, version ${t.version})`,
          }))}
          hint={templates?.status === 'loading' ? 'Loading templates…' : undefined}
        />
        <TextField
          label="Messages a minute"
          value={rateText}
          inputMode="numeric"
          testId="bulk-rate"
          hint={`Notify allows ${DEFAULT_RATE_PER_MINUTE.toLocaleString('en-GB')} a minute per key type unless it agreed more with your service.`}
          error={rateError}
          onChange={(text) => {
            setRateText(text);
            const n = Number(text);
            if (Number.isInteger(n) && n >= 1 && n <= MAX_RATE_PER_MINUTE)
              onChoice({ ...choice, ratePerMinute: n });
          }}
        />
      </div>
      {/* A real button, so Tab reaches it and Enter or Space opens the picker; files drop on it too. */}
      <button
        type="button"
        className={`drop-zone${dragging ? ' drop-zone--active' : ''}`}
        disabled={busy || !choice.templateId}
        aria-describedby="bulk-drop-hint"
        data-testid="bulk-drop-zone"
        onClick={() => input.current?.click()}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <span className="drop-zone__title">
          {busy ? 'Checking the file…' : 'Choose a file or drop it here'}
        </span>
        <span id="bulk-drop-hint" className="drop-zone__hint">
          CSV, TSV or Excel (.xlsx), up to 10 MB and 100,000 rows.
        </span>
      </button>
      <input
        ref={input}
        type="file"
        accept={ACCEPTED_FILES}
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        data-testid="bulk-file-input"
        onChange={(e) => {
          void take(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
      {fileError ? (
        <p className="field__error" role="alert" data-testid="bulk-file-error">
          {fileError}
        </p>
      ) : null}
    </section>
  );
}
