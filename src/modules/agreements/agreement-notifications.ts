/**
 * E-mail notifications about agreements, written to the outbox inside the transaction of their cause
 * (one message per person, in the person's preferred language; recipients are the editors and
 * administrators of the agreement's parties). Plain text; links are site paths in the reader's language.
 */
import { catalogs, formatDate, href, type Lang } from '#i18n/index.ts';
import type { Tx } from '#platform/db/db.ts';
import { enqueueMail } from '#platform/mail/index.ts';
import type { Bilingual } from './agreement.ts';
import { listPartyEditors } from './notification-queries.ts';

const titleIn = (title: Bilingual, lang: Lang) => (lang === 'sv' && title.sv.trim() ? title.sv : title.fi);

async function sendToEditors(
  tx: Tx,
  topic: string,
  partyIds: readonly string[],
  compose: (lang: Lang) => { subject: string; lines: string[] },
): Promise<number> {
  const recipients = await listPartyEditors(tx, partyIds);
  for (const r of recipients) {
    const { subject, lines } = compose(r.lang);
    await enqueueMail(tx, { topic, to: [r.email], subject, lang: r.lang, text: [...lines, '', '-- ', catalogs[r.lang].mail.footer].join('\n') });
  }
  return recipients.length;
}

interface AgreementRef {
  id: string;
  title: Bilingual;
  partyIds: readonly string[];
}

/** A comment round was opened: every party's editors, with the deadline. */
export function notifyCommentRoundOpened(tx: Tx, a: AgreementRef, round: { versionNumber: number; deadline: string }): Promise<number> {
  return sendToEditors(tx, 'agreement.comment_round_opened', a.partyIds, (lang) => {
    const t = catalogs[lang].agreementMail.roundOpened;
    const title = titleIn(a.title, lang);
    return {
      subject: t.subject({ title }),
      lines: [
        t.intro({ title, version: round.versionNumber }),
        '',
        t.deadline({ date: formatDate(lang, round.deadline) }),
        '',
        t.open({ path: href(lang, `/agreements/${a.id}/comments`) }),
      ],
    };
  });
}

/** Three days before the comment round's deadline (sent once; see sendDeadlineReminders). */
export function notifyDeadlineNear(tx: Tx, a: AgreementRef, round: { versionNumber: number; deadline: string }): Promise<number> {
  return sendToEditors(tx, 'agreement.comment_deadline_reminder', a.partyIds, (lang) => {
    const t = catalogs[lang].agreementMail.reminder;
    const title = titleIn(a.title, lang);
    return {
      subject: t.subject({ title }),
      lines: [t.intro({ title, version: round.versionNumber, date: formatDate(lang, round.deadline) }), '', t.open({ path: href(lang, `/agreements/${a.id}/comments`) })],
    };
  });
}

/** A party's final approving decision was recorded. */
export function notifyPartyApproved(
  tx: Tx,
  a: AgreementRef,
  d: { partyName: Bilingual; body: Bilingual; meetingDate: string; versionNumber: number; approved: number; total: number },
): Promise<number> {
  return sendToEditors(tx, 'agreement.party_approved', a.partyIds, (lang) => {
    const t = catalogs[lang].agreementMail.partyApproved;
    const title = titleIn(a.title, lang);
    const party = titleIn(d.partyName, lang);
    return {
      subject: t.subject({ title, party }),
      lines: [
        t.intro({ title, party, version: d.versionNumber, body: titleIn(d.body, lang), date: formatDate(lang, d.meetingDate) }),
        t.progress({ approved: d.approved, total: d.total }),
        '',
        t.open({ path: href(lang, `/agreements/${a.id}`) }),
      ],
    };
  });
}

/** The last signature was recorded: the agreement is signed by all. */
export function notifyAllSigned(tx: Tx, a: AgreementRef, v: { versionNumber: number; sha256: string; entersIntoForceOn: string | null }): Promise<number> {
  return sendToEditors(tx, 'agreement.signed_by_all', a.partyIds, (lang) => {
    const t = catalogs[lang].agreementMail.allSigned;
    const title = titleIn(a.title, lang);
    return {
      subject: t.subject({ title }),
      lines: [
        t.intro({ title, version: v.versionNumber }),
        ...(v.entersIntoForceOn ? [t.entersIntoForce({ date: formatDate(lang, v.entersIntoForceOn) })] : []),
        t.hash({ hash: v.sha256 }),
        '',
        t.open({ path: href(lang, `/agreements/${a.id}`) }),
      ],
    };
  });
}
