import { createGoal, getAgreementGoals } from '#modules/goals/index.ts';
import type { Route } from './+types/agreement-goals';
import { ctxOf } from '../app-context.ts';
import { pickText } from '../components/agreement-content.tsx';
import { ErrorSummary, Notice, PostForm, SelectField, SubmitButton, TextArea, TextField } from '../components/forms.tsx';
import { MeasureStatusTag, RollUpText, StatusRule } from '../components/goal-status.tsx';
import { attempt, formValues, readForm } from '../forms.server.ts';
import { useI18n } from '../i18n.tsx';
import { langOf, load } from '../run.server.ts';
import { publicPageHeaders } from '../public-page.ts';

/** Anonymous visitors may get this page from the page cache (no forms or per-visitor content for them). */
export const headers = publicPageHeaders;

export async function loader({ context, params, request }: Route.LoaderArgs) {
  return load(request, () => getAgreementGoals(ctxOf(context), params.id));
}

/** Adds a goal to one cooperation area. */
export async function action({ context, request }: Route.ActionArgs) {
  const form = await readForm(request, context);
  const values = formValues(form);
  const res = await attempt(langOf(request), values, () => createGoal(ctxOf(context), values.areaId ?? '', values));
  if (!res.ok) return res.response;
  return { ok: true as const };
}

export default function AgreementGoalsPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, lang, href } = useI18n();
  const { agreement, areas, sections, canEdit } = loaderData;
  const failed = actionData && !actionData.ok ? actionData : undefined;
  const failedArea = failed?.values.areaId;
  const title = pickText(agreement.title, lang);
  const labels = { titleFi: t.goals.titleFi, titleSv: t.goals.titleSv, descriptionFi: t.goals.descriptionFi, descriptionSv: t.goals.descriptionSv, sectionId: t.goals.section };
  return (
    <div className="page">
      <title>{`${t.goals.listTitle} – ${title.text} – ${t.common.appName}`}</title>
      <nav aria-label={t.common.breadcrumb} className="breadcrumb">
        <a href={href(`/agreements/${agreement.id}`)} lang={title.lang === lang ? undefined : title.lang}>
          {title.text}
        </a>
      </nav>
      <h1>{t.goals.listTitle}</h1>
      <p className="lead">{t.goals.listIntro}</p>
      <StatusRule />
      <p>
        <a href={href(`/agreements/${agreement.id}/report`)}>{t.reports.linkFromGoals}</a>
      </p>
      {actionData?.ok && <Notice>{t.goals.saved}</Notice>}
      {failed && <ErrorSummary message={failed.message} fieldErrors={Object.fromEntries(Object.entries(failed.fieldErrors).map(([k, v]) => [`${failedArea}-${k}`, v]))} labels={Object.fromEntries(Object.entries(labels).map(([k, v]) => [`${failedArea}-${k}`, v]))} />}
      {areas.length === 0 && <p>{t.goals.noAreas}</p>}
      {areas.map(({ area, goals, summary }) => {
        const areaName = pickText(area.name, lang);
        const mine = failedArea === area.id;
        const v = mine ? failed!.values : {};
        return (
          <section key={area.id} aria-labelledby={`area-${area.id}`} className="goal-area">
            <h2 id={`area-${area.id}`} lang={areaName.lang === lang ? undefined : areaName.lang}>
              {areaName.text}
            </h2>
            <p>
              {t.goals.summaryLabel}: <RollUpText summary={summary} />
            </p>
            {goals.length === 0 ? (
              <p>{t.goals.noGoals}</p>
            ) : (
              <ul className="goal-list">
                {goals.map((g) => {
                  const gt = pickText(g.goal.title, lang);
                  return (
                    <li key={g.goal.id}>
                      <h3>
                        <a href={href(`/goals/${g.goal.id}`)} lang={gt.lang === lang ? undefined : gt.lang}>
                          {gt.text}
                        </a>
                      </h3>
                      <p>
                        {t.goals.summaryLabel}: <RollUpText summary={g.summary} />
                      </p>
                      {g.measures.length === 0 ? (
                        <p>{t.goals.noMeasures}</p>
                      ) : (
                        <ul>
                          {g.measures.map((m) => {
                            const mt = pickText(m.measure.title, lang);
                            return (
                              <li key={m.measure.id}>
                                <a href={href(`/measures/${m.measure.id}`)} lang={mt.lang === lang ? undefined : mt.lang}>
                                  {mt.text}
                                </a>{' '}
                                <MeasureStatusTag status={m.measure.status} /> <RollUpText summary={m.summary} />
                              </li>
                            );
                          })}
                        </ul>
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
            {canEdit && (
              <details open={mine || undefined}>
                <summary>{t.goals.addGoalTo(areaName.text)}</summary>
                <PostForm aria-labelledby={`add-${area.id}`}>
                  <h3 id={`add-${area.id}`} className="visually-hidden">
                    {t.goals.addGoalTo(areaName.text)}
                  </h3>
                  <input type="hidden" name="areaId" value={area.id} />
                  <TextField idPrefix={area.id} name="titleFi" label={t.goals.titleFi} required defaultValue={v.titleFi} error={mine ? failed!.fieldErrors.titleFi : undefined} />
                  <TextField idPrefix={area.id} name="titleSv" label={t.goals.titleSv} defaultValue={v.titleSv} error={mine ? failed!.fieldErrors.titleSv : undefined} />
                  <TextArea idPrefix={area.id} name="descriptionFi" label={t.goals.descriptionFi} rows={3} defaultValue={v.descriptionFi} error={mine ? failed!.fieldErrors.descriptionFi : undefined} />
                  <TextArea idPrefix={area.id} name="descriptionSv" label={t.goals.descriptionSv} rows={3} defaultValue={v.descriptionSv} error={mine ? failed!.fieldErrors.descriptionSv : undefined} />
                  <SelectField
                    idPrefix={area.id}
                    name="sectionId"
                    label={t.goals.section}
                    defaultValue={v.sectionId}
                    error={mine ? failed!.fieldErrors.sectionId : undefined}
                    options={[{ value: '', label: t.goals.noSection }, ...sections.map((s) => ({ value: s.id, label: pickText(s.heading, lang).text }))]}
                  />
                  <SubmitButton>{t.goals.addGoal}</SubmitButton>
                </PostForm>
              </details>
            )}
          </section>
        );
      })}
    </div>
  );
}
