import { redirect } from 'react-router';
import { getAgreementForEdit, updateAgreement, type Agreement } from '#modules/agreements/index.ts';
import { href } from '#i18n/index.ts';
import type { Route } from './+types/agreement-edit';
import { ctxOf } from '../app-context.ts';
import { CheckboxList } from '../components/choice-lists.tsx';
import { ErrorSummary, PostForm, SelectField, SubmitButton, TextField } from '../components/forms.tsx';
import { attempt, formValues, readForm } from '../forms.server.ts';
import { useI18n } from '../i18n.tsx';
import { langOf, load } from '../run.server.ts';

export async function loader({ context, params, request }: Route.LoaderArgs) {
  return load(request, () => getAgreementForEdit(ctxOf(context), params.id));
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const form = await readForm(request, context);
  const values = formValues(form);
  const partyIds = form.getAll('partyIds').map(String);
  values.partyIds = partyIds.join(',');
  const lang = langOf(request);
  const res = await attempt(lang, values, () => updateAgreement(ctxOf(context), params.id, { ...values, partyIds }));
  if (!res.ok) return res.response;
  return redirect(href(lang, `/agreements/${params.id}`));
}

const fields = (a: Agreement) => ({
  titleFi: a.title.fi,
  titleSv: a.title.sv,
  validFrom: a.validFrom,
  validUntil: a.validUntil ?? '',
  predecessorId: a.predecessorId ?? '',
  coordinatingPartyId: a.coordinatingPartyId,
  partyIds: a.partyIds.join(','),
});

export default function AgreementEditPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, lang, href } = useI18n();
  const { agreement, regionParties, predecessors } = loaderData;
  const failed = actionData && !actionData.ok ? actionData : undefined;
  const current = failed?.code === 'agreements.edited_by_someone_else' ? (failed.details?.current as Agreement | undefined) : undefined;
  const v: Record<string, string> = failed ? failed.values : fields(agreement);
  const rowVersion = current?.rowVersion ?? (failed ? Number(failed.values.rowVersion) : agreement.rowVersion);
  const labels: Record<string, string> = {
    titleFi: t.agreements.titleFi,
    titleSv: t.agreements.titleSv,
    validFrom: t.agreements.validFrom,
    validUntil: t.agreements.validUntil,
    predecessorId: t.agreements.predecessor,
    coordinatingPartyId: t.agreements.coordinatingParty,
    partyIds: t.agreements.parties,
  };
  const err = (n: string) => failed?.fieldErrors[n];
  const partyName = (id: string) => regionParties.find((p) => p.id === id)?.name[lang] ?? id;
  return (
    <div className="page">
      <title>{`${t.agreements.editTitle} – ${t.common.appName}`}</title>
      <nav aria-label={t.common.breadcrumb} className="breadcrumb">
        <a href={href(`/agreements/${agreement.id}`)}>{agreement.title.fi}</a>
      </nav>
      <h1>{t.agreements.editTitle}</h1>
      {failed && <ErrorSummary message={failed.message} fieldErrors={failed.fieldErrors} labels={labels} />}
      {current && (
        <section className="card conflict" aria-labelledby="conflict-h">
          <h2 id="conflict-h">{t.errors['agreements.edited_by_someone_else']}</h2>
          <dl className="facts">
            {Object.entries(fields(current)).map(([k, val]) => (
              <div key={k}>
                <dt>{labels[k]}</dt>
                <dd>{k === 'partyIds' ? current.partyIds.length : k === 'coordinatingPartyId' ? partyName(val) : val || '–'}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      <PostForm>
        <input type="hidden" name="rowVersion" value={rowVersion} />
        <fieldset>
          <legend>{t.agreements.facts}</legend>
          <TextField name="titleFi" label={labels.titleFi!} required defaultValue={v.titleFi} error={err('titleFi')} />
          <TextField name="titleSv" label={labels.titleSv!} defaultValue={v.titleSv} error={err('titleSv')} />
          <TextField name="validFrom" type="date" label={labels.validFrom!} required defaultValue={v.validFrom} error={err('validFrom')} />
          <TextField name="validUntil" type="date" label={labels.validUntil!} hint={t.agreements.validUntilHint} defaultValue={v.validUntil} error={err('validUntil')} />
          <SelectField
            name="predecessorId"
            label={labels.predecessorId!}
            hint={t.agreements.predecessorHint}
            defaultValue={v.predecessorId}
            error={err('predecessorId')}
            options={[{ value: '', label: t.agreements.predecessorNone }, ...predecessors.map((p) => ({ value: p.id, label: lang === 'sv' && p.title.sv ? p.title.sv : p.title.fi }))]}
          />
          <SelectField
            name="coordinatingPartyId"
            label={labels.coordinatingPartyId!}
            hint={t.agreements.coordinatingPartyHint}
            defaultValue={v.coordinatingPartyId}
            error={err('coordinatingPartyId')}
            options={regionParties.map((p) => ({ value: p.id, label: p.name[lang] }))}
          />
        </fieldset>
        <CheckboxList
          name="partyIds"
          legend={`${labels.partyIds} (${regionParties.length})`}
          hint={t.agreements.partiesHint}
          error={err('partyIds')}
          options={regionParties.map((p) => ({ value: p.id, label: `${p.name[lang]} – ${t.common.partyTypes[p.type]}` }))}
          checked={(v.partyIds ?? '').split(',').filter(Boolean)}
          columns
        />
        <div className="actions">
          <SubmitButton>{t.common.save}</SubmitButton> <a href={href(`/agreements/${agreement.id}`)}>{t.common.cancel}</a>
        </div>
      </PostForm>
    </div>
  );
}
