/**
 * Invitation e-mail: one message per person, in their language, with the meeting as an iCalendar attachment
 * (REQUEST for an invitation or a change, CANCEL for a cancellation) and a personal link for answering.
 * Written to the outbox inside the transaction of its cause.
 */
import { catalogs, formatDateTime, href, type Lang } from '#i18n/index.ts';
import { randomToken, sha256 } from '#platform/auth/secrets.ts';
import type { Ctx } from '#platform/context.ts';
import type { Tx } from '#platform/db/db.ts';
import { enqueueMail } from '#platform/mail/index.ts';
import { nameIn, type Forum } from './forum.ts';
import type { Invitee } from './invitation.ts';
import { listInvitees, markInviteeReminded, markInviteeSent, preferredLangs } from './invitation-queries.ts';
import type { Meeting } from './meeting.ts';
import { buildCalendar } from './meeting-ical.ts';


export type InvitationMailKind = 'invite' | 'update' | 'cancel' | 'reminder';

function organizerOf(forum: Forum) {
  const s = forum.members.find((m) => m.role === 'secretary' && m.email) ?? forum.members.find((m) => m.role === 'chair' && m.email);
  return s ? { name: s.personName ?? s.email!, email: s.email! } : { name: nameIn(forum.name, 'fi'), email: 'noreply@kumppanuus.invalid' };
}

/** Sends one invitee the meeting as it is now; a new answer link replaces the old one. */
export async function sendInvitationMail(tx: Tx, ctx: Ctx, forum: Forum, meeting: Meeting, invitee: Invitee, kind: InvitationMailKind, lang: Lang): Promise<void> {
  if (!invitee.email) return;
  const token = randomToken();
  const t = catalogs[lang].forumMail;
  const title = nameIn(meeting.title, lang);
  const forumName = nameIn(forum.name, lang);
  const when = `${formatDateTime(lang, meeting.startsAt)} – ${formatDateTime(lang, meeting.endsAt)}`;
  const answerPath = href(lang, `/invitations/${token}`);
  const lines = [
    t[kind].intro({ forum: forumName, title }),
    '',
    t.when({ when }),
    ...(meeting.place ? [t.place({ place: meeting.place })] : []),
    ...(meeting.onlineUrl ? [t.online({ url: meeting.onlineUrl })] : []),
    ...(meeting.changeReason && (kind === 'update' || kind === 'cancel') ? ['', t.reason({ reason: meeting.changeReason })] : []),
    '',
    kind === 'cancel' ? t.cancelled : t.answer({ path: answerPath }),
    '',
    '-- ',
    catalogs[lang].mail.footer,
  ];
  const method = kind === 'cancel' ? 'CANCEL' : 'REQUEST';
  const calendar = buildCalendar({
    method,
    now: ctx.clock.now(),
    events: [
      {
        meeting,
        summary: `${forumName}: ${title}`,
        description: lines.slice(0, -3).join('\n'),
        organizer: organizerOf(forum),
        attendee: { name: invitee.personName ?? invitee.email, email: invitee.email },
      },
    ],
  });
  await enqueueMail(tx, {
    topic: `meeting.${kind}`,
    to: [invitee.email],
    subject: t[kind].subject({ forum: forumName, title, date: formatDateTime(lang, meeting.startsAt) }),
    lang,
    text: lines.join('\n'),
    calendar: { method, content: calendar },
  });
  if (kind === 'reminder') await markInviteeReminded(tx, invitee.id, ctx.clock.now());
  else await markInviteeSent(tx, invitee.id, meeting.icalSequence, sha256(token));
}

export async function langsOf(tx: Tx, invitees: Invitee[]): Promise<(i: Invitee) => Lang> {
  const langs = await preferredLangs(tx, invitees.flatMap((i) => (i.userId ? [i.userId] : [])));
  return (i) => (i.userId ? (langs.get(i.userId) ?? 'fi') : 'fi');
}

/** A change or a cancellation goes to everyone who has been sent the meeting. */
export async function notifyInvitees(tx: Tx, ctx: Ctx, forum: Forum, meeting: Meeting, kind: 'update' | 'cancel'): Promise<number> {
  const sentTo = (await listInvitees(tx, meeting.id)).filter((i) => i.email && i.sentSequence !== null);
  const lang = await langsOf(tx, sentTo);
  for (const i of sentTo) await sendInvitationMail(tx, ctx, forum, meeting, i, kind, lang(i));
  return sentTo.length;
}
