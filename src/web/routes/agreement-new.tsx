import { redirect } from 'react-router';
import { createAgreement, getNewAgreementForm } from '#modules/agreements/index.ts';
import { href } from '#i18n/index.ts';
import type { Route } from './+types/agreement-new';
import { ctxOf } from '../app-context.ts';
import { CheckboxList, RadioList } from '../components/choice-lists.tsx';
import { ErrorSummary, PostForm, SelectField, SubmitButton, TextField } from '../components/forms.tsx';
import { attempt, formValues, readForm } from '../forms.server.ts';
import { useI18n } from '../i18n.tsx';
import { langOf, load } from '../run.server.ts';

export async function loader({ context, params, request }: Route.LoaderArgs) {
  return load(request, () => getNewAgreementForm(ctxOf(context), params.code));
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const form = await readForm(request, context);
  const values = formValues(form);
  const partyIds = form.getAll('partyIds').map(String);
  const sectionKeys = form.getAll('sectionKeys').map(String);
  // Checkbox states travel back in `values` so a refused form keeps them.
  values.partyIds = partyIds.join(',');
  values.sectionKeys = sectionKeys.join(',');
  const lang = langOf(request);
  const input = { ...values, partyIds, sectionKeys: values.template === 'region' ? undefined : sectionKeys };
  const res = await attempt(lang, values, () => createAgreement(ctxOf(context), params.code, input));
  if (!res.ok) return res.response;
  return redirect(href(lang, `/agreements/${res.result.id}`));
}

export default function NewAgreementPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, lang, href, date } = useI18n();
  const f = loaderData;
  const failed = actionData && !actionData.ok ? actionData : undefined;
  const v = failed?.values;
  const checkedParties = v ? v.partyIds!.split(',').filter(Boolean) : f.parties.map((p) => p.id);
  const checkedSections = v ? v.sectionKeys!.split(',').filter(Boolean) : f.model.map((s) => s.key!);
  const labels: Record<string, string> = {
    titleFi: t.agreements.titleFi,
    titleSv: t.agreements.titleSv,
    validFrom: t.agreements.validFrom,
    validUntil: t.agreements.validUntil,
    predecessorId: t.agreements.predecessor,
    coordinatingPartyId: t.agreements.coordinatingParty,
    partyIds: t.agreements.parties,
    template: t.agreements.template,
    sectionKeys: t.agreements.pickSections,
  };
  const err = (name: string) => failed?.fieldErrors[name];
  const partyName = (id: string) => f.parties.find((p) => p.id === id)?.name[lang] ?? id;
  return (
    <div className="page">
      <title>{`${t.agreements.newTitle} – ${t.common.appName}`}</title>
      <nav aria-label={t.common.breadcrumb} className="breadcrumb">
        <a href={href(`/regions/${f.region.code}`)}>{f.region.name[lang]}</a> ›{' '}
        <a href={href(`/regions/${f.region.code}/agreements`)}>{t.agreements.regionLink}</a>
      </nav>
      <h1>{t.agreements.newTitle}</h1>
      <p className="lead">{t.agreements.newIntro}</p>
      {failed && <ErrorSummary message={failed.message} fieldErrors={failed.fieldErrors} labels={labels} />}
      <PostForm>
        <fieldset>
          <legend>{t.agreements.facts}</legend>
          <TextField name="titleFi" label={labels.titleFi!} required defaultValue={v?.titleFi} error={err('titleFi')} />
          <TextField name="titleSv" label={labels.titleSv!} defaultValue={v?.titleSv} error={err('titleSv')} />
          <TextField name="validFrom" type="date" label={labels.validFrom!} required defaultValue={v?.validFrom} error={err('validFrom')} />
          <TextField name="validUntil" type="date" label={labels.validUntil!} hint={t.agreements.validUntilHint} defaultValue={v?.validUntil} error={err('validUntil')} />
          <SelectField
            name="predecessorId"
            label={labels.predecessorId!}
            hint={t.agreements.predecessorHint}
            defaultValue={v?.predecessorId ?? ''}
            error={err('predecessorId')}
            options={[
              { value: '', label: t.agreements.predecessorNone },
              ...f.predecessors.map((p) => ({
                value: p.id,
                label: `${lang === 'sv' && p.title.sv ? p.title.sv : p.title.fi} (${t.agreements.validity(date(p.validFrom), p.validUntil ? date(p.validUntil) : null)})`,
              })),
            ]}
          />
          <SelectField
            name="coordinatingPartyId"
            label={labels.coordinatingPartyId!}
            hint={t.agreements.coordinatingPartyHint}
            defaultValue={v?.coordinatingPartyId ?? f.defaultCoordinatorId}
            error={err('coordinatingPartyId')}
            options={f.coordinatorOptions.map((id) => ({ value: id, label: partyName(id) }))}
          />
          <p className="field__hint">
            {t.agreements.entryRule}: {t.agreements.entryRules.all_approved_and_signed}
          </p>
        </fieldset>
        <CheckboxList
          name="partyIds"
          legend={`${labels.partyIds} (${f.parties.length})`}
          hint={t.agreements.partiesHint}
          error={err('partyIds')}
          options={f.parties.map((p) => ({ value: p.id, label: `${p.name[lang]} – ${t.common.partyTypes[p.type]}` }))}
          checked={checkedParties}
          columns
        />
        <RadioList
          name="template"
          legend={labels.template!}
          error={err('template')}
          options={[
            { value: 'model', label: t.agreements.templateModel },
            ...(f.regionTemplate ? [{ value: 'region', label: `${t.agreements.templateRegion} (${f.regionTemplate.length})` }] : []),
          ]}
          checked={v?.template ?? 'model'}
        />
        <CheckboxList
          name="sectionKeys"
          legend={labels.sectionKeys!}
          hint={t.agreements.pickSectionsHint}
          error={err('sectionKeys')}
          options={f.model.map((s) => ({ value: s.key!, label: lang === 'sv' ? s.heading.sv : s.heading.fi }))}
          checked={checkedSections}
        />
        <div className="actions">
          <SubmitButton>{t.agreements.create}</SubmitButton> <a href={href(`/regions/${f.region.code}/agreements`)}>{t.common.cancel}</a>
        </div>
      </PostForm>
    </div>
  );
}
