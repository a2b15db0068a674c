import { catalogs, formatDate, formatDateTime } from '#i18n/index.ts';
import { helsinkiDate } from '#platform/clock.ts';
import type { Block, DocumentModel } from '#platform/documents/index.ts';
import type { Party } from '#modules/parties/index.ts';
import { nameIn, type Forum } from './forum.ts';
import type { Meeting } from './meeting.ts';
import type { ActionItem, AgendaItem, ItemTarget, MinutesChecker, PersonAttendance } from './minutes.ts';

export type MeetingDocumentKind = 'agenda' | 'minutes';
export type MeetingDocumentLang = 'fi' | 'sv';

export interface MeetingDocumentInput {
  kind: MeetingDocumentKind;
  lang: MeetingDocumentLang;
  forum: Forum;
  meeting: Meeting;
  items: readonly AgendaItem[];
  parties: readonly Party[];
  minutes: { attendance: readonly PersonAttendance[]; checkers: readonly MinutesChecker[]; actions: readonly ActionItem[] } | null;
  now: Date;
}

/**
 * The agenda (esityslista) or the minutes (pöytäkirja) of a meeting as one document model for DOCX and PDF/A.
 * People's texts in Swedish where written, else in Finnish marked "(på finska)". Internal notes are never in a
 * document: documents leave the product (agendas in case-management systems, archives).
 */
export function buildMeetingDocument(d: MeetingDocumentInput): DocumentModel {
  const t = catalogs[d.lang].minutes.doc;
  const m = catalogs[d.lang].minutes;
  const f = catalogs[d.lang].forums;
  const text = (b: { fi: string; sv: string }) => (d.lang === 'fi' || !b.fi.trim() ? b.fi : b.sv.trim() ? b.sv : `${b.fi} (${t.inFinnish})`);
  const name = (b: { fi: string; sv: string }) => nameIn(b, d.lang);
  const party = (id: string | null) => {
    const p = d.parties.find((x) => x.id === id);
    return p ? p.name[d.lang] : '';
  };
  const target = (x: ItemTarget): string | null => {
    switch (x.link) {
      case 'agreement_version':
        return m.targetVersion({ title: x.agreementTitle, n: x.versionNumber, label: x.label });
      case 'goal':
        return m.targetGoal({ title: text(x.title) });
      case 'measure':
        return m.targetMeasure({ title: text(x.title) });
      case 'annual_report':
        return m.targetReport({ title: x.agreementTitle, year: x.year });
      default:
        return null;
    }
  };
  const paragraphs = (s: string): Block[] => s.split(/\n{2,}/).filter((p) => p.trim()).map((p) => ({ type: 'paragraph', content: p }));
  const title = d.kind === 'agenda' ? t.agendaTitle : t.minutesTitle;
  const blocks: Block[] = [
    { type: 'heading', level: 1, text: `${name(d.forum.name)}: ${text(d.meeting.title)}` },
    {
      type: 'table',
      header: [t.fact, t.value],
      columnWidths: [1, 3],
      rows: [
        [f.when, `${formatDateTime(d.lang, d.meeting.startsAt)} – ${formatDateTime(d.lang, d.meeting.endsAt)} (${t.finnishTime})`],
        ...(d.meeting.place ? [[f.place, d.meeting.place]] : []),
        ...(d.meeting.onlineUrl ? [[f.onlineUrl, d.meeting.onlineUrl]] : []),
        ...(d.meeting.kinds.length ? [[f.kinds, d.meeting.kinds.map((k) => f.kindNames[k]).join(', ')]] : []),
        [f.state, f.states[d.meeting.state]],
      ],
    },
  ];
  if (d.kind === 'minutes' && d.minutes) {
    blocks.push({ type: 'heading', level: 2, text: m.attendanceHeading });
    blocks.push(
      d.minutes.attendance.length
        ? {
            type: 'table',
            header: [m.person, m.party, m.presence],
            columnWidths: [2, 2, 2],
            rows: d.minutes.attendance.map((a) => [
              a.personName,
              party(a.partyId),
              (a.presence === 'deputy' ? m.deputyFor({ name: a.deputyFor }) : m.presences[a.presence]) + (a.leftAtItem !== null ? ` – ${m.leftAt({ n: a.leftAtItem })}` : ''),
            ]),
          }
        : { type: 'paragraph', content: m.noPersonAttendance },
    );
  }
  blocks.push({ type: 'heading', level: 2, text: d.kind === 'agenda' ? m.itemsHeading : t.itemsHandled });
  for (const i of d.items) {
    blocks.push({ type: 'heading', level: 3, text: m.itemHeading({ n: i.position, section: i.section ?? '', title: text(i.title) }) });
    if (i.presenter) blocks.push({ type: 'paragraph', content: m.presenterLine({ name: i.presenter }) });
    const handles = target(i.target);
    if (handles) blocks.push({ type: 'paragraph', content: `${m.handles}: ${handles}` });
    blocks.push(...paragraphs(text(i.body)));
    if (i.attachments.length) blocks.push({ type: 'list', ordered: false, items: i.attachments.map((a) => `${m.attachments}: ${a.title} (${a.fileName})`) });
    if (d.kind === 'minutes') {
      blocks.push(...paragraphs(text(i.summary)));
      if (i.conclusion) blocks.push({ type: 'paragraph', content: [{ text: `${m.conclusionLabel}: `, bold: true }, { text: m.conclusions[i.conclusion] + (text(i.conclusionText) ? `. ${text(i.conclusionText)}` : '') }] });
    }
  }
  if (d.kind === 'minutes' && d.minutes) {
    blocks.push({ type: 'heading', level: 2, text: m.actionsHeading });
    blocks.push(
      d.minutes.actions.length
        ? {
            type: 'table',
            header: [m.actionTitle, m.owner, m.dueOn, m.status],
            columnWidths: [3, 2, 1, 1],
            rows: d.minutes.actions.map((a) => [
              a.itemPosition !== null ? `${a.title} (${m.fromItem({ n: a.itemPosition })})` : a.title,
              [party(a.ownerPartyId), a.ownerPerson].filter(Boolean).join(', '),
              formatDate(d.lang, a.dueOn),
              m.actionStatuses[a.status],
            ]),
          }
        : { type: 'paragraph', content: m.noActions },
    );
    blocks.push({ type: 'heading', level: 2, text: m.checkersHeading });
    if (!d.minutes.checkers.length) blocks.push({ type: 'paragraph', content: m.noCheckers });
    for (const c of d.minutes.checkers) {
      blocks.push({ type: 'signature', name: c.personName, title: t.checker, ...(c.checkedAt ? { date: helsinkiDate(c.checkedAt), method: t.checkedInProduct } : { method: m.notChecked }) });
    }
  }
  return {
    title: `${title}: ${name(d.forum.name)} ${formatDate(d.lang, d.meeting.startsAt)}`,
    subtitle: text(d.meeting.title),
    language: d.lang,
    metadata: { author: name(d.forum.name), organisation: party(d.forum.ownerPartyId), subject: title, keywords: [title, name(d.forum.name)], created: d.now },
    blocks,
  };
}
