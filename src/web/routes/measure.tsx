import { addMeasureIndicator, addMeasureUpdate, getMeasure, MEASURE_STATUSES, updateMeasure, updateMeasureIndicator, type IndicatorLink, type Measure } from '#modules/goals/index.ts';
import type { Route } from './+types/measure';
import { ctxOf } from '../app-context.ts';
import { pickText } from '../components/agreement-content.tsx';
import { ErrorSummary, Notice, PostForm, SelectField, SubmitButton, TextArea, TextField } from '../components/forms.tsx';
import { IndicatorLinkFields, MeasureFields, prefixErrors, useGoalLabels } from '../components/goal-forms.tsx';
import { IndicatorStatusTag, MeasureStatusTag, RollUpText, StatusRule } from '../components/goal-status.tsx';
import { TableScroll } from '../components/table.tsx';
import { attempt, formValues, readForm } from '../forms.server.ts';
import { useI18n } from '../i18n.tsx';
import { langOf, load } from '../run.server.ts';
import { publicPageHeaders } from '../public-page.ts';

/** Anonymous visitors may get this page from the page cache (no forms or per-visitor content for them). */
export const headers = publicPageHeaders;

export async function loader({ context, params, request }: Route.LoaderArgs) {
  return load(request, () => getMeasure(ctxOf(context), params.id));
}

const INTENTS = ['post-update', 'update-measure', 'add-indicator', 'update-indicator'] as const;
type Intent = (typeof INTENTS)[number];

/** An owner's progress update; for the coordinating party also editing the measure and its indicators. */
export async function action({ context, params, request }: Route.ActionArgs) {
  const form = await readForm(request, context);
  const owners = form.getAll('ownerPartyIds').filter((v): v is string => typeof v === 'string');
  // Kept comma-joined in the values so a refused form shows the same owners checked.
  const values: Record<string, string> = { ...formValues(form), ownerPartyIds: owners.join(',') };
  const ctx = ctxOf(context);
  const intent: Intent = (INTENTS as readonly string[]).includes(values.intent ?? '') ? (values.intent as Intent) : 'post-update';
  const res = await attempt(langOf(request), values, async () => {
    if (intent === 'update-measure') await updateMeasure(ctx, params.id, { ...values, ownerPartyIds: owners });
    else if (intent === 'add-indicator') await addMeasureIndicator(ctx, params.id, values);
    else if (intent === 'update-indicator') await updateMeasureIndicator(ctx, values.linkId ?? '', values);
    else await addMeasureUpdate(ctx, params.id, values);
  });
  if (!res.ok) return res.response;
  return { ok: true as const, intent };
}

const measureValues = (m: Measure) => ({
  titleFi: m.title.fi,
  titleSv: m.title.sv,
  responsible: m.responsible,
  startsOn: m.startsOn ?? '',
  dueOn: m.dueOn ?? '',
  status: m.status,
  internalNotes: m.internalNotes ?? '',
});
const linkValues = (l: IndicatorLink) => ({ scope: l.scope, baselineYear: String(l.baselineYear), baselineValue: String(l.baselineValue), targetYear: String(l.targetYear), targetValue: String(l.targetValue) });

export default function MeasurePage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, lang, href, date, dateTime, number } = useI18n();
  const d = loaderData;
  const { measure, goal, agreement, area, section } = d;
  const failed = actionData && !actionData.ok ? actionData : undefined;
  const failedIntent = failed ? ((INTENTS as readonly string[]).includes(failed.values.intent ?? '') ? (failed.values.intent as Intent) : 'post-update') : undefined;
  const failedPrefix = failedIntent === 'update-indicator' ? (failed!.values.linkId ?? 'link') : (failedIntent ?? 'post-update');
  const title = pickText(measure.title, lang);
  const goalTitle = pickText(goal.title, lang);
  const agreementTitle = pickText(agreement.title, lang);
  const labels = useGoalLabels(failedPrefix);
  const fmt = (n: number, decimals = 2) => number(n, Number.isInteger(n) ? 0 : decimals);
  const failedFor = (intent: Intent, prefix: string = intent) => (failedIntent === intent && failedPrefix === prefix ? failed : undefined);
  const post = failedFor('post-update');
  return (
    <div className="page">
      <title>{`${title.text} – ${t.common.appName}`}</title>
      <nav aria-label={t.common.breadcrumb} className="breadcrumb">
        <a href={href(`/agreements/${agreement.id}`)}>{agreementTitle.text}</a> › <a href={href(`/agreements/${agreement.id}/goals`)}>{t.goals.listTitle}</a> ›{' '}
        <a href={href(`/goals/${goal.id}`)}>{goalTitle.text}</a>
      </nav>
      <h1 lang={title.lang === lang ? undefined : title.lang}>{title.text}</h1>
      {actionData?.ok && <Notice>{actionData.intent === 'post-update' ? t.goals.posted : t.goals.saved}</Notice>}
      {failed && <ErrorSummary message={failed.message} fieldErrors={prefixErrors(failed.fieldErrors, failedPrefix)} labels={labels} />}

      <section aria-labelledby="chain-h">
        <h2 id="chain-h">{t.goals.chainTitle}</h2>
        <ol className="trace-chain">
          <li>
            {t.goals.agreement}: <a href={href(`/agreements/${agreement.id}`)}>{agreementTitle.text}</a>
          </li>
          <li>
            {t.goals.section}: {section ? <a href={href(`/agreements/${agreement.id}#sec-${section.id}`)}>{pickText(section.heading, lang).text}</a> : t.goals.noSection}
          </li>
          <li>
            {t.goals.area}: <a href={href(`/agreements/${agreement.id}/goals#area-${area.id}`)}>{pickText(area.name, lang).text}</a>
          </li>
          <li>
            {t.goals.goal}: <a href={href(`/goals/${goal.id}`)}>{goalTitle.text}</a>
          </li>
          <li aria-current="page">
            {t.goals.measure}: {title.text}
          </li>
        </ol>
      </section>

      <section aria-labelledby="facts-h">
        <h2 id="facts-h" className="visually-hidden">
          {t.goals.measure}
        </h2>
        <dl className="facts">
          <div>
            <dt>{t.goals.status}</dt>
            <dd>
              <MeasureStatusTag status={measure.status} />
            </dd>
          </div>
          <div>
            <dt>{t.goals.owners}</dt>
            <dd>
              {d.owners.map((o, i) => (
                <span key={o.id}>
                  {i > 0 && ', '}
                  <a href={href(`/parties/${o.id}`)}>{o.name[lang]}</a>
                </span>
              ))}
            </dd>
          </div>
          {measure.responsible && (
            <div>
              <dt>{t.goals.responsible}</dt>
              <dd>{measure.responsible}</dd>
            </div>
          )}
          <div>
            <dt>{t.goals.schedule}</dt>
            <dd>
              {measure.startsOn ? date(measure.startsOn) : ''} – {measure.dueOn ? date(measure.dueOn) : ''}
            </dd>
          </div>
          {d.canViewNotes && (
            <div>
              <dt>{t.goals.internalNotes}</dt>
              <dd className="source-text">{measure.internalNotes || t.common.none}</dd>
            </div>
          )}
        </dl>
      </section>

      <section aria-labelledby="indicators-h">
        <h2 id="indicators-h">{t.goals.indicators}</h2>
        <p>
          {t.goals.summaryLabel}: <RollUpText summary={d.summary} />
        </p>
        <StatusRule />
        {d.indicators.length === 0 && <p>{t.goals.noIndicators}</p>}
        {d.indicators.map((i) => {
          const name = i.indicator ? i.indicator.title[lang] : i.link.indicatorId;
          const unit = i.indicator?.unit ? ` ${i.indicator.unit}` : '';
          const decimals = i.indicator?.decimals ?? 2;
          const mine = failedFor('update-indicator', i.link.id);
          return (
            <section key={i.link.id} aria-labelledby={`ind-${i.link.id}`} className="card">
              <h3 id={`ind-${i.link.id}`}>{name}</h3>
              {!i.indicator && <p>{t.goals.indicatorMissing}</p>}
              <p>
                {t.goals.scope[i.link.scope]} · {t.goals.baseline(i.link.baselineYear, fmt(i.link.baselineValue, decimals) + unit)} ·{' '}
                {t.goals.target(i.link.targetYear, fmt(i.link.targetValue, decimals) + unit)}
              </p>
              <TableScroll labelledBy={`ind-${i.link.id}`}>
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t.goals.colArea}</th>
                    <th scope="col">{t.goals.colLatest}</th>
                    <th scope="col">{t.goals.colExpected}</th>
                    <th scope="col">{t.goals.colStatus}</th>
                  </tr>
                </thead>
                <tbody>
                  {i.areas.map((a) => (
                    <tr key={a.area.code}>
                      <th scope="row">{a.area.party ? `${a.area.party.name[lang]} (${a.area.code})` : a.area.code}</th>
                      <td>{a.latest ? t.goals.valueInYear(fmt(a.latest.value, decimals) + unit, a.latest.year) : t.goals.noValue}</td>
                      <td>{a.expected !== null ? fmt(a.expected, decimals) + unit : '–'}</td>
                      <td>
                        <IndicatorStatusTag status={a.status} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              </TableScroll>
              {d.canEdit && (
                <details open={mine ? true : undefined}>
                  <summary>{t.goals.editIndicator(name)}</summary>
                  <PostForm aria-labelledby={`edit-${i.link.id}`}>
                    <h4 id={`edit-${i.link.id}`} className="visually-hidden">
                      {t.goals.editIndicator(name)}
                    </h4>
                    <input type="hidden" name="intent" value="update-indicator" />
                    <input type="hidden" name="linkId" value={i.link.id} />
                    <input type="hidden" name="rowVersion" value={i.link.rowVersion} />
                    <IndicatorLinkFields idPrefix={i.link.id} v={mine ? mine.values : linkValues(i.link)} failed={mine} />
                    <SubmitButton>{t.common.save}</SubmitButton>
                  </PostForm>
                </details>
              )}
            </section>
          );
        })}
      </section>

      <section aria-labelledby="updates-h">
        <h2 id="updates-h">{t.goals.updatesTitle}</h2>
        {d.updates.length === 0 ? (
          <p>{t.goals.noUpdates}</p>
        ) : (
          <ol className="update-list">
            {d.updates.map((u) => (
              <li key={u.id}>
                <p>
                  <strong>{dateTime(u.createdAt)}</strong> · {t.goals.updateBy(u.party?.name[lang] ?? '', u.authorLabel)} · <MeasureStatusTag status={u.status} />
                </p>
                {u.body && <p className="source-text">{u.body}</p>}
                {u.value !== null && <p>{t.goals.updateValue(fmt(u.value, d.indicators.find((i) => i.link.id === u.linkId)?.indicator?.decimals), u.areaCode ?? '', u.observedOn ? date(u.observedOn) : '')}</p>}
              </li>
            ))}
          </ol>
        )}
      </section>

      {d.postAs.length > 0 && (
        <section aria-labelledby="post-h" className="card">
          <h2 id="post-h">{t.goals.postTitle}</h2>
          <p>{t.goals.postIntro}</p>
          <PostForm>
            <input type="hidden" name="intent" value="post-update" />
            {d.postAs.length === 1 ? (
              <input type="hidden" name="partyId" value={d.postAs[0]!.id} />
            ) : (
              <SelectField idPrefix="post-update" name="partyId" label={t.goals.postAs} required defaultValue={post?.values.partyId} error={post?.fieldErrors.partyId} options={d.postAs.map((p) => ({ value: p.id, label: p.name[lang] }))} />
            )}
            <SelectField
              idPrefix="post-update"
              name="status"
              label={t.goals.status}
              required
              defaultValue={post?.values.status ?? measure.status}
              error={post?.fieldErrors.status}
              options={MEASURE_STATUSES.map((s) => ({ value: s, label: t.goals.measureStatus[s] }))}
            />
            <TextArea idPrefix="post-update" name="body" label={t.goals.body} rows={4} defaultValue={post?.values.body} error={post?.fieldErrors.body} />
            {d.indicators.length > 0 && (
              <fieldset>
                <legend>{t.goals.valueTitle}</legend>
                <p className="field__hint">{t.goals.valueHint}</p>
                <SelectField
                  idPrefix="post-update"
                  name="linkId"
                  label={t.goals.valueLink}
                  defaultValue={post?.values.linkId}
                  error={post?.fieldErrors.linkId}
                  options={d.indicators.map((i) => ({ value: i.link.id, label: i.indicator ? i.indicator.title[lang] : i.link.indicatorId }))}
                />
                <TextField idPrefix="post-update" name="areaCode" label={t.goals.valueArea} hint={t.goals.valueAreaHint} defaultValue={post?.values.areaCode} error={post?.fieldErrors.areaCode} />
                <TextField idPrefix="post-update" name="date" type="date" label={t.goals.valueDate} defaultValue={post?.values.date} error={post?.fieldErrors.date} />
                <TextField idPrefix="post-update" name="value" label={t.goals.value} defaultValue={post?.values.value} error={post?.fieldErrors.value} />
              </fieldset>
            )}
            <SubmitButton>{t.goals.post}</SubmitButton>
          </PostForm>
        </section>
      )}

      {d.canEdit && (
        <>
          <details className="card" open={failedIntent === 'update-measure' || undefined}>
            <summary>{t.goals.editMeasure}</summary>
            <PostForm aria-labelledby="edit-measure-h">
              <h2 id="edit-measure-h" className="visually-hidden">
                {t.goals.editMeasure}
              </h2>
              <input type="hidden" name="intent" value="update-measure" />
              <input type="hidden" name="rowVersion" value={measure.rowVersion} />
              <MeasureFields
                idPrefix="update-measure"
                v={failedIntent === 'update-measure' ? failed!.values : measureValues(measure)}
                owners={failedIntent === 'update-measure' ? (failed!.values.ownerPartyIds ?? '').split(',') : measure.ownerPartyIds}
                failed={failedFor('update-measure')}
                parties={d.parties}
                withStatus
              />
              <SubmitButton>{t.common.save}</SubmitButton>
            </PostForm>
          </details>
          <details className="card" open={failedIntent === 'add-indicator' || undefined}>
            <summary>{t.goals.addIndicator}</summary>
            <PostForm aria-labelledby="add-indicator-h">
              <h2 id="add-indicator-h" className="visually-hidden">
                {t.goals.addIndicator}
              </h2>
              <input type="hidden" name="intent" value="add-indicator" />
              <IndicatorLinkFields idPrefix="add-indicator" v={failedIntent === 'add-indicator' ? failed!.values : {}} failed={failedFor('add-indicator')} withIndicator />
              <SubmitButton>{t.goals.addIndicator}</SubmitButton>
            </PostForm>
          </details>
        </>
      )}
    </div>
  );
}
