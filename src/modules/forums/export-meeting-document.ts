import { catalogs } from '#i18n/index.ts';
import { helsinkiDate } from '#platform/clock.ts';
import type { Ctx } from '#platform/context.ts';
import { renderDocx, renderPdf } from '#platform/documents/index.ts';
import { notFound } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { DOCX, PDF } from '#platform/uploads.ts';
import { getCooperationRegion } from '#modules/parties/index.ts';
import { forumPolicy } from './forum-policy.ts';
import { buildMeetingDocument, type MeetingDocumentKind, type MeetingDocumentLang } from './meeting-document.ts';
import { meetingRecord } from './minutes-access.ts';
import { meetingRecordPolicy } from './minutes-policy.ts';
import { listActionsOfMeeting, listCheckers, listItems, listPersonAttendance } from './minutes-queries.ts';

/** `agenda-fi.pdf`, `minutes-sv.docx`, …: the documents a meeting has. */
const FILE = /^(agenda|minutes)-(fi|sv)\.(pdf|docx)$/;

/**
 * A meeting's agenda or minutes as DOCX (for a party's case-management system) or PDF/A-2b (to archive), in Finnish or
 * Swedish, for those who may see it on the page (the agenda once published, the minutes once approved; the public
 * only a public forum's).
 */
export async function exportMeetingDocument(ctx: Ctx, meetingId: string, file: string): Promise<{ fileName: string; mediaType: string; content: Buffer }> {
  const { meeting, forum, subject, record } = await meetingRecord(ctx.db, meetingId);
  assertCan(forumPolicy, 'forum.view', ctx.actor, subject);
  const match = FILE.exec(file);
  if (!match) throw notFound('forums.document_not_found');
  const kind = match[1] as MeetingDocumentKind;
  const lang = match[2] as MeetingDocumentLang;
  const format = match[3] as 'pdf' | 'docx';
  assertCan(meetingRecordPolicy, kind === 'agenda' ? 'agenda.view' : 'minutes.view', ctx.actor, record);
  const items = await listItems(ctx.db, meetingId);
  const minutes =
    kind === 'minutes'
      ? { attendance: await listPersonAttendance(ctx.db, meetingId), checkers: await listCheckers(ctx.db, meetingId), actions: await listActionsOfMeeting(ctx.db, meetingId) }
      : null;
  const { parties } = await getCooperationRegion(ctx, forum.countyCode);
  const model = buildMeetingDocument({ kind, lang, forum, meeting, items, parties, minutes, now: ctx.clock.now() });
  const content = format === 'pdf' ? await renderPdf(model) : await renderDocx(model);
  const stem = catalogs[lang].minutes.doc[kind === 'agenda' ? 'agendaFile' : 'minutesFile'];
  const day = helsinkiDate(meeting.startsAt);
  return { fileName: `${stem}-${day}-${lang}.${format}`, mediaType: format === 'pdf' ? PDF : DOCX, content };
}
