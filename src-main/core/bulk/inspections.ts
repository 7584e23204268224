/**
 * Checking an uploaded sheet for the upload screen (`bulk.inspect`) and keeping what a batch needs
 * until the user sends it (`bulk.create`) or downloads the error report.
 *
 * The sheet is read and checked in the worker (read-in-worker.ts), which also prepares every row's
 * request with references made from a batch id chosen now, renders the rows on show as they will
 * be sent, and writes the error report. The core keeps the last few inspections in memory for an
 * hour; the view gets the summary, never more than the rows on show.
 */
import { randomUUID } from 'node:crypto';
import type { BulkInspection } from '../../contract/bulk';
import type { PublicProfile } from '../../contract/schemas';
import type { Template } from '../../../src-shared/notify/resources';
import type { ServiceRules } from '../../../src-shared/spreadsheet/index';
import type { TemplateParts } from '../../../src-shared/template/index';
import { CoreError } from '../ports';
import type { TextEncodingName } from './csv-text';
import type { PreparedRequests } from './prepared-requests';
import { checkSheetInWorker, type WorkerOptions } from './read-in-worker';
import { SheetReadError } from './sheet-rows';

/**
 * What a check assumes of the service, which the public API cannot tell: Notify's defaults for a
 * new service. The API still applies the real permissions to each request, so a row the service
 * may not send to fails with Notify's own message.
 */
const DEFAULT_SERVICE_RULES: ServiceRules = {
  internationalSms: true,
  smsToUkLandlines: false,
  internationalLetters: true,
};

/** Text a cell or header carries to the view at most; the request itself keeps the whole value. */
const CELL_VIEW_CHARACTERS = 500;
const KEPT = 4;
const KEPT_FOR_MS = 60 * 60_000;

/** What an inspection keeps for `bulk.create` and `bulk.errorReport`. */
interface Inspection {
  id: string;
  at: number;
  profileId: string;
  fileName: string;
  template: { id: string; name: string; version: number; type: TemplateParts['type'] };
  /** The batch the requests' made references belong to. */
  batchId: string;
  /** A sendable sheet's requests (null when it has errors). */
  requests: PreparedRequests | null;
  errorReport: string | null;
}

interface InspectInput {
  profile: PublicProfile;
  template: Template;
  fileName: string;
  bytes: Uint8Array;
  encoding?: TextEncodingName;
}

function cellView(text: string): string {
  return text.length > CELL_VIEW_CHARACTERS ? `${text.slice(0, CELL_VIEW_CHARACTERS)}…` : text;
}

function partsOf(t: Template): TemplateParts {
  return {
    type: t.type,
    subject: t.subject ?? null,
    content: t.body,
    letterContactBlock: t.letter_contact_block,
  };
}

/** The last few inspections, by id. */
export class Inspections {
  private readonly kept = new Map<string, Inspection>();

  constructor(
    private readonly worker: WorkerOptions = {},
    private readonly now: () => number = Date.now,
  ) {}

  /** Reads and checks the upload; the view of the result, and the inspection kept behind it. */
  async inspect(input: InspectInput): Promise<BulkInspection> {
    const { profile, template } = input;
    const inspection: Inspection = {
      id: randomUUID(),
      at: this.now(),
      profileId: profile.id,
      fileName: input.fileName,
      template: { id: template.id, name: template.name, version: template.version, type: template.type },
      batchId: randomUUID(),
      requests: null,
      errorReport: null,
    };
    const base: Omit<BulkInspection, 'fileError'> = {
      inspectionId: inspection.id,
      fileName: input.fileName,
      profileId: profile.id,
      keyType: profile.keyType,
      template: inspection.template,
      headers: [],
      dataRowCount: 0,
      banner: null,
      rowErrors: null,
      referenceProblems: [],
      rows: [],
      footer: null,
      totals: { rows: 0, sendable: 0, fragments: null, international: null, costInPounds: null },
      sendable: false,
      hasErrorReport: false,
    };
    let result;
    try {
      result = await checkSheetInWorker(
        {
          bytes: input.bytes,
          fileName: input.fileName,
          ...(input.encoding ? { encoding: input.encoding } : {}),
          template: partsOf(template),
          rules: DEFAULT_SERVICE_RULES,
          requestOptions: { templateId: template.id, referencePrefix: inspection.batchId },
          report: true,
        },
        this.worker,
      );
    } catch (err) {
      if (!(err instanceof SheetReadError)) throw err;
      const suggested = err.details['suggestedEncoding'];
      return {
        ...base,
        fileError: {
          message: err.message,
          suggestedEncoding: typeof suggested === 'string' ? suggested : null,
        },
      };
    }
    const { summary, requests } = result;
    const problems = requests?.problems ?? [];
    inspection.requests = requests && problems.length === 0 ? requests : null;
    inspection.errorReport = result.errorReport ?? null;
    this.keep(inspection);
    return {
      ...base,
      fileError: null,
      headers: summary.headers.map(cellView),
      dataRowCount: summary.dataRowCount,
      banner: summary.banner ? { ...summary.banner } : null,
      rowErrors: summary.rowErrors,
      referenceProblems: problems.slice(0, 50).map((p) => ({ row: p.rowNumber, message: p.message })),
      rows: summary.shown.map((row, i) => ({
        row: row.rowNumber,
        cells: row.cells.slice(0, 1_000).map(cellView),
        label: row.check?.label ?? null,
        cellErrors: row.check?.cellErrors ?? [],
        preview: result.previews?.[i] ?? null,
        fragments: row.check?.fragments ?? null,
      })),
      footer: summary.footer,
      totals: {
        rows: summary.totals.rows,
        sendable: summary.totals.sendable,
        fragments: summary.totals.fragments,
        international: summary.totals.international,
        costInPounds: summary.totals.costInPounds,
      },
      sendable: summary.sendable && inspection.requests !== null,
      hasErrorReport: inspection.errorReport !== null,
    };
  }

  /** A kept inspection, or Notify-style guidance to upload again. */
  get(id: string): Inspection {
    this.expire();
    const found = this.kept.get(id);
    if (!found) {
      throw new CoreError(
        'not-found',
        'This upload is no longer held by the console (it keeps the last few for an hour). Upload the file again.',
      );
    }
    return found;
  }

  /** Forgets an inspection once its batch is made, so the same references are never used twice. */
  take(id: string): Inspection {
    const found = this.get(id);
    this.kept.delete(id);
    return found;
  }

  private keep(inspection: Inspection): void {
    this.expire();
    this.kept.set(inspection.id, inspection);
    while (this.kept.size > KEPT) this.kept.delete(this.kept.keys().next().value!);
  }

  private expire(): void {
    const now = this.now();
    for (const [id, i] of this.kept) if (now - i.at > KEPT_FOR_MS) this.kept.delete(id);
  }
}
