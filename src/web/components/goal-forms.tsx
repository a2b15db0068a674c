import { INDICATOR_SCOPES, MEASURE_STATUSES, type PartyInfo, type SectionRef } from '#modules/goals/index.ts';
import type { FormFailure } from '../forms.server.ts';
import { pickText } from './agreement-content.tsx';
import { SelectField, TextArea, TextField, fieldId } from './forms.tsx';
import { useI18n } from '../i18n.tsx';

type Values = Record<string, string | undefined>;

export function GoalFields({ v, failed, idPrefix, sections }: { v: Values; failed?: FormFailure; idPrefix: string; sections: SectionRef[] }) {
  const { t, lang } = useI18n();
  const e = failed?.fieldErrors ?? {};
  return (
    <>
      <TextField idPrefix={idPrefix} name="titleFi" label={t.goals.titleFi} required defaultValue={v.titleFi} error={e.titleFi} />
      <TextField idPrefix={idPrefix} name="titleSv" label={t.goals.titleSv} defaultValue={v.titleSv} error={e.titleSv} />
      <TextArea idPrefix={idPrefix} name="descriptionFi" label={t.goals.descriptionFi} rows={3} defaultValue={v.descriptionFi} error={e.descriptionFi} />
      <TextArea idPrefix={idPrefix} name="descriptionSv" label={t.goals.descriptionSv} rows={3} defaultValue={v.descriptionSv} error={e.descriptionSv} />
      <SelectField
        idPrefix={idPrefix}
        name="sectionId"
        label={t.goals.section}
        defaultValue={v.sectionId}
        error={e.sectionId}
        options={[{ value: '', label: t.goals.noSection }, ...sections.map((s) => ({ value: s.id, label: pickText(s.heading, lang).text }))]}
      />
    </>
  );
}

/** Measure fields; owners as checkboxes (the agreement's parties). With `withStatus` for editing. */
export function MeasureFields({ v, owners, failed, idPrefix, parties, withStatus }: { v: Values; owners: readonly string[]; failed?: FormFailure; idPrefix: string; parties: PartyInfo[]; withStatus?: boolean }) {
  const { t, lang } = useI18n();
  const e = failed?.fieldErrors ?? {};
  const ownersId = fieldId(`${idPrefix}-ownerPartyIds`);
  return (
    <>
      <TextField idPrefix={idPrefix} name="titleFi" label={t.goals.titleFi} required defaultValue={v.titleFi} error={e.titleFi} />
      <TextField idPrefix={idPrefix} name="titleSv" label={t.goals.titleSv} defaultValue={v.titleSv} error={e.titleSv} />
      <fieldset className={e.ownerPartyIds ? 'choices field--error' : 'choices'} id={ownersId} aria-describedby={e.ownerPartyIds ? `${ownersId}-error` : undefined}>
        <legend>
          {t.goals.owners} <span className="field__required">({t.common.required})</span>
        </legend>
        {e.ownerPartyIds && (
          <p className="field__error" id={`${ownersId}-error`}>
            {e.ownerPartyIds}
          </p>
        )}
        <ul className="choices__list choices__list--columns">
          {parties.map((p) => (
            <li key={p.id}>
              <input type="checkbox" id={`${ownersId}-${p.id}`} name="ownerPartyIds" value={p.id} defaultChecked={owners.includes(p.id)} />
              <label htmlFor={`${ownersId}-${p.id}`}>{p.name[lang]}</label>
            </li>
          ))}
        </ul>
      </fieldset>
      <TextField idPrefix={idPrefix} name="responsible" label={t.goals.responsible} defaultValue={v.responsible} error={e.responsible} />
      <TextField idPrefix={idPrefix} name="startsOn" type="date" label={t.goals.startsOn} defaultValue={v.startsOn} error={e.startsOn} />
      <TextField idPrefix={idPrefix} name="dueOn" type="date" label={t.goals.dueOn} defaultValue={v.dueOn} error={e.dueOn} />
      {withStatus && (
        <SelectField idPrefix={idPrefix} name="status" label={t.goals.status} defaultValue={v.status} error={e.status} options={MEASURE_STATUSES.map((s) => ({ value: s, label: t.goals.measureStatus[s] }))} />
      )}
      <TextArea idPrefix={idPrefix} name="internalNotes" label={t.goals.internalNotes} hint={t.goals.internalNotesHint} rows={3} defaultValue={v.internalNotes} error={e.internalNotes} />
    </>
  );
}

export function IndicatorLinkFields({ v, failed, idPrefix, withIndicator }: { v: Values; failed?: FormFailure; idPrefix: string; withIndicator?: boolean }) {
  const { t } = useI18n();
  const e = failed?.fieldErrors ?? {};
  return (
    <>
      {withIndicator && <TextField idPrefix={idPrefix} name="indicatorId" label={t.goals.indicatorId} hint={t.goals.indicatorIdHint} required defaultValue={v.indicatorId} error={e.indicatorId} />}
      <SelectField idPrefix={idPrefix} name="scope" label={t.goals.scopeLabel} required defaultValue={v.scope} error={e.scope} options={INDICATOR_SCOPES.map((s) => ({ value: s, label: t.goals.scope[s] }))} />
      <TextField idPrefix={idPrefix} name="baselineYear" type="number" inputMode="numeric" label={t.goals.baselineYear} required defaultValue={v.baselineYear} error={e.baselineYear} />
      <TextField idPrefix={idPrefix} name="baselineValue" label={t.goals.baselineValue} required defaultValue={v.baselineValue} error={e.baselineValue} />
      <TextField idPrefix={idPrefix} name="targetYear" type="number" inputMode="numeric" label={t.goals.targetYear} required defaultValue={v.targetYear} error={e.targetYear} />
      <TextField idPrefix={idPrefix} name="targetValue" label={t.goals.targetValue} required defaultValue={v.targetValue} error={e.targetValue} />
    </>
  );
}

/** Error-summary labels for the goal forms, keyed with the form's prefix. */
export function useGoalLabels(prefix: string): Record<string, string> {
  const { t } = useI18n();
  const l: Record<string, string> = {
    titleFi: t.goals.titleFi,
    titleSv: t.goals.titleSv,
    descriptionFi: t.goals.descriptionFi,
    descriptionSv: t.goals.descriptionSv,
    sectionId: t.goals.section,
    ownerPartyIds: t.goals.owners,
    responsible: t.goals.responsible,
    startsOn: t.goals.startsOn,
    dueOn: t.goals.dueOn,
    status: t.goals.status,
    internalNotes: t.goals.internalNotes,
    indicatorId: t.goals.indicatorId,
    scope: t.goals.scopeLabel,
    baselineYear: t.goals.baselineYear,
    baselineValue: t.goals.baselineValue,
    targetYear: t.goals.targetYear,
    targetValue: t.goals.targetValue,
    partyId: t.goals.postAs,
    body: t.goals.body,
    linkId: t.goals.valueLink,
    areaCode: t.goals.valueArea,
    date: t.goals.valueDate,
    value: t.goals.value,
  };
  return Object.fromEntries(Object.entries(l).map(([k, v]) => [`${prefix}-${k}`, v]));
}

export const prefixErrors = (errors: Record<string, string>, prefix: string) => Object.fromEntries(Object.entries(errors).map(([k, v]) => [`${prefix}-${k}`, v]));
