import { catalogs, formatNumber } from '#i18n/index.ts';
import { formatDocumentDate, type Block, type DocumentModel, type InlineRun } from '#platform/documents/index.ts';
import type { Bilingual, MeasureStatus } from './goal.ts';
import type { AgreementReport, Named, ReportIndicator, ReportMeasure, ReportRow } from './report.ts';

export type ReportLang = 'fi' | 'sv';
export const REPORT_LANGS: readonly ReportLang[] = ['fi', 'sv'];

const CC_BY_URL = 'https://creativecommons.org/licenses/by/4.0/';

/**
 * Texts of the report in one language. Content written by people exists in Finnish and, where written, in
 * Swedish: a Swedish report falls back to Finnish and marks the text "(på finska)". Labels come from the catalogs.
 */
export function reportTexts(lang: ReportLang) {
  const t = catalogs[lang].reports;
  const g = catalogs[lang].goals;
  /** People's texts (goals, measures, areas, sections, updates' author parties). */
  const text = (b: Bilingual | Named): string => {
    if (lang === 'fi' || !b.fi.trim()) return b.fi;
    return b.sv.trim() ? b.sv : `${b.fi} (${t.inFinnish})`;
  };
  /** Official names (parties, areas): the Swedish name when the register has one, unmarked. */
  const name = (n: Named): string => (lang === 'sv' && n.sv.trim() ? n.sv : n.fi);
  const num = (v: number, decimals: number) => formatNumber(lang, v, decimals);
  const date = (d: string) => formatDocumentDate(d, lang);
  return { t, g, text, name, num, date };
}

type Texts = ReturnType<typeof reportTexts>;

const MEASURE_COLUMNS: readonly MeasureStatus[] = ['not_started', 'on_track', 'at_risk', 'late', 'done'];
const INDICATOR_COLUMNS = ['on_track', 'off_track', 'no_data', 'no_status'] as const;

export function scheduleText(x: Texts, m: Pick<ReportMeasure, 'startsOn' | 'dueOn'>): string {
  if (!m.startsOn && !m.dueOn) return x.t.notSet;
  return `${m.startsOn ? x.date(m.startsOn) : ''}–${m.dueOn ? x.date(m.dueOn) : ''}`;
}

export function rowName(x: Texts, r: ReportRow): string {
  return r.reference ? `${x.name(r.name)} (${x.t.reference})` : x.name(r.name);
}

export function latestText(x: Texts, i: ReportIndicator, r: ReportRow): string {
  return r.latest ? `${x.num(r.latest.value, i.indicator.decimals)} (${r.latest.year})` : '–';
}

export function statusText(x: Texts, r: ReportRow): string {
  return r.status ? x.g.indicatorStatus[r.status] : '–';
}

export function trendText(x: Texts, r: ReportRow): string {
  return r.trend ? x.t.trends[r.trend] : x.t.noTrend;
}

/** The areas of a finding as names ("Oulu, Kempele"). */
export function areaNames(x: Texts, i: ReportIndicator, codes: readonly string[]): string {
  return codes.map((c) => x.name(i.rows.find((r) => r.code === c)!.name)).join(', ');
}

/**
 * The report as a document in Finnish or Swedish: title page, then chapters numbered like a welfare report
 * (summary; population wellbeing and services; strengths and areas to develop; goals and measures), the sources
 * with their licences, and the status rule.
 */
export function buildReportDocument(r: AgreementReport, lang: ReportLang, created: Date): DocumentModel {
  const x = reportTexts(lang);
  const { t, g } = x;
  const blocks: Block[] = [];
  const measures = new Map(r.areas.flatMap((a) => a.goals.flatMap((goal) => goal.measures.map((m) => [m.id, { m, goal }] as const))));
  const indicatorByLink = new Map(r.indicators.map((i) => [i.linkId, i]));
  const coordinator = r.parties.find((p) => p.id === r.agreement.coordinatingPartyId);

  // Title page
  blocks.push({
    type: 'paragraph',
    content: [
      { text: `${t.agreement}: `, bold: true },
      { text: x.text(r.agreement.title) },
    ],
  });
  blocks.push({ type: 'paragraph', content: [{ text: `${t.county}: `, bold: true }, { text: x.name(r.agreement.countyName) }] });
  blocks.push({ type: 'paragraph', content: [{ text: `${t.region}: `, bold: true }, { text: x.name(r.agreement.regionName) }] });
  blocks.push({ type: 'paragraph', content: [{ text: `${t.year}: `, bold: true }, { text: String(r.year) }] });
  blocks.push({ type: 'paragraph', content: [{ text: `${t.prepared}: `, bold: true }, { text: x.date(r.preparedOn) }] });
  blocks.push({ type: 'heading', level: 2, text: t.parties });
  blocks.push({
    type: 'table',
    header: [t.colParty, t.colBusinessId],
    columnWidths: [3, 1],
    rows: r.parties.map((p) => [p.id === r.agreement.coordinatingPartyId ? `${x.name(p.name)} (${t.coordinator})` : x.name(p.name), p.businessId ?? '–']),
  });
  if (lang === 'sv') blocks.push({ type: 'paragraph', content: [{ text: t.fallbackNote, italic: true }] });
  blocks.push({ type: 'pageBreak' });

  // 1 Summary
  blocks.push({ type: 'heading', level: 1, text: t.h.summary });
  if (r.areas.length === 0) blocks.push({ type: 'paragraph', content: t.noAreas });
  else {
    blocks.push({ type: 'paragraph', content: t.totals(r.totals.goals, r.totals.measures, r.totals.indicators, r.areas.length) });
    blocks.push({ type: 'paragraph', content: t.goalsByStatus(r.totals.goalsByStatus) });
    blocks.push({ type: 'heading', level: 2, text: t.measuresHeading });
    blocks.push({
      type: 'table',
      header: [t.colArea, t.colGoals, t.colMeasures, ...MEASURE_COLUMNS.map((s) => g.measureStatus[s])],
      columnWidths: [2.6, 1.1, 1.3, 1.6, 1.9, 1.4, 1.6, 1.1],
      rows: [...r.areas.map((a) => ({ name: x.text(a.name), c: a.counts })), { name: t.total, c: r.totals }].map(({ name, c }) => [
        name,
        String(c.goals),
        String(c.measures),
        ...MEASURE_COLUMNS.map((s) => String(c.measuresByStatus[s])),
      ]),
    });
    blocks.push({ type: 'heading', level: 2, text: t.indicatorsHeading });
    blocks.push({
      type: 'table',
      header: [t.colArea, ...INDICATOR_COLUMNS.map((s) => g.indicatorStatus[s])],
      columnWidths: [4, 1.5, 1.5, 1.5, 1.5],
      rows: [...r.areas.map((a) => ({ name: x.text(a.name), c: a.counts })), { name: t.total, c: r.totals }].map(({ name, c }) => [
        name,
        ...INDICATOR_COLUMNS.map((s) => String(c.indicatorsByStatus[s])),
      ]),
    });
  }

  // 2 Population wellbeing and services
  blocks.push({ type: 'heading', level: 1, text: t.h.wellbeing });
  if (r.indicators.length === 0) blocks.push({ type: 'paragraph', content: t.noIndicators });
  else blocks.push({ type: 'paragraph', content: t.wellbeingIntro(r.year) });
  for (const i of r.indicators) {
    const { m, goal } = measures.get(i.measureId)!;
    const d = i.indicator.decimals;
    blocks.push({ type: 'heading', level: 2, text: x.text(i.indicator.title) });
    blocks.push({ type: 'paragraph', content: t.forGoal(x.text(goal.title), x.text(m.title)) });
    blocks.push({
      type: 'paragraph',
      content: [
        t.scopeLine(g.scope[i.scope]),
        t.pathLine(x.num(i.baseline.value, d), i.baseline.year, x.num(i.target.value, d), i.target.year),
        t.directions[i.indicator.direction],
        ...(i.indicator.unit ? [t.unit(i.indicator.unit)] : []),
      ].join(' '),
    });
    blocks.push({ type: 'heading', level: 3, text: `${t.statusHeading}: ${x.text(i.indicator.title)}` });
    blocks.push({
      type: 'table',
      header: [t.colAreaName, t.colLatest, t.colExpected, t.colStatus, t.colTrend],
      columnWidths: [3, 2, 2, 1.6, 1.6],
      rows: i.rows.map((row) => [rowName(x, row), latestText(x, i, row), row.expected === null || row.reference ? '–' : x.num(row.expected, d), statusText(x, row), trendText(x, row)]),
    });
    blocks.push({ type: 'heading', level: 3, text: `${t.trendHeading}: ${x.text(i.indicator.title)}` });
    if (i.years.length === 0) blocks.push({ type: 'paragraph', content: t.noValues(r.year) });
    else {
      blocks.push({
        type: 'table',
        header: [t.colAreaName, ...i.years.map(String)],
        columnWidths: [3, ...i.years.map(() => 1)],
        rows: i.rows.map((row) => [rowName(x, row), ...row.values.map((v) => (v === null ? '–' : x.num(v, d)))]),
      });
    }
  }

  // 3 Strengths and areas to develop (derived)
  blocks.push({ type: 'heading', level: 1, text: t.h.strengths });
  blocks.push({ type: 'paragraph', content: [{ text: t.derivedNote, italic: true }] });
  const f = r.findings;
  const title = (linkId: string) => x.text(indicatorByLink.get(linkId)!.indicator.title);
  const strengths = [
    ...f.indicatorsOnTrack.map((o) => t.onTrackIn(title(o.linkId), areaNames(x, indicatorByLink.get(o.linkId)!, o.areaCodes))),
    ...f.measuresDone.map((id) => t.measureDone(x.text(measures.get(id)!.m.title))),
  ];
  const develop = [
    ...f.indicatorsOffTrack.map((o) => t.offTrackIn(title(o.linkId), areaNames(x, indicatorByLink.get(o.linkId)!, o.areaCodes))),
    ...f.measuresBehind.map((b) => t.measureBehind(x.text(measures.get(b.measureId)!.m.title), g.measureStatus[b.status])),
    ...f.indicatorsNoData.map((o) => t.noDataIn(title(o.linkId), areaNames(x, indicatorByLink.get(o.linkId)!, o.areaCodes))),
  ];
  blocks.push({ type: 'heading', level: 2, text: t.strengths });
  blocks.push(strengths.length ? { type: 'list', ordered: false, items: strengths } : { type: 'paragraph', content: t.noStrengths });
  blocks.push({ type: 'heading', level: 2, text: t.toDevelop });
  blocks.push(develop.length ? { type: 'list', ordered: false, items: develop } : { type: 'paragraph', content: t.noDevelop });

  // 4 Goals and measures
  blocks.push({ type: 'heading', level: 1, text: t.h.goals });
  for (const a of r.areas) {
    blocks.push({ type: 'heading', level: 2, text: x.text(a.name) });
    if (a.goals.length === 0) blocks.push({ type: 'paragraph', content: t.noGoals });
    for (const goal of a.goals) {
      blocks.push({ type: 'heading', level: 3, text: x.text(goal.title) });
      blocks.push({ type: 'paragraph', content: goal.section ? t.sectionRef(`${goal.section.number} ${x.text(goal.section.heading)}`) : t.noSection });
      if (goal.description.fi.trim()) blocks.push({ type: 'paragraph', content: x.text(goal.description) });
      blocks.push({ type: 'paragraph', content: [{ text: `${t.goalStatus}: `, bold: true }, { text: rollUpText(x, goal.summary) }] });
      if (goal.measures.length === 0) blocks.push({ type: 'paragraph', content: t.noMeasures });
      for (const m of goal.measures) {
        blocks.push({ type: 'paragraph', content: [{ text: x.text(m.title), bold: true }] });
        const item = (label: string, value: string): InlineRun[] => [{ text: `${label}: `, bold: true }, { text: value }];
        const u = m.latestUpdate;
        blocks.push({
          type: 'list',
          ordered: false,
          items: [
            item(t.owners, m.owners.map((o) => x.name(o.name)).join(', ') || '–'),
            item(t.responsible, m.responsible.trim() || '–'),
            item(t.schedule, scheduleText(x, m)),
            item(t.status, g.measureStatus[m.status]),
            item(t.indicators, m.linkIds.length ? m.linkIds.map((id) => `${title(id)}: ${g.indicatorStatus[indicatorByLink.get(id)!.summary.worst]}`).join('; ') : g.noIndicators),
            u
              ? item(`${t.latestUpdate} (${t.updateBy(u.party ? x.name(u.party.name) : '–', x.date(u.postedOn))})`, u.body.trim() || g.measureStatus[u.status])
              : item(t.latestUpdate, t.noUpdate),
          ],
        });
      }
    }
  }

  // 5 Sources and licences
  blocks.push({ type: 'heading', level: 1, text: t.h.sources });
  blocks.push({ type: 'paragraph', content: t.sourcesIntro });
  blocks.push({ type: 'paragraph', content: [{ text: t.licenceLink, link: CC_BY_URL }, { text: `: ${CC_BY_URL}` }] });
  if (r.sources.length === 0) blocks.push({ type: 'paragraph', content: t.noSources });
  else {
    blocks.push({
      type: 'table',
      header: [t.colIndicator, t.colSource, t.colLicence, t.colUpdated],
      columnWidths: [4, 2, 1.5, 1.5],
      rows: r.sources.map((s) => [
        `${x.text(s.title)} (${s.indicatorId})`,
        [s.attribution, s.organisation].filter((v, k, all) => v.trim() && all.indexOf(v) === k).join(', ') || '–',
        s.licence.trim() || t.noLicence,
        s.dataUpdated ? x.date(s.dataUpdated) : t.unknownDate,
      ]),
    });
  }
  if (r.usesOwnerValues) blocks.push({ type: 'paragraph', content: t.ownValues });

  // 6 The status rule
  blocks.push({ type: 'heading', level: 1, text: t.h.rule });
  for (const p of [...g.rule, ...t.reportRule(r.year)]) blocks.push({ type: 'paragraph', content: p });

  const docTitle = t.title(r.year);
  const author = coordinator ? x.name(coordinator.name) : x.name(r.agreement.countyName);
  return {
    title: docTitle,
    subtitle: x.text(r.agreement.title),
    language: lang,
    metadata: {
      author,
      organisation: author,
      subject: t.subject,
      keywords: [t.title(r.year), x.name(r.agreement.regionName), ...r.parties.map((p) => x.name(p.name))],
      description: `${docTitle}: ${x.text(r.agreement.title)}`,
      customProperties: { reportYear: String(r.year), agreementId: r.agreement.id },
      created,
    },
    blocks,
  };
}

export function rollUpText(x: Texts, s: { worst: keyof Texts['g']['indicatorStatus']; counts: { on_track: number; off_track: number; no_data: number } }): string {
  const total = s.counts.on_track + s.counts.off_track + s.counts.no_data;
  if (total === 0) return x.g.noIndicators;
  return `${x.g.indicatorStatus[s.worst]} (${x.g.counts(s.counts)})`;
}
