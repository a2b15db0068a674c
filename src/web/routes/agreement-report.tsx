import { data } from 'react-router';
import type { AgreementReport, ReportIndicator, ReportRow } from '#modules/goals/index.ts';
import type { Route } from './+types/agreement-report';
import { pickText } from '../components/agreement-content.tsx';
import { ErrorSummary, SelectField } from '../components/forms.tsx';
import { IndicatorStatusTag, MeasureStatusTag, RollUpText } from '../components/goal-status.tsx';
import { LineChart } from '../components/situation-charts.tsx';
import { TableScroll } from '../components/table.tsx';
import { useI18n, type I18n } from '../i18n.tsx';
import { dailyPublicPageHeaders } from '../public-page.ts';
import { loadReportPage } from '../report.server.ts';

/**
 * The annual follow-up report as a page (public like the goals pages): the same chapters as the DOCX/PDF files,
 * a year choice (a GET form, no JavaScript needed) and the download links. The default year and the
 * preparation date come from the clock by the day: anonymous visitors may get the page from the page cache
 * until the data or the date (Helsinki) changes.
 */
export const headers = dailyPublicPageHeaders;

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const page = await loadReportPage(request, context, params.id);
  return page.errors.length ? data(page, { status: 400 }) : page;
}

type Text = { text: string; lang: 'fi' | 'sv'; fallback: boolean };
const Txt = ({ v, lang }: { v: Text; lang: string }) => <span lang={v.lang === lang ? undefined : v.lang}>{v.text}</span>;
const name = (n: { fi: string; sv: string; en: string }, lang: string) => (lang === 'sv' && n.sv ? n.sv : lang === 'en' && n.en ? n.en : n.fi);

export default function AgreementReportPage({ loaderData }: Route.ComponentProps) {
  const i18n = useI18n();
  const { t, lang, href } = i18n;
  const { report: r, errors, asked } = loaderData as { report: AgreementReport; errors: { field: string; label: string; message: string }[]; asked: string | null };
  const rt = t.reports;
  const title = pickText(r.agreement.title, lang);
  const base = `/agreements/${r.agreement.id}`;
  const fieldErrors = Object.fromEntries(errors.map((e) => [e.field, e.message]));
  const labels = Object.fromEntries(errors.map((e) => [e.field, e.label]));
  const measures = new Map(r.areas.flatMap((a) => a.goals.flatMap((g) => g.measures.map((m) => [m.id, { m, g }] as const))));
  const byLink = new Map(r.indicators.map((i) => [i.linkId, i]));
  const pageTitle = errors.length ? rt.linkFromGoals : rt.title(r.year);
  return (
    <div className="page report-page">
      <title>{`${pageTitle} – ${title.text} – ${t.common.appName}`}</title>
      <nav aria-label={t.common.breadcrumb} className="breadcrumb">
        <a href={href(base)} lang={title.lang === lang ? undefined : title.lang}>
          {title.text}
        </a>{' '}
        › <a href={href(`${base}/goals`)}>{t.goals.listTitle}</a>
      </nav>
      <h1>{pageTitle}</h1>
      <p className="lead">
        <Txt v={title} lang={lang} />
      </p>
      <ErrorSummary fieldErrors={fieldErrors} labels={labels} />
      <p>{rt.intro}</p>
      <form method="get" action={href(`${base}/report`)} className="card row-form">
        <SelectField
          name="year"
          label={rt.chooseYear}
          defaultValue={errors.length ? (asked ?? '') : String(r.year)}
          error={fieldErrors.year}
          options={[...(errors.length && asked !== null && !r.years.includes(Number(asked)) ? [{ value: asked, label: asked }] : []), ...[...r.years].reverse().map((y) => ({ value: String(y), label: String(y) }))]}
        />
        <button type="submit" className="button button--secondary">
          {rt.show}
        </button>
      </form>
      {errors.length === 0 && <ReportBody r={r} i18n={i18n} measures={measures} byLink={byLink} base={base} />}
    </div>
  );
}

function ReportBody({
  r,
  i18n,
  measures,
  byLink,
  base,
}: {
  r: AgreementReport;
  i18n: I18n;
  measures: Map<string, { m: AgreementReport['areas'][number]['goals'][number]['measures'][number]; g: AgreementReport['areas'][number]['goals'][number] }>;
  byLink: Map<string, ReportIndicator>;
  base: string;
}) {
  const { t, lang, href, date, number } = i18n;
  const rt = t.reports;
  const g = t.goals;
  const pick = (b: { fi: string; sv: string }) => <Txt v={pickText(b, lang)} lang={lang} />;
  const rowName = (row: ReportRow) => (row.reference ? `${name(row.name, lang)} (${rt.reference})` : name(row.name, lang));
  const areasOf = (i: ReportIndicator, codes: readonly string[]) => codes.map((c) => name(i.rows.find((x) => x.code === c)!.name, lang)).join(', ');
  const f = r.findings;
  const strengths = [
    ...f.indicatorsOnTrack.map((o) => ({ key: `on-${o.linkId}`, title: byLink.get(o.linkId)!.indicator.title, text: (s: string) => rt.onTrackIn(s, areasOf(byLink.get(o.linkId)!, o.areaCodes)) })),
    ...f.measuresDone.map((id) => ({ key: `done-${id}`, title: measures.get(id)!.m.title, text: (s: string) => rt.measureDone(s) })),
  ];
  const develop = [
    ...f.indicatorsOffTrack.map((o) => ({ key: `off-${o.linkId}`, title: byLink.get(o.linkId)!.indicator.title, text: (s: string) => rt.offTrackIn(s, areasOf(byLink.get(o.linkId)!, o.areaCodes)) })),
    ...f.measuresBehind.map((b) => ({ key: `behind-${b.measureId}`, title: measures.get(b.measureId)!.m.title, text: (s: string) => rt.measureBehind(s, g.measureStatus[b.status]) })),
    ...f.indicatorsNoData.map((o) => ({ key: `nodata-${o.linkId}`, title: byLink.get(o.linkId)!.indicator.title, text: (s: string) => rt.noDataIn(s, areasOf(byLink.get(o.linkId)!, o.areaCodes)) })),
  ];
  const finding = (x: (typeof strengths)[number]) => {
    const p = pickText(x.title, lang);
    return (
      <li key={x.key} lang={p.lang === lang ? undefined : p.lang}>
        {x.text(p.text)}
      </li>
    );
  };
  const query = (l: string) => `?year=${r.year}&lang=${l}`;
  return (
    <>
      <section aria-labelledby="download-h">
        <h2 id="download-h">{rt.downloadHeading}</h2>
        <ul>
          {(['fi', 'sv'] as const).flatMap((l) => [
            <li key={`docx-${l}`}>
              <a href={href(`${base}/report.docx${query(l)}`)} download>
                {rt.docx(rt.langNames[l])}
              </a>
            </li>,
            <li key={`pdf-${l}`}>
              <a href={href(`${base}/report.pdf${query(l)}`)} download>
                {rt.pdf(rt.langNames[l])}
              </a>
            </li>,
          ])}
        </ul>
      </section>

      <dl className="facts">
        <dt>{rt.county}</dt>
        <dd>{name(r.agreement.countyName, lang)}</dd>
        <dt>{rt.region}</dt>
        <dd>{name(r.agreement.regionName, lang)}</dd>
        <dt>{rt.year}</dt>
        <dd>{r.year}</dd>
        <dt>{rt.prepared}</dt>
        <dd>{date(r.preparedOn)}</dd>
        <dt>{rt.parties}</dt>
        <dd>
          {r.parties.map((p) => (p.id === r.agreement.coordinatingPartyId ? `${name(p.name, lang)} (${rt.coordinator})` : name(p.name, lang))).join(', ')}
        </dd>
      </dl>

      <section aria-labelledby="summary-h">
        <h2 id="summary-h">{rt.h.summary}</h2>
        {r.areas.length === 0 ? (
          <p>{rt.noAreas}</p>
        ) : (
          <>
            <p>{rt.totals(r.totals.goals, r.totals.measures, r.totals.indicators, r.areas.length)}</p>
            <p>{rt.goalsByStatus(r.totals.goalsByStatus)}</p>
            <h3 id="measures-h">{rt.measuresHeading}</h3>
            <TableScroll labelledBy="measures-h">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{rt.colArea}</th>
                    <th scope="col">{rt.colGoals}</th>
                    <th scope="col">{rt.colMeasures}</th>
                    {(['not_started', 'on_track', 'at_risk', 'late', 'done'] as const).map((s) => (
                      <th scope="col" key={s}>
                        {g.measureStatus[s]}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {[...r.areas.map((a) => ({ key: a.id, label: pick(a.name), c: a.counts })), { key: 'total', label: <>{rt.total}</>, c: r.totals }].map(({ key, label, c }) => (
                    <tr key={key}>
                      <th scope="row">{label}</th>
                      <td>{c.goals}</td>
                      <td>{c.measures}</td>
                      {(['not_started', 'on_track', 'at_risk', 'late', 'done'] as const).map((s) => (
                        <td key={s}>{c.measuresByStatus[s]}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
            <h3 id="indicators-h">{rt.indicatorsHeading}</h3>
            <TableScroll labelledBy="indicators-h">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{rt.colArea}</th>
                    {(['on_track', 'off_track', 'no_data', 'no_status'] as const).map((s) => (
                      <th scope="col" key={s}>
                        {g.indicatorStatus[s]}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {[...r.areas.map((a) => ({ key: a.id, label: pick(a.name), c: a.counts })), { key: 'total', label: <>{rt.total}</>, c: r.totals }].map(({ key, label, c }) => (
                    <tr key={key}>
                      <th scope="row">{label}</th>
                      {(['on_track', 'off_track', 'no_data', 'no_status'] as const).map((s) => (
                        <td key={s}>{c.indicatorsByStatus[s]}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </>
        )}
      </section>

      <section aria-labelledby="wellbeing-h">
        <h2 id="wellbeing-h">{rt.h.wellbeing}</h2>
        <p>{r.indicators.length ? rt.wellbeingIntro(r.year) : rt.noIndicators}</p>
        {r.indicators.map((i, k) => {
          const it = pickText(i.indicator.title, lang);
          const { m, g: goal } = measures.get(i.measureId)!;
          const d = i.indicator.decimals;
          const itLang = it.lang === lang ? undefined : it.lang;
          const chartRows = i.rows.filter((row) => (row.reference || i.rows.filter((x) => !x.reference).length <= 3) && row.values.some((v) => v !== null));
          return (
            <section key={i.linkId} aria-labelledby={`ind-${k}`} className="report-indicator">
              <h3 id={`ind-${k}`} lang={itLang}>
                {it.text}
              </h3>
              <p>
                {g.goal}: <a href={href(`/goals/${goal.id}`)}>{pick(goal.title)}</a>. {g.measure}: <a href={href(`/measures/${m.id}`)}>{pick(m.title)}</a>.
              </p>
              <p>
                {rt.scopeLine(g.scope[i.scope])} {rt.pathLine(number(i.baseline.value, d), i.baseline.year, number(i.target.value, d), i.target.year)} {rt.directions[i.indicator.direction]}{' '}
                {i.indicator.unit ? rt.unit(i.indicator.unit) : ''}
              </p>
              <h4 id={`ind-${k}-status`}>{rt.statusHeading}</h4>
              <TableScroll labelledBy={`ind-${k}-status`}>
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">{rt.colAreaName}</th>
                      <th scope="col">{rt.colLatest}</th>
                      <th scope="col">{rt.colExpected}</th>
                      <th scope="col">{rt.colStatus}</th>
                      <th scope="col">{rt.colTrend}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {i.rows.map((row) => (
                      <tr key={row.code}>
                        <th scope="row">{rowName(row)}</th>
                        <td>{row.latest ? `${number(row.latest.value, d)} (${row.latest.year})` : '–'}</td>
                        <td>{row.expected === null ? '–' : number(row.expected, d)}</td>
                        <td>{row.status ? <IndicatorStatusTag status={row.status} /> : '–'}</td>
                        <td>{row.trend ? rt.trends[row.trend] : rt.noTrend}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
              <h4 id={`ind-${k}-trend`}>{rt.trendHeading}</h4>
              {i.years.length === 0 ? (
                <p>{rt.noValues(r.year)}</p>
              ) : (
                <>
                  <LineChart
                    id={`chart-${k}`}
                    title={`${rt.trendHeading}: ${it.text}`}
                    desc={rt.wellbeingIntro(r.year)}
                    format={(n) => number(n, d)}
                    series={chartRows.map((row) => ({
                      label: rowName(row),
                      values: Object.fromEntries(i.years.flatMap((y, n) => (row.values[n] === null ? [] : [[y, row.values[n]!]]))),
                    }))}
                  />
                  <TableScroll labelledBy={`ind-${k}-trend`}>
                    <table className="table">
                      <thead>
                        <tr>
                          <th scope="col">{rt.colAreaName}</th>
                          {i.years.map((y) => (
                            <th scope="col" key={y}>
                              {y}
                            </th>
                          ))}
                        </tr>
                      </thead>
                      <tbody>
                        {i.rows.map((row) => (
                          <tr key={row.code}>
                            <th scope="row">{rowName(row)}</th>
                            {row.values.map((v, n) => (
                              <td key={i.years[n]}>{v === null ? '–' : number(v, d)}</td>
                            ))}
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </TableScroll>
                </>
              )}
            </section>
          );
        })}
      </section>

      <section aria-labelledby="strengths-h">
        <h2 id="strengths-h">{rt.h.strengths}</h2>
        <p>
          <em>{rt.derivedNote}</em>
        </p>
        <h3>{rt.strengths}</h3>
        {strengths.length ? <ul>{strengths.map(finding)}</ul> : <p>{rt.noStrengths}</p>}
        <h3>{rt.toDevelop}</h3>
        {develop.length ? <ul>{develop.map(finding)}</ul> : <p>{rt.noDevelop}</p>}
      </section>

      <section aria-labelledby="goals-h">
        <h2 id="goals-h">{rt.h.goals}</h2>
        {r.areas.map((a) => (
          <section key={a.id} aria-labelledby={`area-${a.id}`}>
            <h3 id={`area-${a.id}`}>{pick(a.name)}</h3>
            {a.goals.length === 0 && <p>{rt.noGoals}</p>}
            {a.goals.map((goal) => (
              <div key={goal.id} className="report-goal">
                <h4>
                  <a href={href(`/goals/${goal.id}`)}>{pick(goal.title)}</a>
                </h4>
                <p>{goal.section ? <>{rt.sectionRef(`${goal.section.number}`)} {pick(goal.section.heading)}</> : rt.noSection}</p>
                {goal.description.fi.trim() && <p>{pick(goal.description)}</p>}
                <p>
                  {rt.goalStatus}: <RollUpText summary={goal.summary} />
                </p>
                {goal.measures.length === 0 && <p>{rt.noMeasures}</p>}
                {goal.measures.map((m) => (
                  <div key={m.id} className="report-measure">
                    <h5>
                      <a href={href(`/measures/${m.id}`)}>{pick(m.title)}</a>
                    </h5>
                    <dl className="facts">
                      <dt>{rt.owners}</dt>
                      <dd>{m.owners.map((o) => name(o.name, lang)).join(', ') || '–'}</dd>
                      <dt>{rt.responsible}</dt>
                      <dd>{m.responsible.trim() || '–'}</dd>
                      <dt>{rt.schedule}</dt>
                      <dd>{!m.startsOn && !m.dueOn ? rt.notSet : `${m.startsOn ? date(m.startsOn) : ''}–${m.dueOn ? date(m.dueOn) : ''}`}</dd>
                      <dt>{rt.status}</dt>
                      <dd>
                        <MeasureStatusTag status={m.status} />
                      </dd>
                      <dt>{rt.indicators}</dt>
                      <dd>
                        {m.linkIds.length === 0
                          ? g.noIndicators
                          : m.linkIds.map((id, n) => (
                              <span key={id}>
                                {n > 0 && '; '}
                                {pick(byLink.get(id)!.indicator.title)}: {g.indicatorStatus[byLink.get(id)!.summary.worst]}
                              </span>
                            ))}
                      </dd>
                      <dt>{rt.latestUpdate}</dt>
                      <dd>
                        {m.latestUpdate ? (
                          <>
                            <span>{m.latestUpdate.body.trim() || g.measureStatus[m.latestUpdate.status]}</span> ({rt.updateBy(m.latestUpdate.party ? name(m.latestUpdate.party.name, lang) : '–', date(m.latestUpdate.postedOn))})
                          </>
                        ) : (
                          rt.noUpdate
                        )}
                      </dd>
                    </dl>
                  </div>
                ))}
              </div>
            ))}
          </section>
        ))}
      </section>

      <section aria-labelledby="sources-h">
        <h2 id="sources-h">{rt.h.sources}</h2>
        <p>{rt.sourcesIntro}</p>
        <p>
          <a href="https://creativecommons.org/licenses/by/4.0/" lang="en">
            {rt.licenceLink}
          </a>
        </p>
        {r.sources.length === 0 ? (
          <p>{rt.noSources}</p>
        ) : (
          <TableScroll labelledBy="sources-h">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{rt.colIndicator}</th>
                  <th scope="col">{rt.colSource}</th>
                  <th scope="col">{rt.colLicence}</th>
                  <th scope="col">{rt.colUpdated}</th>
                </tr>
              </thead>
              <tbody>
                {r.sources.map((s) => (
                  <tr key={s.indicatorId}>
                    <th scope="row">
                      {pick(s.title)} ({s.indicatorId})
                    </th>
                    <td>{[s.attribution, s.organisation].filter((v, k, all) => v.trim() && all.indexOf(v) === k).join(', ') || '–'}</td>
                    <td>{s.licence.trim() || rt.noLicence}</td>
                    <td>{s.dataUpdated ? date(s.dataUpdated) : rt.unknownDate}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
        {r.usesOwnerValues && <p>{rt.ownValues}</p>}
      </section>

      <section aria-labelledby="rule-h">
        <h2 id="rule-h">{rt.h.rule}</h2>
        {[...g.rule, ...rt.reportRule(r.year)].map((p, k) => (
          <p key={k}>{p}</p>
        ))}
      </section>
    </>
  );
}
