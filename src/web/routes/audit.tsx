import { data } from 'react-router';
import { listAuditEvents, listAuditScope, type AuditEvent } from '#modules/audit/index.ts';
import { isAppError } from '#platform/errors.ts';
import { translateError, translateIssue, type Catalog } from '#i18n/index.ts';
import type { Route } from './+types/audit';
import { ctxOf } from '../app-context.ts';
import { ErrorSummary, fieldId, SelectField, TextField } from '../components/forms.tsx';
import { useI18n } from '../i18n.tsx';
import { langOf, load } from '../run.server.ts';

const PAGE = 50;
const FILTERS = ['party', 'action', 'actor', 'targetType', 'from', 'to'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;

/** Reads the GET filter form; a filter the user got wrong is shown on the form, not as an error page. */
export async function loader({ context, request }: Route.LoaderArgs) {
  const sp = new URL(request.url).searchParams;
  const values = Object.fromEntries(FILTERS.map((k) => [k, (sp.get(k) ?? '').slice(0, 200)])) as Filters;
  const page = Math.min(100_000, Math.max(1, Number(sp.get('page')) || 1));
  const ctx = ctxOf(context);
  const scope = await load(request, () => listAuditScope(ctx));
  try {
    const result = await listAuditEvents(ctx, { ...values, limit: PAGE, offset: (page - 1) * PAGE });
    return { scope, values, page, result, failed: null };
  } catch (e) {
    if (!isAppError(e) || e.kind !== 'invalid') return load(request, () => Promise.reject(e));
    const lang = langOf(request);
    const fieldErrors: Record<string, string> = {};
    for (const i of e.issues) fieldErrors[i.field] ??= translateIssue(lang, i.code, i.params);
    return data({ scope, values, page, result: null, failed: { message: translateError(lang, e.code), fieldErrors } }, { status: 400 });
  }
}

const KNOWN_TARGETS = ['party', 'party_body', 'user', 'api_token', 'accessibility_feedback', 'reference'] as const;

export default function AuditPage({ loaderData }: Route.ComponentProps) {
  const { t, lang, href, dateTime, number } = useI18n();
  const { scope, values, page, result, failed } = loaderData;
  const a = t.admin.audit;
  const labels: Record<string, string> = { party: a.party, action: a.action, actor: a.actor, targetType: a.targetType, from: a.from, to: a.to };
  const pages = result ? Math.max(1, Math.ceil(result.total / PAGE)) : 1;
  const qs = (p: number) => {
    const q = new URLSearchParams();
    for (const k of FILTERS) if (values[k]) q.set(k, values[k]);
    q.set('page', String(p));
    return `?${q}`;
  };
  const partyOptions = [
    { value: '', label: scope.all ? a.allParties : a.allOwnParties },
    ...scope.parties.map((p) => ({ value: p.id, label: p.name[lang] })),
  ];
  const targetOptions = [{ value: '', label: a.targetAny }, ...KNOWN_TARGETS.map((k) => ({ value: k, label: a.targetTypes[k] }))];
  return (
    <div className="page">
      <title>{`${a.title} – ${t.common.appName}`}</title>
      <h1>{a.title}</h1>
      <p className="lead">{a.intro}</p>
      {!scope.all && <p>{a.introPartyAdmin}</p>}
      {failed && <ErrorSummary message={failed.message} fieldErrors={failed.fieldErrors} labels={labels} />}
      <form method="get" action={href('/audit')} className="card" aria-labelledby="audit-filters-h">
        <h2 id="audit-filters-h">{a.filters}</h2>
        <div className="filters">
          <SelectField name="party" label={a.party} options={partyOptions} defaultValue={values.party} error={failed?.fieldErrors.party} />
          <div className={failed?.fieldErrors.action ? 'field field--error' : 'field'}>
            <label htmlFor={fieldId('action')}>{a.action}</label>
            <p className="field__hint" id={`${fieldId('action')}-hint`}>
              {a.actionHint}
            </p>
            {failed?.fieldErrors.action && (
              <p className="field__error" id={`${fieldId('action')}-error`}>
                {failed.fieldErrors.action}
              </p>
            )}
            <input
              id={fieldId('action')}
              name="action"
              type="text"
              list="audit-actions"
              defaultValue={values.action}
              spellCheck={false}
              aria-invalid={failed?.fieldErrors.action ? true : undefined}
              aria-describedby={[`${fieldId('action')}-hint`, failed?.fieldErrors.action ? `${fieldId('action')}-error` : ''].filter(Boolean).join(' ')}
            />
            <datalist id="audit-actions">
              {Object.entries(a.actions).map(([code, words]) => (
                <option key={code} value={code}>
                  {words}
                </option>
              ))}
            </datalist>
          </div>
          <TextField name="actor" label={a.actor} hint={a.actorHint} defaultValue={values.actor} error={failed?.fieldErrors.actor} />
          <SelectField name="targetType" label={a.targetType} options={targetOptions} defaultValue={values.targetType} error={failed?.fieldErrors.targetType} />
          <TextField name="from" type="date" label={a.from} hint={a.dateHint} defaultValue={values.from} error={failed?.fieldErrors.from} />
          <TextField name="to" type="date" label={a.to} hint={a.dateHint} defaultValue={values.to} error={failed?.fieldErrors.to} />
        </div>
        <div className="actions">
          <button type="submit" className="button">
            {a.apply}
          </button>
          <a href={href('/audit')}>{a.clear}</a>
        </div>
      </form>

      {result && (
        <>
          <p role="status">{t.common.results(result.total)}</p>
          {result.items.length === 0 ? (
            <p>{a.noEvents}</p>
          ) : (
            <table className="table audit-table">
              <caption>{a.tableCaption(result.total)}</caption>
              <thead>
                <tr>
                  <th scope="col">{a.colWhen}</th>
                  <th scope="col">{a.colWho}</th>
                  <th scope="col">{a.colParty}</th>
                  <th scope="col">{a.colAction}</th>
                  <th scope="col">{a.colTarget}</th>
                  <th scope="col">{a.colChanges}</th>
                </tr>
              </thead>
              <tbody>
                {result.items.map((e) => (
                  <tr key={e.id}>
                    <td>
                      <time dateTime={new Date(e.occurredAt).toISOString()}>{dateTime(e.occurredAt)}</time>
                    </td>
                    <td>{e.actor.label}</td>
                    <td>{e.party ? <a href={href(`/parties/${e.party.id}`)}>{e.party.name[lang]}</a> : <span className="muted">{a.platformEvent}</span>}</td>
                    <th scope="row">
                      {actionWords(t, e.action)}
                      <br />
                      <code className="muted">{e.action}</code>
                    </th>
                    <td>
                      {(a.targetTypes as Record<string, string>)[e.target.type] ?? e.target.type}
                      {e.target.label && (
                        <>
                          : {e.target.type === 'party' && e.target.id ? <a href={href(`/parties/${e.target.id}`)}>{e.target.label}</a> : e.target.label}
                        </>
                      )}
                    </td>
                    <td>
                      <Changes event={e} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {pages > 1 && (
            <nav className="pagination" aria-label={a.pagination}>
              {page > 1 && (
                <a href={qs(page - 1)} rel="prev">
                  {t.common.previous}
                </a>
              )}
              <span aria-current="page">{t.common.pageOf(page, pages)}</span>
              {page < pages && (
                <a href={qs(page + 1)} rel="next">
                  {t.common.next}
                </a>
              )}
              <span className="muted">{number(result.total)}</span>
            </nav>
          )}
        </>
      )}
    </div>
  );
}

function actionWords(t: Catalog, code: string): string {
  return (t.admin.audit.actions as Record<string, string>)[code] ?? code;
}

/** Before → after of each changed field, in words where the value is a code (role, language, body type). */
function Changes({ event }: { event: AuditEvent }) {
  const { t } = useI18n();
  const a = t.admin.audit;
  const before = event.before ?? {};
  const after = event.after ?? {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  if (keys.length === 0) return <span className="muted">{a.noChanges}</span>;
  const show = (field: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return a.emptyValue;
    if (typeof v === 'boolean') return v ? t.common.yes : t.common.no;
    if (typeof v === 'string') {
      const coded =
        field === 'role'
          ? (t.common.roles as Record<string, string>)[v]
          : field === 'language'
            ? (t.common.languages as Record<string, string>)[v]
            : field === 'kind'
              ? (t.parties.bodyKinds as Record<string, string>)[v]
              : undefined;
      const s = coded ?? v;
      return s.length > 120 ? `${s.slice(0, 117)}…` : s;
    }
    const s = JSON.stringify(v);
    return s.length > 120 ? `${s.slice(0, 117)}…` : s;
  };
  const hasBoth = event.before !== null && event.after !== null;
  return (
    <ul className="changes">
      {keys.map((k) => (
        <li key={k}>
          <span className="changes__field">{(a.fields as Record<string, string>)[k] ?? k}</span>:{' '}
          {hasBoth ? (
            <>
              {show(k, before[k])} → {show(k, after[k])}
            </>
          ) : (
            show(k, k in after ? after[k] : before[k])
          )}
        </li>
      ))}
    </ul>
  );
}
