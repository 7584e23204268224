/**
 * Templates of the active profile: filter by type, search, open one.
 */
import { useEffect } from 'react';
import type { PublicProfile } from '../../../src-main/contract/schemas';
import { SelectField, TextField } from '../../components/fields';
import { EmptyState, LoadState } from '../../components/states';
import { filterTemplates, TEMPLATE_TYPE_LABELS, type TemplateTypeFilter } from './template-filter';
import { useAppStore, useAppStoreApi } from '../../state/context';
import { RequireProfile } from '../shell/require-profile';
import { TemplateDetail } from './template-detail';

const TYPE_OPTIONS: ReadonlyArray<{ value: TemplateTypeFilter; label: string }> = [
  { value: 'all', label: 'All types' },
  { value: 'sms', label: 'Text messages' },
  { value: 'email', label: 'Emails' },
  { value: 'letter', label: 'Letters' },
];

function Templates({ profile }: { profile: PublicProfile }) {
  const store = useAppStoreApi();
  const templates = useAppStore((s) => s.templatesByProfile[profile.id]);
  const filter = useAppStore((s) => s.templateFilter);
  const route = useAppStore((s) => s.route);
  const selectedId = route.screen === 'templates' ? route.templateId : undefined;
  useEffect(() => {
    void store.getState().loadTemplates(profile.id);
  }, [store, profile.id]);
  const all = templates?.value ?? [];
  const shown = filterTemplates(all, filter);
  const selected = all.find((t) => t.id === selectedId) ?? null;
  return (
    <div className="split">
      <section className="split__list" aria-labelledby="template-list-heading">
        <h2 id="template-list-heading" className="visually-hidden">
          Template list
        </h2>
        <div className="filters">
          <TextField
            label="Search templates"
            type="search"
            value={filter.search}
            onChange={(search) => store.getState().setTemplateFilter({ search })}
            data-search=""
            placeholder="Name, id or text"
          />
          <SelectField
            label="Type"
            value={filter.type}
            options={TYPE_OPTIONS}
            onChange={(type) => store.getState().setTemplateFilter({ type })}
          />
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => void store.getState().loadTemplates(profile.id, { force: true })}
          >
            Refresh
          </button>
        </div>
        <LoadState
          loadable={templates}
          loadingLabel="Loading templates…"
          errorTitle="Could not load templates"
          onRetry={() => void store.getState().loadTemplates(profile.id, { force: true })}
          isEmpty={(list) => list.length === 0}
          empty={
            <EmptyState title="This service has no templates">Create templates in GOV.UK Notify.</EmptyState>
          }
        >
          {() =>
            shown.length === 0 ? (
              <EmptyState title="No template matches">Try another search or type.</EmptyState>
            ) : null
          }
        </LoadState>
        <p className="muted small" role="status">
          {all.length ? `${shown.length} of ${all.length} templates` : ''}
        </p>
        <ul className="item-list" aria-label="Templates">
          {shown.map((t) => (
            <li key={t.id}>
              <button
                type="button"
                className={`item-list__item ${t.id === selectedId ? 'item-list__item--current' : ''}`}
                aria-current={t.id === selectedId ? 'true' : undefined}
                data-testid="template-item"
                onClick={() => store.getState().navigate({ screen: 'templates', templateId: t.id })}
              >
                <span className="item-list__title">{t.name}</span>
                <span className="item-list__meta">
                  {TEMPLATE_TYPE_LABELS[t.type]} · version {t.version}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </section>
      <section className="split__detail" aria-label="Template detail">
        {selected ? (
          <TemplateDetail profileId={profile.id} template={selected} />
        ) : (
          <EmptyState title="Choose a template">Its content, placeholders and versions show here.</EmptyState>
        )}
      </section>
    </div>
  );
}

export function TemplatesScreen() {
  return (
    <div className="screen" data-testid="screen-templates">
      <div className="screen__head">
        <h1 tabIndex={-1}>Templates</h1>
      </div>
      <RequireProfile>{(profile) => <Templates profile={profile} />}</RequireProfile>
    </div>
  );
}
