import { catalogs, formatDateTime, href } from '#i18n/index.ts';
import { recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { conflict, invalid } from '#platform/errors.ts';
import { enqueueMail } from '#platform/mail/index.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import { nameIn } from './forum.ts';
import { forumPolicy } from './forum-policy.ts';
import { ZRowVersion } from './forum-schemas.ts';
import { listInvitees } from './invitation-queries.ts';
import { langsOf } from './invitation-mail.ts';
import type { Meeting } from './meeting.ts';
import { findMeeting } from './meeting-queries.ts';
import { assertAgendaOpen, meetingRecord } from './minutes-access.ts';
import { listItems, touchMeeting } from './minutes-queries.ts';

/**
 * Publishes the agenda: the invitees (and, for a public forum, everyone) see it, and every invitee who has been
 * sent the meeting gets an e-mail with a link. Publishing again after a change sends the agenda again.
 */
export async function publishAgenda(ctx: Ctx, meetingId: string, input: unknown): Promise<{ meeting: Meeting; mailed: number }> {
  const { meeting, forum, subject } = await meetingRecord(ctx.db, meetingId);
  assertCan(forumPolicy, 'forum.manage', ctx.actor, subject);
  const f = parseInput(ZRowVersion, input);
  assertAgendaOpen(meeting, 'rowVersion');
  const items = await listItems(ctx.db, meetingId);
  if (items.length === 0) throw invalid([{ field: 'rowVersion', code: 'agenda_empty' }]);
  return ctx.db.transaction(async (tx) => {
    if (!(await touchMeeting(tx, meetingId, f.rowVersion, ctx.clock.now(), { agendaPublished: true }))) {
      throw conflict('forums.meeting_edited_by_someone_else', { current: (await findMeeting(tx, meetingId)) ?? null });
    }
    const sentTo = (await listInvitees(tx, meetingId)).filter((i) => i.email && i.sentSequence !== null);
    const lang = await langsOf(tx, sentTo);
    for (const i of sentTo) {
      const l = lang(i);
      const t = catalogs[l].forumMail;
      const title = nameIn(meeting.title, l);
      const forumName = nameIn(forum.name, l);
      const lines = [
        t.agenda.intro({ forum: forumName, title }),
        '',
        t.when({ when: `${formatDateTime(l, meeting.startsAt)} – ${formatDateTime(l, meeting.endsAt)}` }),
        '',
        ...items.map((it) => `${it.position}. ${nameIn(it.title, l)}`),
        '',
        t.agenda.link({ path: href(l, `/meetings/${meetingId}`) }),
        '',
        '-- ',
        catalogs[l].mail.footer,
      ];
      await enqueueMail(tx, { topic: 'meeting.agenda', to: [i.email!], subject: t.agenda.subject({ forum: forumName, title, date: formatDateTime(l, meeting.startsAt) }), lang: l, text: lines.join('\n') });
    }
    await recordAudit(tx, ctx, {
      partyId: forum.ownerPartyId,
      action: 'meeting.publish_agenda',
      targetType: 'meeting',
      targetId: meetingId,
      before: { agenda_published_at: meeting.agendaPublishedAt?.toISOString() ?? null },
      after: { items: items.map((it) => ({ position: it.position, title_fi: it.title.fi })), mailed: sentTo.length },
    });
    return { meeting: (await findMeeting(tx, meetingId))!, mailed: sentTo.length };
  });
}
