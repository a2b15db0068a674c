import { addMeasure, getGoal, updateGoal, type Goal } from '#modules/goals/index.ts';
import type { Route } from './+types/goal';
import { ctxOf } from '../app-context.ts';
import { pickText } from '../components/agreement-content.tsx';
import { ErrorSummary, Notice, PostForm, SubmitButton } from '../components/forms.tsx';
import { GoalFields, MeasureFields, prefixErrors, useGoalLabels } from '../components/goal-forms.tsx';
import { MeasureStatusTag, RollUpText, StatusRule } from '../components/goal-status.tsx';
import { attempt, formValues, readForm } from '../forms.server.ts';
import { useI18n } from '../i18n.tsx';
import { langOf, load } from '../run.server.ts';
import { publicPageHeaders } from '../public-page.ts';

/** Anonymous visitors may get this page from the page cache (no forms or per-visitor content for them). */
export const headers = publicPageHeaders;

export async function loader({ context, params, request }: Route.LoaderArgs) {
  return load(request, () => getGoal(ctxOf(context), params.id));
}

/** Edits the goal, or adds a measure to it. */
export async function action({ context, params, request }: Route.ActionArgs) {
  const form = await readForm(request, context);
  const owners = form.getAll('ownerPartyIds').filter((v): v is string => typeof v === 'string');
  // Kept comma-joined in the values so a refused form shows the same owners checked.
  const values: Record<string, string> = { ...formValues(form), ownerPartyIds: owners.join(',') };
  const ctx = ctxOf(context);
  const res = await attempt(langOf(request), values, async () => {
    if (values.intent === 'add-measure') await addMeasure(ctx, params.id, { ...values, ownerPartyIds: owners });
    else await updateGoal(ctx, params.id, values);
  });
  if (!res.ok) return res.response;
  return { ok: true as const };
}

const goalValues = (g: Goal) => ({ titleFi: g.title.fi, titleSv: g.title.sv, descriptionFi: g.description.fi, descriptionSv: g.description.sv, sectionId: g.sectionId ?? '' });

export default function GoalPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, lang, href, date } = useI18n();
  const { goal, agreement, area, section, sections, parties, measures, summary, canEdit } = loaderData;
  const failed = actionData && !actionData.ok ? actionData : undefined;
  const failedForm = failed ? (failed.values.intent === 'add-measure' ? 'measure' : 'goal') : undefined;
  const current = failed?.code === 'goals.edited_by_someone_else' ? (failed.details?.current as Goal | null | undefined) : undefined;
  const title = pickText(goal.title, lang);
  const agreementTitle = pickText(agreement.title, lang);
  const description = pickText(goal.description, lang);
  const labels = useGoalLabels(failedForm ?? 'goal');
  return (
    <div className="page">
      <title>{`${title.text} – ${t.common.appName}`}</title>
      <nav aria-label={t.common.breadcrumb} className="breadcrumb">
        <a href={href(`/agreements/${agreement.id}`)}>{agreementTitle.text}</a> › <a href={href(`/agreements/${agreement.id}/goals`)}>{t.goals.listTitle}</a>
      </nav>
      <h1 lang={title.lang === lang ? undefined : title.lang}>{title.text}</h1>
      {actionData?.ok && <Notice>{t.goals.saved}</Notice>}
      {failed && <ErrorSummary message={failed.message} fieldErrors={prefixErrors(failed.fieldErrors, failedForm!)} labels={labels} />}
      {description.text && <p lang={description.lang === lang ? undefined : description.lang}>{description.text}</p>}

      <section aria-labelledby="chain-h">
        <h2 id="chain-h">{t.goals.goalChainTitle}</h2>
        <dl className="facts">
          <div>
            <dt>{t.goals.agreement}</dt>
            <dd>
              <a href={href(`/agreements/${agreement.id}`)}>{agreementTitle.text}</a>
            </dd>
          </div>
          <div>
            <dt>{t.goals.section}</dt>
            <dd>{section ? <a href={href(`/agreements/${agreement.id}#sec-${section.id}`)}>{pickText(section.heading, lang).text}</a> : t.goals.noSection}</dd>
          </div>
          <div>
            <dt>{t.goals.area}</dt>
            <dd>
              <a href={href(`/agreements/${agreement.id}/goals#area-${area.id}`)}>{pickText(area.name, lang).text}</a>
            </dd>
          </div>
          <div>
            <dt>{t.goals.summaryLabel}</dt>
            <dd>
              <RollUpText summary={summary} />
            </dd>
          </div>
        </dl>
        <StatusRule />
      </section>

      <section aria-labelledby="measures-h">
        <h2 id="measures-h">{t.goals.measures}</h2>
        {measures.length === 0 ? (
          <p>{t.goals.noMeasures}</p>
        ) : (
          <ul className="goal-list">
            {measures.map((m) => {
              const mt = pickText(m.measure.title, lang);
              return (
                <li key={m.measure.id}>
                  <h3>
                    <a href={href(`/measures/${m.measure.id}`)} lang={mt.lang === lang ? undefined : mt.lang}>
                      {mt.text}
                    </a>
                  </h3>
                  <dl className="facts">
                    <div>
                      <dt>{t.goals.status}</dt>
                      <dd>
                        <MeasureStatusTag status={m.measure.status} />
                      </dd>
                    </div>
                    <div>
                      <dt>{t.goals.owners}</dt>
                      <dd>
                        {m.owners.map((o, i) => (
                          <span key={o.id}>
                            {i > 0 && ', '}
                            <a href={href(`/parties/${o.id}`)}>{o.name[lang]}</a>
                          </span>
                        ))}
                      </dd>
                    </div>
                    {(m.measure.startsOn || m.measure.dueOn) && (
                      <div>
                        <dt>{t.goals.schedule}</dt>
                        <dd>
                          {m.measure.startsOn ? date(m.measure.startsOn) : ''} – {m.measure.dueOn ? date(m.measure.dueOn) : ''}
                        </dd>
                      </div>
                    )}
                    <div>
                      <dt>{t.goals.indicators}</dt>
                      <dd>
                        <RollUpText summary={m.summary} />
                      </dd>
                    </div>
                  </dl>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      {canEdit && (
        <>
          <details className="card" open={failedForm === 'goal' || undefined}>
            <summary>{t.goals.editGoal}</summary>
            <PostForm aria-labelledby="edit-goal-h">
              <h2 id="edit-goal-h" className="visually-hidden">
                {t.goals.editGoal}
              </h2>
              <input type="hidden" name="intent" value="update-goal" />
              <input type="hidden" name="rowVersion" value={current ? current.rowVersion : goal.rowVersion} />
              <GoalFields idPrefix="goal" v={failedForm === 'goal' ? failed!.values : goalValues(goal)} failed={failedForm === 'goal' ? failed : undefined} sections={sections} />
              <SubmitButton>{t.common.save}</SubmitButton>
            </PostForm>
          </details>
          <details className="card" open={failedForm === 'measure' || undefined}>
            <summary>{t.goals.addMeasure}</summary>
            <PostForm aria-labelledby="add-measure-h">
              <h2 id="add-measure-h" className="visually-hidden">
                {t.goals.addMeasure}
              </h2>
              <input type="hidden" name="intent" value="add-measure" />
              <MeasureFields idPrefix="measure" v={failedForm === 'measure' ? failed!.values : {}} owners={failedForm === 'measure' ? (failed!.values.ownerPartyIds ?? '').split(',') : []} failed={failedForm === 'measure' ? failed : undefined} parties={parties} />
              <SubmitButton>{t.goals.addMeasure}</SubmitButton>
            </PostForm>
          </details>
        </>
      )}
    </div>
  );
}
