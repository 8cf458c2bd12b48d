import type { T } from '../../src/i18n/index.js';
import { TableScroll } from '../components/TableScroll.js';

/** One property line of a request schema, flattened for reading (`days[].date`). */
export interface SchemaRow {
  name: string;
  type: string;
  required: boolean;
  notes: string;
}

export interface ParamRow {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  type: string;
  notes: string;
}

export interface OperationModel {
  anchor: string;
  method: string;
  path: string;
  summary: string;
  description: string | null;
  public: boolean;
  params: ParamRow[];
  bodyMedia: string | null;
  body: SchemaRow[];
  responses: { status: string; description: string }[];
  curl: string;
}

export interface DocsModel {
  tags: { name: string; operations: OperationModel[] }[];
}

function Rows({ t, rows, label }: { t: T; rows: (SchemaRow | ParamRow)[]; label: string }) {
  return (
    <TableScroll label={label}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('apidocs.param_name')}</th>
            {rows.some((r) => 'in' in r) && <th scope="col">{t('apidocs.param_in')}</th>}
            <th scope="col">{t('apidocs.param_schema')}</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <td>
                <code class="token">{r.name}</code>
              </td>
              {'in' in r && <td>{t(`apidocs.in.${r.in}`)}</td>}
              <td>
                <code>{r.type}</code>
              </td>
              <td>
                {r.required ? t('apidocs.required') : t('apidocs.optional')}
                {r.notes && `; ${r.notes}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function Operation({ t, op }: { t: T; op: OperationModel }) {
  return (
    <article id={op.anchor}>
      <h3>
        <code class="token">
          {op.method} {op.path}
        </code>
      </h3>
      <p>
        {op.summary}
        {op.public && ` (${t('apidocs.public')})`}
      </p>
      {op.description && <p>{op.description}</p>}
      <h4>{t('apidocs.parameters')}</h4>
      {op.params.length ? (
        <Rows t={t} rows={op.params} label={t('apidocs.parameters')} />
      ) : (
        <p>{t('apidocs.none')}</p>
      )}
      {op.bodyMedia && (
        <>
          <h4>
            {t('apidocs.body')} (<code>{op.bodyMedia}</code>)
          </h4>
          {op.body.length ? (
            <Rows t={t} rows={op.body} label={t('apidocs.body')} />
          ) : (
            <p>{t('apidocs.none')}</p>
          )}
        </>
      )}
      <h4>{t('apidocs.responses')}</h4>
      <dl>
        {op.responses.map((r) => (
          <>
            <dt>
              <code>{r.status}</code>
            </dt>
            <dd>{r.description}</dd>
          </>
        ))}
      </dl>
      <h4>{t('apidocs.example')}</h4>
      <pre>
        <code>{op.curl}</code>
      </pre>
    </article>
  );
}

/** The API reference: tags → operations, readable without JavaScript and on a 360 px phone. */
export function ApiDocsPage({ t, model, specHref }: { t: T; model: DocsModel; specHref: string }) {
  return (
    <>
      <h1>{t('apidocs.title')}</h1>
      <p>{t('apidocs.intro')}</p>
      <p>
        <a href={specHref}>{t('apidocs.spec')}</a>
      </p>
      <h2>{t('apidocs.errors')}</h2>
      <p>{t('apidocs.errors_text')}</p>
      <nav aria-label={t('apidocs.contents')}>
        <h2>{t('apidocs.contents')}</h2>
        <ul>
          {model.tags.map((tag) => (
            <li>
              <a href={`#tag-${tag.name}`}>{tag.name}</a>
              <ul>
                {tag.operations.map((op) => (
                  <li>
                    <a href={`#${op.anchor}`} class="token">
                      {op.method} {op.path}
                    </a>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </nav>
      {model.tags.map((tag) => (
        <section id={`tag-${tag.name}`}>
          <h2>{tag.name}</h2>
          {tag.operations.map((op) => (
            <Operation t={t} op={op} />
          ))}
        </section>
      ))}
    </>
  );
}
