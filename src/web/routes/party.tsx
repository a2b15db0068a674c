import { addPartyBody, BODY_KINDS, getParty, removePartyBody, updatePartyBody } from '#modules/parties/index.ts';
import { useLocation } from 'react-router';
import type { Route } from './+types/party';
import { ctxOf } from '../app-context.ts';
import { ErrorSummary, Notice, PostForm, SelectField, SubmitButton, TextField } from '../components/forms.tsx';
import { TableScroll } from '../components/table.tsx';
import { attempt, formValues, readForm } from '../forms.server.ts';
import { useI18n } from '../i18n.tsx';
import { publicPageHeaders } from '../public-page.ts';
import { langOf, load } from '../run.server.ts';

/** Anonymous visitors may get this page from the page cache (no forms or per-visitor content for them). */
export const headers = publicPageHeaders;

export async function loader({ context, params, request }: Route.LoaderArgs) {
  return load(request, () => getParty(ctxOf(context), params.id));
}

/** Adds, renames or removes a decision-making body (intent tells which). */
export async function action({ context, params, request }: Route.ActionArgs) {
  const form = await readForm(request, context);
  const values = formValues(form);
  const ctx = ctxOf(context);
  const intent = values.intent;
  const res = await attempt(langOf(request), values, async () => {
    if (intent === 'remove-body') return removePartyBody(ctx, values.bodyId ?? '', values);
    if (intent === 'update-body') return updatePartyBody(ctx, values.bodyId ?? '', values);
    return addPartyBody(ctx, params.id, values);
  });
  if (!res.ok) return res.response;
  return { ok: true as const, intent };
}

export default function PartyPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, lang, href, number, date } = useI18n();
  const { party, bodies, people, successor, permittedActions } = loaderData;
  const canManageBodies = permittedActions.includes('party.manage_bodies');
  const failed = actionData && !actionData.ok ? actionData : undefined;
  // The edit page redirects here with ?saved=1 after a successful save.
  const { search } = useLocation();
  const saved = actionData?.ok || new URLSearchParams(search).get('saved') === '1';
  const c = party.contact;
  const kindOptions = BODY_KINDS.map((k) => ({ value: k, label: t.parties.bodyKinds[k] }));
  const bodyLabel = (kind: string) => (t.parties.bodyKinds as Record<string, string>)[kind] ?? kind;
  return (
    <div className="page">
      <title>{`${party.name[lang]} – ${t.common.appName}`}</title>
      {party.countyCode && (
        <nav aria-label={t.common.breadcrumb} className="breadcrumb">
          <a href={href('/')}>{t.common.nav.home}</a> › <a href={href(`/regions/${party.countyCode}`)}>{party.countyCode}</a>
        </nav>
      )}
      <h1>{party.name[lang]}</h1>
      {party.endedOn && (
        <p className="notice notice--warning">
          {t.parties.ended(date(party.endedOn))}
          {successor && (
            <>
              {' '}
              {t.parties.mergedInto}: <a href={href(`/parties/${successor.id}`)}>{successor.name[lang]}</a>
            </>
          )}
        </p>
      )}
      {saved && <Notice>{t.common.saved}</Notice>}
      <section aria-labelledby="facts-h">
        <h2 id="facts-h">{t.parties.facts}</h2>
        <dl className="facts">
          <div>
            <dt>{t.parties.type}</dt>
            <dd>{t.common.partyTypes[party.type]}</dd>
          </div>
          <div>
            <dt>{t.parties.code}</dt>
            <dd>{party.code}</dd>
          </div>
          <div>
            <dt>{t.parties.businessId}</dt>
            <dd>{party.businessId ?? t.common.none}</dd>
          </div>
          {party.businessIdSource && (
            <div>
              <dt>{t.parties.businessIdSource}</dt>
              <dd>{party.businessIdSource}</dd>
            </div>
          )}
          <div>
            <dt>{t.parties.language}</dt>
            <dd>{t.common.languages[party.language]}</dd>
          </div>
          {party.countyCode && (
            <div>
              <dt>{t.parties.cooperationRegion}</dt>
              <dd>
                <a href={href(`/regions/${party.countyCode}`)}>{party.countyCode}</a>
              </dd>
            </div>
          )}
          {party.population !== null && (
            <div>
              <dt>{t.parties.population}</dt>
              <dd>
                {number(party.population)}
                {party.populationYear ? ` (${t.parties.populationOn(party.populationYear)})` : ''}
              </dd>
            </div>
          )}
          <div>
            <dt>{t.parties.name}</dt>
            <dd>
              <span lang="fi">{party.name.fi}</span> / <span lang="sv">{party.name.sv}</span> / <span lang="en">{party.name.en}</span>
            </dd>
          </div>
        </dl>
        {(c.email || c.phone || c.streetAddress || c.website) && (
          <>
            <h3>{t.parties.contact}</h3>
            <dl className="facts">
              {c.streetAddress && (
                <div>
                  <dt>{t.parties.streetAddress}</dt>
                  <dd>
                    {c.streetAddress}, {c.postalCode} {c.postOffice}
                  </dd>
                </div>
              )}
              {c.email && (
                <div>
                  <dt>{t.parties.email}</dt>
                  <dd>
                    <a href={`mailto:${c.email}`}>{c.email}</a>
                  </dd>
                </div>
              )}
              {c.phone && (
                <div>
                  <dt>{t.parties.phone}</dt>
                  <dd>{c.phone}</dd>
                </div>
              )}
              {c.website && (
                <div>
                  <dt>{t.parties.website}</dt>
                  <dd>
                    <a href={c.website}>{c.website}</a>
                  </dd>
                </div>
              )}
            </dl>
          </>
        )}
        {party.type === 'municipality' && party.countyCode && (
          <p>
            <a href={href(`/parties/${party.id}/situation`)}>{t.situation.municipalityLink}</a>
          </p>
        )}
        {(party.type === 'municipality' || party.type === 'wellbeing_services_county' || party.type === 'city_of_helsinki') && party.countyCode && (
          <p>
            <a href={href(`/parties/${party.id}/obligations`)}>{t.obligations.partyLink}</a>
          </p>
        )}
        {party.countyCode && (
          <p>
            <a href={href(`/parties/${party.id}/actions`)}>{t.minutes.partyActionsLink}</a>
          </p>
        )}
        {!party.endedOn && (
          <p>
            <a href={href(`/parties/${party.id}/calendar.ics`)}>{t.calendar.partyFeedLink}</a>
          </p>
        )}
        {permittedActions.includes('party.update') && (
          <p>
            <a className="button" href={href(`/parties/${party.id}/edit`)}>
              {t.parties.editParty}
            </a>
          </p>
        )}
      </section>

      <section aria-labelledby="bodies-h">
        <h2 id="bodies-h">{t.parties.bodies}</h2>
        {failed && <ErrorSummary message={failed.message} fieldErrors={failed.fieldErrors} />}
        {bodies.length === 0 ? (
          <p>{t.parties.noBodies}</p>
        ) : (
          <ul className="bodies">
            {bodies.map((b) => (
              <li key={b.id}>
                <span lang="fi">{b.name.fi}</span>
                {b.name.sv && (
                  <>
                    {' / '}
                    <span lang="sv">{b.name.sv}</span>
                  </>
                )}{' '}
                <span className="muted">({bodyLabel(b.kind)})</span>
                {canManageBodies && (
                  <PostForm className="inline-form">
                    <input type="hidden" name="intent" value="remove-body" />
                    <input type="hidden" name="bodyId" value={b.id} />
                    <input type="hidden" name="rowVersion" value={b.rowVersion} />
                    <button type="submit" className="button button--danger button--small" aria-label={t.parties.removeBody(b.name.fi)}>
                      {t.common.remove}
                    </button>
                  </PostForm>
                )}
              </li>
            ))}
          </ul>
        )}
        {canManageBodies && (
          <PostForm className="card" aria-labelledby="add-body-h">
            <h3 id="add-body-h">{t.parties.addBody}</h3>
            <input type="hidden" name="intent" value="add-body" />
            <SelectField name="kind" label={t.parties.bodyKind} options={kindOptions} required defaultValue={failed?.values.kind} error={failed?.fieldErrors.kind} />
            <TextField name="nameFi" label={t.parties.bodyNameFi} required defaultValue={failed?.values.nameFi} error={failed?.fieldErrors.nameFi} />
            <TextField name="nameSv" label={t.parties.bodyNameSv} defaultValue={failed?.values.nameSv} error={failed?.fieldErrors.nameSv} />
            <TextField name="nameEn" label={t.parties.bodyNameEn} defaultValue={failed?.values.nameEn} error={failed?.fieldErrors.nameEn} />
            <SubmitButton>{t.common.add}</SubmitButton>
          </PostForm>
        )}
      </section>

      <section aria-labelledby="people-h">
        <h2 id="people-h">{t.parties.people}</h2>
        {people === null ? (
          <p>{t.parties.peopleHidden}</p>
        ) : people.length === 0 ? (
          <p>{t.parties.noPeople}</p>
        ) : (
          <TableScroll labelledBy="people-h">
            <table className="table">
              <caption className="visually-hidden">{t.parties.people}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.parties.colPerson}</th>
                  <th scope="col">{t.parties.colTitle}</th>
                  <th scope="col">{t.parties.colRole}</th>
                </tr>
              </thead>
              <tbody>
                {people.map((p) => (
                  <tr key={p.userId}>
                    <th scope="row">{p.displayName}</th>
                    <td>{p.title ?? ''}</td>
                    <td>{(t.common.roles as Record<string, string>)[p.role] ?? p.role}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
        {permittedActions.includes('party.manage_members') && (
          <p>
            <a className="button button--secondary" href={href(`/parties/${party.id}/people`)}>
              {t.admin.people.manageLink}
            </a>
          </p>
        )}
      </section>
    </div>
  );
}
