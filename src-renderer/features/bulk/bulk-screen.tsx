/**
 * Bulk send (issue 11): upload a spreadsheet, read Notify's check of it, send it as a batch, and
 * follow the batch to the end. `#/bulk` is the upload and the batches list; `#/bulk/<batch id>`
 * one batch. A live key always goes through the live-send confirmation with the count and cost.
 */
import { useCallback, useEffect, useState } from 'react';
import type { BulkBatch, BulkInspection } from '../../../src-main/contract/bulk';
import { DEFAULT_RATE_PER_MINUTE } from '../../../src-main/contract/bulk';
import type { MethodInput } from '../../../src-main/contract/methods';
import { EmptyState, LoadState } from '../../components/states';
import { useAppStore, useAppStoreApi } from '../../state/context';
import { ConfirmLiveDialog } from '../send/confirm-live-dialog';
import { BatchDetail } from './batch-detail';
import { BatchesList } from './batches-list';
import { saveCsv } from './bulk-format';
import { InspectionReport, totalsLine } from './inspection-report';
import { defaultBulkProfile, UploadPanel, type UploadChoice } from './upload-panel';
import './bulk.css';

type Encoding = MethodInput<'bulk.inspect'>['encoding'];

/** What waits for the live-send confirmation. */
type Pending = { kind: 'send'; inspection: BulkInspection } | { kind: 'start' | 'resume'; batch: BulkBatch };

function rowsLeft(b: BulkBatch): number {
  return b.counts.queued + b.counts.unknown + b.counts.inFlight;
}

export function BulkScreen() {
  const store = useAppStoreApi();
  const s = () => store.getState();
  const route = useAppStore((st) => st.route);
  const batchId = route.screen === 'bulk' ? route.batchId : undefined;
  const profiles = useAppStore((st) => st.profiles.value ?? null);
  const activeId = useAppStore((st) => st.activeProfileId);
  const batches = useAppStore((st) => st.bulkBatches);
  const inspection = useAppStore((st) => st.bulkInspection);
  const [chosen, setChoice] = useState<UploadChoice>({
    profileId: '',
    templateId: '',
    ratePerMinute: DEFAULT_RATE_PER_MINUTE,
  });
  // A test key by default, and the profile's first template, until the user picks others.
  const profileId = chosen.profileId || (profiles ? (defaultBulkProfile(profiles, activeId) ?? '') : '');
  const templates = useAppStore((st) => st.templatesByProfile[profileId]?.value ?? null);
  const templateId =
    templates?.some((t) => t.id === chosen.templateId) === true
      ? chosen.templateId
      : (templates?.[0]?.id ?? '');
  const choice: UploadChoice = { ...chosen, profileId, templateId };
  const [file, setFile] = useState<{ name: string; bytes: Uint8Array } | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);

  useEffect(() => {
    if (s().bulkBatches.status === 'idle') void s().loadBulkBatches();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per visit
  }, []);
  const check = useCallback(
    (f: { name: string; bytes: Uint8Array }, encoding?: Encoding) => {
      setFile(f);
      void store.getState().inspectSheet({
        profileId: choice.profileId,
        templateId: choice.templateId,
        fileName: f.name,
        bytes: f.bytes,
        ...(encoding ? { encoding } : {}),
      });
    },
    [store, choice.profileId, choice.templateId],
  );

  const profileOf = (id: string) => profiles?.find((p) => p.id === id) ?? null;
  const send = async (i: BulkInspection, liveConfirmed: boolean) => {
    const id = await s().sendInspection(i.inspectionId, choice.ratePerMinute, liveConfirmed);
    if (id) s().navigate({ screen: 'bulk', batchId: id });
  };
  const requestSend = (i: BulkInspection) =>
    i.keyType === 'live' ? setPending({ kind: 'send', inspection: i }) : void send(i, false);
  const requestRun = (kind: 'start' | 'resume', b: BulkBatch) => {
    if (b.keyType === 'live') return setPending({ kind, batch: b });
    if (kind === 'start') void s().startBatch(b.batchId, false);
    else void s().bulkAction('resume', b.batchId);
  };
  const confirmed = () => {
    const p = pending;
    setPending(null);
    if (!p) return;
    if (p.kind === 'send') void send(p.inspection, true);
    else if (p.kind === 'start') void s().startBatch(p.batch.batchId, true);
    else void s().bulkAction('resume', p.batch.batchId, { liveConfirmed: true });
  };

  const batch = batchId ? (batches.value?.find((b) => b.batchId === batchId) ?? null) : null;
  const pendingProfile = pending
    ? profileOf(pending.kind === 'send' ? pending.inspection.profileId : pending.batch.profileId)
    : null;

  return (
    <div className="screen" data-testid="screen-bulk">
      <div className="screen__head">
        <h1 tabIndex={-1}>Bulk send</h1>
        {batchId ? (
          <a
            href="#/bulk"
            onClick={(e) => {
              e.preventDefault();
              s().navigate({ screen: 'bulk' });
            }}
          >
            All batches and a new upload
          </a>
        ) : (
          <p className="muted">
            Send one message per row of a spreadsheet, checked as Notify checks it, each row exactly once.
          </p>
        )}
      </div>
      {batchId ? (
        <LoadState
          loadable={batches}
          loadingLabel="Loading the batch…"
          errorTitle="Could not list the batches"
          onRetry={() => void s().loadBulkBatches()}
          isEmpty={() => batch === null}
          empty={
            <EmptyState title="No such batch" testId="bulk-no-batch">
              It may have been made in another data folder.
            </EmptyState>
          }
        >
          {() =>
            batch ? (
              <BatchDetail
                batch={batch}
                onStart={() => requestRun('start', batch)}
                onResume={() => requestRun('resume', batch)}
              />
            ) : null
          }
        </LoadState>
      ) : (
        <>
          <UploadPanel
            choice={choice}
            onChoice={setChoice}
            onFile={(f) => check(f)}
            busy={inspection.status === 'loading'}
          />
          <LoadState
            loadable={inspection}
            loadingLabel="Checking the file…"
            errorTitle="Could not check the file"
            onRetry={file ? () => check(file) : undefined}
          >
            {(report) => (
              <InspectionReport
                inspection={report}
                onClear={() => {
                  setFile(null);
                  s().clearInspection();
                }}
                onErrorReport={() => void s().errorReportFile(report.inspectionId).then(saveCsv)}
                onReadAs={(encoding) => file && check(file, encoding as Encoding)}
                onSend={() => requestSend(report)}
              />
            )}
          </LoadState>
          <BatchesList />
        </>
      )}
      {pending && pendingProfile ? (
        <ConfirmLiveDialog
          profile={pendingProfile}
          recipient={
            pending.kind === 'send'
              ? `${pending.inspection.totals.sendable.toLocaleString('en-GB')} recipients, one per row of ${pending.inspection.fileName}`
              : `${rowsLeft(pending.batch).toLocaleString('en-GB')} rows of ${pending.batch.fileName} still to send`
          }
          cost={
            pending.kind === 'send'
              ? totalsLine(pending.inspection)
              : 'As estimated when the sheet was checked, for the rows still to send'
          }
          onConfirm={confirmed}
          onClose={() => setPending(null)}
        />
      ) : null}
    </div>
  );
}
