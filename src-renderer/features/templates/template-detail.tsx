/**
 * One template: its content, placeholders, every version and a diff between any two.
 */
import { useEffect, useState } from 'react';
import type { Template } from '../../../src-main/contract/schemas';
import { CopyButton } from '../../components/copy-button';
import { LoadState } from '../../components/states';
import { Tabs } from '../../components/tabs';
import { placeholderFields } from '../send/placeholder-fields';
import { TEMPLATE_TYPE_LABELS, sortVersions } from './template-filter';
import { formatDateTime } from '../../lib/time';
import { useAppStore, useAppStoreApi } from '../../state/context';
import { versionsKey } from '../../state/slices/templates-slice';
import { VersionDiff } from './version-diff';

function TemplateContent({ template }: { template: Template }) {
  return (
    <div className="template-content">
      {template.subject !== null && template.subject !== undefined ? (
        <>
          <h4 className="label">Subject</h4>
          <pre className="code-block code-block--wrap">{template.subject}</pre>
        </>
      ) : null}
      <h4 className="label">Body</h4>
      <pre className="code-block code-block--wrap" data-testid="template-body">
        {template.body}
      </pre>
      {template.letter_contact_block ? (
        <>
          <h4 className="label">Contact block</h4>
          <pre className="code-block code-block--wrap">{template.letter_contact_block}</pre>
        </>
      ) : null}
    </div>
  );
}

/** Every version of a template, newest first, and a diff between any two. */
function VersionTabs({ versions }: { versions: Template[] }) {
  const [tab, setTab] = useState<'list' | 'diff'>('list');
  const sorted = sortVersions(versions);
  return (
    <Tabs
      label="Versions"
      tabs={[
        { id: 'list', label: `Every version (${sorted.length})` },
        { id: 'diff', label: 'Compare versions' },
      ]}
      selected={tab}
      onSelect={(id) => setTab(id as 'list' | 'diff')}
    >
      {tab === 'list' ? (
        <ol className="version-list" data-testid="version-list">
          {sorted.map((v) => (
            <li key={v.version} className="version-list__item">
              <details>
                <summary>
                  Version {v.version} · {formatDateTime(v.updated_at ?? v.created_at)} · {v.created_by}
                </summary>
                <TemplateContent template={v} />
              </details>
            </li>
          ))}
        </ol>
      ) : (
        <VersionDiff versions={sorted} />
      )}
    </Tabs>
  );
}

function Versions({ profileId, template }: { profileId: string; template: Template }) {
  const store = useAppStoreApi();
  const versions = useAppStore((s) => s.versionsByTemplate[versionsKey(profileId, template.id)]);
  useEffect(() => {
    if (!versions) void store.getState().loadVersions(profileId, template.id);
  }, [store, profileId, template.id, versions]);
  return (
    <LoadState
      loadable={versions}
      loadingLabel="Loading versions…"
      errorTitle="Could not load versions"
      onRetry={() => void store.getState().loadVersions(profileId, template.id)}
    >
      {(value) => <VersionTabs versions={value} />}
    </LoadState>
  );
}

export function TemplateDetail({ profileId, template }: { profileId: string; template: Template }) {
  const store = useAppStoreApi();
  const [tab, setTab] = useState<'content' | 'versions'>('content');
  const fields = placeholderFields(template);
  return (
    <article className="detail" aria-labelledby="template-heading" data-testid="template-detail">
      <div className="detail__head">
        <h2 id="template-heading">{template.name}</h2>
        <button
          type="button"
          className="button"
          onClick={() => {
            store.getState().setSendTemplate(template.id);
            store.getState().navigate({ screen: 'send', templateId: template.id });
          }}
        >
          Send with this template
        </button>
      </div>
      <dl className="facts">
        <div>
          <dt>Template ID</dt>
          <dd className="facts__with-action">
            <code data-testid="template-id">{template.id}</code>
            <CopyButton text={template.id} label="Copy ID" testId="copy-template-id" />
          </dd>
        </div>
        <div>
          <dt>Type</dt>
          <dd>{TEMPLATE_TYPE_LABELS[template.type]}</dd>
        </div>
        <div>
          <dt>Version</dt>
          <dd>{template.version}</dd>
        </div>
        <div>
          <dt>Updated</dt>
          <dd>
            {formatDateTime(template.updated_at ?? template.created_at)} by {template.created_by}
          </dd>
        </div>
        {template.postage ? (
          <div>
            <dt>Postage</dt>
            <dd>{template.postage}</dd>
          </div>
        ) : null}
      </dl>
      <section aria-labelledby="placeholders-heading">
        <h3 id="placeholders-heading">Placeholders</h3>
        {fields.length ? (
          <ul className="placeholder-list" data-testid="placeholders">
            {fields.map((f) => (
              <li key={f.name}>
                <code>(({f.name}))</code>
                {f.conditionalOnly ? (
                  <span className="muted">
                    {' '}
                    yes/no: shows “{f.conditionalTexts.map((t) => t.trim()).join('” / “')}”
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">This template has no placeholders.</p>
        )}
      </section>
      <Tabs
        label="Template"
        tabs={[
          { id: 'content', label: 'Content' },
          { id: 'versions', label: 'Versions and diff' },
        ]}
        selected={tab}
        onSelect={(id) => setTab(id as 'content' | 'versions')}
      >
        {tab === 'content' ? (
          <TemplateContent template={template} />
        ) : (
          <Versions profileId={profileId} template={template} />
        )}
      </Tabs>
    </article>
  );
}
