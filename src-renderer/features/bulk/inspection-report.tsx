/**
 * The check of an uploaded sheet, as Notify's admin shows it: the file-level banner first (only
 * the first problem, as Notify does), then the row-errors summary, then a table of the rows on
 * show, each with its message as it will be sent and its errors highlighted; totals and the cost
 * estimate; "Download error report"; and, for a sheet with no errors, the send button.
 */
import type { BulkInspection } from '../../../src-main/contract/bulk';
import { Sensitive } from '../../components/sensitive';
import { formatPounds } from '../send/sms-preview';

const ENCODING_LABELS: Record<string, string> = {
  'windows-1252': 'Windows (Western European)',
  'utf-16le': 'UTF-16',
  'utf-16be': 'UTF-16 (big-endian)',
};

/** "4 text messages (4 fragments), estimated £0.0788" and the like. */
export function totalsLine(i: BulkInspection): string {
  const n = i.totals.sendable;
  const noun = i.template.type === 'sms' ? 'text message' : i.template.type === 'email' ? 'email' : 'letter';
  const count = `${n.toLocaleString('en-GB')} ${noun}${n === 1 ? '' : 's'}`;
  if (i.template.type === 'sms') {
    const fragments = i.totals.fragments ?? 0;
    const intl = i.totals.international ? `, ${i.totals.international} to numbers outside the UK` : '';
    return `${count} (${fragments.toLocaleString('en-GB')} fragment${fragments === 1 ? '' : 's'}${intl}), estimated cost ${formatPounds(i.totals.costInPounds ?? 0)}`;
  }
  if (i.template.type === 'email') return `${count}, free`;
  return `${count}; the cost depends on the pages of each letter, which Notify counts when it prints`;
}

function Banner({ title, lines, testId }: { title: string; lines: string[]; testId: string }) {
  return (
    <div className="bulk-banner bulk-banner--error" role="alert" data-testid={testId}>
      <h3 className="bulk-banner__title">{title}</h3>
      {lines.map((line, i) => (
        <p key={i}>{line}</p>
      ))}
    </div>
  );
}

export function InspectionReport({
  inspection: i,
  onErrorReport,
  onReadAs,
  onSend,
  onClear,
}: {
  inspection: BulkInspection;
  onErrorReport: () => void;
  onReadAs: (encoding: string) => void;
  onSend: () => void;
  onClear: () => void;
}) {
  const headers = i.headers;
  return (
    <section className="panel bulk-report" aria-labelledby="bulk-report-title" data-testid="bulk-report">
      <div className="bulk-report__head">
        <h2 id="bulk-report-title">
          {i.fileName} <span className="muted">with {i.template.name}</span>
        </h2>
        <button type="button" className="button button--ghost button--small" onClick={onClear}>
          Choose another file
        </button>
      </div>
      {i.fileError ? (
        <div className="bulk-banner bulk-banner--error" role="alert" data-testid="bulk-file-banner">
          <h3 className="bulk-banner__title">{i.fileError.message}</h3>
          {i.fileError.suggestedEncoding ? (
            <p>
              The file is not UTF-8. It looks like{' '}
              {ENCODING_LABELS[i.fileError.suggestedEncoding] ?? i.fileError.suggestedEncoding} text.{' '}
              <button
                type="button"
                className="button button--small"
                onClick={() => onReadAs(i.fileError!.suggestedEncoding!)}
              >
                Read it as {ENCODING_LABELS[i.fileError.suggestedEncoding] ?? i.fileError.suggestedEncoding}
              </button>
            </p>
          ) : null}
        </div>
      ) : null}
      {i.banner ? <Banner title={i.banner.title} lines={i.banner.lines} testId="bulk-file-banner" /> : null}
      {i.rowErrors ? (
        <Banner title={i.rowErrors.title} lines={i.rowErrors.lines} testId="bulk-row-errors" />
      ) : null}
      {i.referenceProblems.length ? (
        <Banner
          title="Some references cannot be used"
          testId="bulk-reference-problems"
          lines={i.referenceProblems.map((p) => `Row ${p.row}: ${p.message}`)}
        />
      ) : null}
      {!i.fileError ? (
        <p className="bulk-report__totals" data-testid="bulk-totals">
          {i.dataRowCount.toLocaleString('en-GB')} row{i.dataRowCount === 1 ? '' : 's'} in the file.{' '}
          {i.sendable ? `Ready to send: ${totalsLine(i)}.` : 'Nothing can be sent until every row is fixed.'}
        </p>
      ) : null}
      {i.template.type === 'letter' ? (
        <p className="bulk-hint" data-testid="bulk-letter-pages">
          The console cannot count a letter’s pages before sending. A letter over 10 pages is still sent, and
          Notify then fails it with the status “validation failed” (letter too long); the results show it.
        </p>
      ) : null}
      {i.rows.length ? (
        <div className="bulk-scroll" tabIndex={0} role="region" aria-label="Rows of the file">
          <table className="table bulk-rows" data-testid="bulk-preview-table">
            <caption className="visually-hidden">
              {i.sendable ? 'The first rows, as they will be sent' : 'Rows with errors'}
            </caption>
            <thead>
              <tr>
                <th scope="col">Row</th>
                {headers.map((h, n) => (
                  <th scope="col" key={n}>
                    {h}
                  </th>
                ))}
                <th scope="col">As it will be sent</th>
              </tr>
            </thead>
            <tbody>
              {i.rows.map((row) => {
                const errorsByColumn = new Map(row.cellErrors.map((e) => [e.column, e.message]));
                const hasError = row.label !== null || row.cellErrors.length > 0;
                return (
                  <tr
                    key={row.row}
                    className={hasError ? 'bulk-rows__row--error' : undefined}
                    data-testid="bulk-preview-row"
                  >
                    <th scope="row">{row.row}</th>
                    {headers.map((h, n) => {
                      const error = errorsByColumn.get(h);
                      return (
                        <td key={n} className={error ? 'bulk-rows__cell--error' : undefined}>
                          {error ? (
                            <span className="bulk-rows__error" data-testid="bulk-cell-error">
                              {error}
                            </span>
                          ) : null}
                          <Sensitive>{row.cells[n] ?? ''}</Sensitive>
                        </td>
                      );
                    })}
                    <td className="pre-wrap bulk-rows__message">
                      {row.label ? (
                        <span className="bulk-rows__error" data-testid="bulk-row-label">
                          {row.label}
                        </span>
                      ) : null}
                      {row.preview ? (
                        <Sensitive block>
                          {row.preview.subject ? <strong>{row.preview.subject}</strong> : null}
                          {row.preview.subject ? '\n' : null}
                          {row.preview.body}
                        </Sensitive>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      {i.footer ? <p className="bulk-hint">{i.footer}</p> : null}
      <div className="form__actions">
        {i.sendable ? (
          <button type="button" className="button" onClick={onSend} data-testid="bulk-send">
            Send {i.totals.sendable.toLocaleString('en-GB')} message{i.totals.sendable === 1 ? '' : 's'}
          </button>
        ) : null}
        {i.hasErrorReport ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={onErrorReport}
            data-testid="bulk-error-report"
          >
            Download error report
          </button>
        ) : null}
      </div>
    </section>
  );
}
