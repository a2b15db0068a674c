import { redirect } from 'react-router';
import { getPartyForEdit, PARTY_LANGUAGES, updateParty, type Party } from '#modules/parties/index.ts';
import { href } from '#i18n/index.ts';
import type { Route } from './+types/party-edit';
import { ctxOf } from '../app-context.ts';
import { ErrorSummary, PostForm, SelectField, SubmitButton, TextField } from '../components/forms.tsx';
import { attempt, formValues, readForm } from '../forms.server.ts';
import { useI18n } from '../i18n.tsx';
import { langOf, load } from '../run.server.ts';

export async function loader({ context, params, request }: Route.LoaderArgs) {
  return load(request, async () => ({ party: await getPartyForEdit(ctxOf(context), params.id) }));
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const form = await readForm(request, context);
  const values = formValues(form);
  const lang = langOf(request);
  const res = await attempt(lang, values, () => updateParty(ctxOf(context), params.id, values));
  if (!res.ok) return res.response;
  return redirect(href(lang, `/parties/${params.id}?saved=1`));
}

const fields = (p: Party) => ({
  nameFi: p.name.fi,
  nameSv: p.name.sv,
  nameEn: p.name.en,
  businessId: p.businessId ?? '',
  businessIdSource: p.businessIdSource ?? '',
  language: p.language,
  email: p.contact.email ?? '',
  phone: p.contact.phone ?? '',
  streetAddress: p.contact.streetAddress ?? '',
  postalCode: p.contact.postalCode ?? '',
  postOffice: p.contact.postOffice ?? '',
  website: p.contact.website ?? '',
});

export default function PartyEdit({ loaderData, actionData }: Route.ComponentProps) {
  const { t, lang, href } = useI18n();
  const party = loaderData.party;
  const failed = actionData && !actionData.ok ? actionData : undefined;
  const conflictCurrent = failed?.code === 'parties.edited_by_someone_else' ? (failed.details?.current as Party | undefined) : undefined;
  // After a conflict the form shows the user's own values on top of the newest version (its rowVersion).
  const v: Record<string, string> = failed ? failed.values : fields(party);
  const rowVersion = conflictCurrent?.rowVersion ?? (failed ? Number(failed.values.rowVersion) : party.rowVersion);
  const labels: Record<string, string> = {
    nameFi: t.parties.nameFi,
    nameSv: t.parties.nameSv,
    nameEn: t.parties.nameEn,
    businessId: t.parties.businessId,
    businessIdSource: t.parties.businessIdSource,
    language: t.parties.language,
    email: t.parties.email,
    phone: t.parties.phone,
    streetAddress: t.parties.streetAddress,
    postalCode: t.parties.postalCode,
    postOffice: t.parties.postOffice,
    website: t.parties.website,
  };
  const f = (name: string, extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField name={name} label={labels[name] ?? name} defaultValue={v[name]} error={failed?.fieldErrors[name]} {...extra} />
  );
  return (
    <div className="page">
      <title>{`${t.parties.editTitle(party.name[lang])} – ${t.common.appName}`}</title>
      <nav aria-label={t.common.breadcrumb} className="breadcrumb">
        <a href={href(`/parties/${party.id}`)}>{party.name[lang]}</a>
      </nav>
      <h1>{t.parties.editTitle(party.name[lang])}</h1>
      {failed && <ErrorSummary message={failed.message} fieldErrors={failed.fieldErrors} labels={labels} />}
      {conflictCurrent && (
        <section className="card conflict" aria-labelledby="conflict-h">
          <h2 id="conflict-h">{t.errors['parties.edited_by_someone_else']}</h2>
          <dl className="facts">
            {Object.entries(fields(conflictCurrent)).map(([k, val]) => (
              <div key={k}>
                <dt>{labels[k]}</dt>
                <dd>{val || '–'}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      <PostForm>
        <input type="hidden" name="rowVersion" value={rowVersion} />
        <fieldset>
          <legend>{t.parties.facts}</legend>
          {f('nameFi', { required: true })}
          {f('nameSv', { required: true })}
          {f('nameEn', { required: true })}
          {f('businessId', { hint: t.parties.businessIdHint })}
          {f('businessIdSource', { hint: t.parties.businessIdSourceHint })}
          <SelectField
            name="language"
            label={t.parties.language}
            hint={t.parties.languageHint}
            defaultValue={v.language}
            options={PARTY_LANGUAGES.map((l) => ({ value: l, label: t.common.languages[l] }))}
            error={failed?.fieldErrors.language}
          />
        </fieldset>
        <fieldset>
          <legend>{t.parties.contact}</legend>
          {f('email', { type: 'email', autoComplete: 'email' })}
          {f('phone', { type: 'tel', autoComplete: 'tel' })}
          {f('streetAddress', { autoComplete: 'street-address' })}
          {f('postalCode', { inputMode: 'numeric', autoComplete: 'postal-code' })}
          {f('postOffice', { autoComplete: 'address-level2' })}
          {f('website', { type: 'url', autoComplete: 'url' })}
        </fieldset>
        <div className="actions">
          <SubmitButton>{t.common.save}</SubmitButton> <a href={href(`/parties/${party.id}`)}>{t.common.cancel}</a>
        </div>
      </PostForm>
    </div>
  );
}
