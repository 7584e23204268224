/**
 * A line diff between two versions of a template (subject and body).
 */
import { useState } from 'react';
import type { Template } from '../../../src-main/contract/schemas';
import { SelectField } from '../../components/fields';
import { EmptyState } from '../../components/states';
import { diffLines, diffStats } from './line-diff';
import { formatDateTime } from '../../lib/time';
import './version-diff.css';

/** The text compared: the subject (for emails and letters) as a first line, then the body. */
function versionText(t: Template): string {
  return t.subject !== null && t.subject !== undefined ? `Subject: ${t.subject}\n\n${t.body}` : t.body;
}

const MARK = { same: ' ', added: '+', removed: '−' } as const;

export function VersionDiff({ versions }: { versions: readonly Template[] }) {
  const newest = versions[0];
  const [from, setFrom] = useState(String(versions[1]?.version ?? newest?.version ?? ''));
  const [to, setTo] = useState(String(newest?.version ?? ''));
  if (versions.length < 2)
    return <EmptyState title="Only one version">There is nothing to compare yet.</EmptyState>;
  const options = versions.map((v) => ({
    value: String(v.version),
    label: `Version ${v.version} (${formatDateTime(v.updated_at ?? v.created_at)})`,
  }));
  const a = versions.find((v) => String(v.version) === from);
  const b = versions.find((v) => String(v.version) === to);
  const lines = a && b ? diffLines(versionText(a), versionText(b)) : [];
  const stats = diffStats(lines);
  return (
    <div className="diff" data-testid="version-diff">
      <div className="form__row">
        <SelectField
          label="Compare version"
          value={from}
          onChange={setFrom}
          options={options}
          testId="diff-from"
        />
        <SelectField label="with version" value={to} onChange={setTo} options={options} testId="diff-to" />
      </div>
      <p role="status" data-testid="diff-stats">
        {stats.added === 0 && stats.removed === 0
          ? 'These versions are the same.'
          : `${stats.added} line${stats.added === 1 ? '' : 's'} added, ${stats.removed} removed.`}
      </p>
      <table className="diff__table" aria-label={`Differences between version ${from} and version ${to}`}>
        <thead className="visually-hidden">
          <tr>
            <th scope="col">Line in version {from}</th>
            <th scope="col">Line in version {to}</th>
            <th scope="col">Change</th>
            <th scope="col">Text</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l, i) => (
            <tr key={i} className={`diff__line diff__line--${l.kind}`} data-kind={l.kind}>
              <td className="diff__num">{l.oldNumber ?? ''}</td>
              <td className="diff__num">{l.newNumber ?? ''}</td>
              <td className="diff__mark" aria-label={l.kind === 'same' ? 'unchanged' : l.kind}>
                {MARK[l.kind]}
              </td>
              <td className="diff__text">{l.text === '' ? '\u00a0' : l.text}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
