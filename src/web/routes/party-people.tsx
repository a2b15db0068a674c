import { redirect } from 'react-router';
import { addPartyMemberByEmail, grantMembership, listPartyMembers, revokeMembership } from '#modules/accounts/index.ts';
import { PARTY_ROLES } from '#platform/actor.ts';
import { href as hrefIn } from '#i18n/index.ts';
import type { Route } from './+types/party-people';
import { ctxOf } from '../app-context.ts';
import { ErrorSummary, Notice, PostForm, SelectField, SubmitButton, TextField } from '../components/forms.tsx';
import { attempt, formValues, readForm } from '../forms.server.ts';
import { useI18n } from '../i18n.tsx';
import { langOf, load } from '../run.server.ts';

export async function loader({ context, params, request }: Route.LoaderArgs) {
  return load(request, () => listPartyMembers(ctxOf(context), params.id));
}

/** Adds a person by e-mail, changes a role or removes one (intent tells which). */
export async function action({ context, params, request }: Route.ActionArgs) {
  const form = await readForm(request, context);
  const values = formValues(form);
  const ctx = ctxOf(context);
  const lang = langOf(request);
  const intent = values.intent === 'change' || values.intent === 'remove' ? values.intent : 'add';
  const res = await attempt(lang, values, async () => {
    if (intent === 'change') {
      await grantMembership(ctx, params.id, { userId: values.userId, role: values.role, expectedRole: values.expectedRole || undefined });
      return null;
    }
    if (intent === 'remove') {
      await revokeMembership(ctx, params.id, values.userId ?? '', values.expectedRole);
      return null;
    }
    return (await addPartyMemberByEmail(ctx, params.id, values)).displayName;
  });
  if (!res.ok) return res.response;
  // Someone who just gave up their own administrator role can no longer see this page.
  if (intent !== 'add' && values.userId === context.user?.id) throw redirect(hrefIn(lang, `/parties/${params.id}`));
  return { ok: true as const, intent, name: res.result };
}

export default function PartyPeoplePage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, lang, href, date } = useI18n();
  const p = t.admin.people;
  const { party, members, permittedActions } = loaderData;
  const failed = actionData && !actionData.ok ? actionData : undefined;
  const addFailed = failed && (failed.values.intent ?? 'add') === 'add' ? failed : undefined;
  const rowFailed = failed && !addFailed ? failed : undefined;
  const done = actionData?.ok ? actionData : undefined;
  const roleName = (r: string) => (t.common.roles as Record<string, string>)[r] ?? r;
  const roleOptions = PARTY_ROLES.map((r) => ({ value: r, label: roleName(r) }));
  const canGrant = permittedActions.includes('membership.grant');
  const canRevoke = permittedActions.includes('membership.revoke');
  const name = party.name[lang];
  return (
    <div className="page">
      <title>{`${p.title(name)} – ${t.common.appName}`}</title>
      <nav aria-label={t.common.breadcrumb} className="breadcrumb">
        <a href={href(`/parties/${party.id}`)}>{name}</a>
      </nav>
      <h1>{p.title(name)}</h1>
      <p className="lead">{p.intro}</p>
      <dl className="facts">
        {PARTY_ROLES.map((r) => (
          <div key={r}>
            <dt>{roleName(r)}</dt>
            <dd>{p.roleHelp[r]}</dd>
          </div>
        ))}
      </dl>
      {done && <Notice>{done.intent === 'add' ? p.added(done.name ?? '') : done.intent === 'change' ? p.changed : p.removed}</Notice>}
      {rowFailed && <ErrorSummary message={rowFailed.message} />}

      {members.length === 0 ? (
        <p>{p.none}</p>
      ) : (
        <table className="table">
          <caption>{p.tableCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{p.colName}</th>
              <th scope="col">{p.colEmail}</th>
              <th scope="col">{p.colRole}</th>
              {canGrant && <th scope="col">{p.colChange}</th>}
              {canRevoke && <th scope="col">{p.colRemove}</th>}
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.userId}>
                <th scope="row">
                  {m.displayName}
                  {m.disabled && <span className="muted"> {p.disabled}</span>}
                  {m.title && (
                    <>
                      <br />
                      <span className="muted">{m.title}</span>
                    </>
                  )}
                </th>
                <td>
                  <a href={`mailto:${m.email}`}>{m.email}</a>
                </td>
                <td>
                  {roleName(m.role)}
                  <br />
                  <span className="muted">{date(m.since)}</span>
                </td>
                {canGrant && (
                  <td>
                    <PostForm className="row-form">
                      <input type="hidden" name="intent" value="change" />
                      <input type="hidden" name="userId" value={m.userId} />
                      <input type="hidden" name="expectedRole" value={m.role} />
                      <label className="visually-hidden" htmlFor={`role-${m.userId}`}>
                        {p.roleOf(m.displayName)}
                      </label>
                      <select id={`role-${m.userId}`} name="role" defaultValue={m.role}>
                        {roleOptions.map((o) => (
                          <option key={o.value} value={o.value}>
                            {o.label}
                          </option>
                        ))}
                      </select>
                      <button type="submit" className="button button--secondary button--small">
                        {p.changeRole}
                        <span className="visually-hidden"> ({m.displayName})</span>
                      </button>
                    </PostForm>
                  </td>
                )}
                {canRevoke && (
                  <td>
                    <PostForm>
                      <input type="hidden" name="intent" value="remove" />
                      <input type="hidden" name="userId" value={m.userId} />
                      <input type="hidden" name="expectedRole" value={m.role} />
                      <button type="submit" className="button button--danger button--small">
                        {t.common.remove}
                        <span className="visually-hidden"> ({m.displayName})</span>
                      </button>
                    </PostForm>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {canGrant && (
        <section aria-labelledby="add-person-h" className="card">
          <h2 id="add-person-h">{p.add}</h2>
          <p>{p.addIntro}</p>
          {addFailed && <ErrorSummary message={addFailed.message} fieldErrors={addFailed.fieldErrors} labels={{ email: p.email, role: p.role }} />}
          <PostForm>
            <input type="hidden" name="intent" value="add" />
            <TextField name="email" type="email" label={p.email} required autoComplete="off" defaultValue={addFailed?.values.email} error={addFailed?.fieldErrors.email} />
            <SelectField name="role" label={p.role} required options={roleOptions} defaultValue={addFailed?.values.role ?? 'viewer'} error={addFailed?.fieldErrors.role} />
            <SubmitButton>{p.add}</SubmitButton>
          </PostForm>
        </section>
      )}
      <p>
        <a href={href(`/parties/${party.id}`)}>{p.backToParty}</a>
      </p>
    </div>
  );
}
