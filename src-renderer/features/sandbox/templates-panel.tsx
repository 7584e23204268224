/**
 * The embedded sandbox's templates per service: name, type, latest version and id (to copy into
 * your own code). New ones and new versions are made on the "Service settings" tab.
 */
import type { PanelService } from '../../../src-main/contract/sandbox';
import { CopyButton } from '../../components/copy-button';

const TYPE_NAMES = { sms: 'Text message', email: 'Email', letter: 'Letter' } as const;

export function TemplatesPanel({ services }: { services: PanelService[] }) {
  return (
    <div className="sandbox-services">
      {services.map((service) => (
        <section key={service.id} className="panel" aria-labelledby={`tpl-${service.id}`}>
          <h2 id={`tpl-${service.id}`}>{service.name}</h2>
          <table className="table table--compact" data-testid="sandbox-templates">
            <caption className="visually-hidden">Templates of {service.name}</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Type</th>
                <th scope="col">Version</th>
                <th scope="col">Id</th>
              </tr>
            </thead>
            <tbody>
              {service.templates.map((t) => (
                <tr key={t.id} data-testid="sandbox-template">
                  <td>
                    {t.name} {t.archived ? <span className="pill pill--quiet">Archived</span> : null}
                  </td>
                  <td>{TYPE_NAMES[t.type]}</td>
                  <td>{t.version ?? '—'}</td>
                  <td className="sandbox-actions">
                    <code>{t.id}</code>
                    <CopyButton text={t.id} label="Copy id" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}
