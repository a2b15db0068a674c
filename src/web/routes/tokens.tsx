import { createApiToken, getTokenOverview, revokeApiToken } from '#modules/tokens/index.ts';
import { PARTY_ROLES } from '#platform/actor.ts';
import type { Route } from './+types/tokens';
import { ctxOf } from '../app-context.ts';
import { ErrorSummary, Notice, PostForm, SelectField, SubmitButton, TextField } from '../components/forms.tsx';
import { attempt, formValues, readForm } from '../forms.server.ts';
import { useI18n } from '../i18n.tsx';
import { langOf, load } from '../run.server.ts';

export async function loader({ context, request }: Route.LoaderArgs) {
  const party = new URL(request.url).searchParams.get('party');
  return load(request, () => getTokenOverview(ctxOf(context), party));
}

/** Creates a token (the secret is in this one response only) or revokes one (intent tells which). */
export async function action({ context, request }: Route.ActionArgs) {
  const form = await readForm(request, context);
  const values = formValues(form);
  const ctx = ctxOf(context);
  const lang = langOf(request);
  if (values.intent === 'revoke') {
    const res = await attempt(lang, {}, () => revokeApiToken(ctx, values.tokenId ?? ''));
    if (!res.ok) return res.response;
    return { ok: true as const, intent: 'revoke' as const, name: res.result.name, secret: null };
  }
  const res = await attempt(lang, { name: values.name ?? '', role: values.role ?? '', expiresOn: values.expiresOn ?? '' }, () =>
    createApiToken(ctx, values.partyId ?? '', values),
  );
  if (!res.ok) return res.response;
  return { ok: true as const, intent: 'create' as const, name: res.result.token.name, secret: res.result.secret };
}

export default function TokensPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, lang, href, date, dateTime } = useI18n();
  const { parties, partyId, tokens } = loaderData;
  const party = parties.find((p) => p.id === partyId);
  const failed = actionData && !actionData.ok ? actionData : undefined;
  const created = actionData?.ok && actionData.intent === 'create' ? actionData : undefined;
  const revoked = actionData?.ok && actionData.intent === 'revoke' ? actionData : undefined;
  const roleName = (r: string) => (t.common.roles as Record<string, string>)[r] ?? r;
  const labels = { name: t.tokens.name, role: t.tokens.role, expiresOn: t.tokens.expiresOn };
  // The day a token still works: expiresAt is the midnight after it.
  const lastDay = (d: Date) => date(new Date(new Date(d).getTime() - 1));
  return (
    <div className="page">
      <title>{`${t.tokens.title} – ${t.common.appName}`}</title>
      <h1>{t.tokens.title}</h1>
      <p className="lead">{t.tokens.intro}</p>
      {failed && <ErrorSummary message={failed.message} fieldErrors={failed.fieldErrors} labels={labels} />}
      {revoked && <Notice>{t.tokens.revoked(revoked.name)}</Notice>}
      {created?.secret && (
        <section className="card secret" aria-labelledby="created-h">
          <h2 id="created-h">{t.tokens.createdTitle(created.name)}</h2>
          <p className="notice notice--warning">
            <strong>{t.tokens.secretOnce}</strong>
          </p>
          <div className="field">
            <label htmlFor="f-secret">{t.tokens.secretLabel}</label>
            <input id="f-secret" type="text" readOnly value={created.secret} className="secret__value" autoComplete="off" spellCheck={false} />
          </div>
          <p className="muted">{t.tokens.usage}</p>
        </section>
      )}
      {parties.length > 1 && (
        <form method="get" action={href('/tokens')} className="filters">
          <div className="field">
            <label htmlFor="f-party">{t.tokens.party}</label>
            <select id="f-party" name="party" defaultValue={partyId ?? ''}>
              {!partyId && <option value="">–</option>}
              {parties.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name[lang]}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button--secondary">
            {t.tokens.showParty}
          </button>
        </form>
      )}
      {party && (
        <>
          <section aria-labelledby="list-h">
            <h2 id="list-h">{t.tokens.tokensOf(party.name[lang])}</h2>
            {tokens.length === 0 ? (
              <p>{t.tokens.noTokens}</p>
            ) : (
              <table className="table">
                <caption className="visually-hidden">{t.tokens.tokensOf(party.name[lang])}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.tokens.colName}</th>
                    <th scope="col">{t.tokens.colPrefix}</th>
                    <th scope="col">{t.tokens.colRole}</th>
                    <th scope="col">{t.tokens.colCreated}</th>
                    <th scope="col">{t.tokens.colLastUsed}</th>
                    <th scope="col">{t.tokens.colExpires}</th>
                    <th scope="col">{t.tokens.colStatus}</th>
                    <th scope="col">{t.tokens.colActions}</th>
                  </tr>
                </thead>
                <tbody>
                  {tokens.map((tok) => (
                    <tr key={tok.id}>
                      <th scope="row">{tok.name}</th>
                      <td>
                        <code>{tok.prefix}</code>
                      </td>
                      <td>{roleName(tok.role)}</td>
                      <td>
                        {date(tok.createdAt)}
                        {tok.createdByName && <span className="muted"> ({t.tokens.createdBy(tok.createdByName)})</span>}
                      </td>
                      <td>{tok.lastUsedAt ? dateTime(tok.lastUsedAt) : t.tokens.neverUsed}</td>
                      <td>{tok.expiresAt ? t.tokens.validUntil(lastDay(tok.expiresAt)) : t.tokens.noExpiry}</td>
                      <td>{tok.status === 'revoked' && tok.revokedAt ? t.tokens.revokedOn(date(tok.revokedAt)) : t.tokens.status[tok.status]}</td>
                      <td>
                        {tok.status !== 'revoked' && (
                          <PostForm className="inline-form" action={href(`/tokens?party=${party.id}`)}>
                            <input type="hidden" name="intent" value="revoke" />
                            <input type="hidden" name="tokenId" value={tok.id} />
                            <button type="submit" className="button button--danger button--small" aria-label={t.tokens.revokeLabel(tok.name)}>
                              {t.tokens.revoke}
                            </button>
                          </PostForm>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <PostForm className="card" action={href(`/tokens?party=${party.id}`)} aria-labelledby="create-h">
            <h2 id="create-h">{t.tokens.createTitle}</h2>
            <input type="hidden" name="intent" value="create" />
            <input type="hidden" name="partyId" value={party.id} />
            <TextField name="name" label={t.tokens.name} hint={t.tokens.nameHint} required defaultValue={failed?.values.name} error={failed?.fieldErrors.name} />
            <SelectField
              name="role"
              label={t.tokens.role}
              hint={t.tokens.roleHint}
              required
              defaultValue={failed?.values.role ?? 'viewer'}
              options={[...PARTY_ROLES].reverse().map((r) => ({ value: r, label: roleName(r) }))}
              error={failed?.fieldErrors.role}
            />
            <TextField
              name="expiresOn"
              type="date"
              label={t.tokens.expiresOn}
              hint={t.tokens.expiresOnHint}
              defaultValue={failed?.values.expiresOn}
              error={failed?.fieldErrors.expiresOn}
            />
            <SubmitButton>{t.tokens.create}</SubmitButton>
          </PostForm>
        </>
      )}
    </div>
  );
}
