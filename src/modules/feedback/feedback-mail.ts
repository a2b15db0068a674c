import { catalogs, formatDate, formatDateTime, href, type Lang } from '#i18n/index.ts';
import type { AccessibilityFeedback } from './feedback.ts';
import { withAge } from './feedback.ts';

/** The notification a platform administrator gets about new feedback, in their language (plain text). */
export function feedbackNotification(
  lang: Lang,
  f: Pick<AccessibilityFeedback, 'pageUrl' | 'message' | 'createdAt'>,
): { subject: string; text: string } {
  const t = catalogs[lang].mail;
  const { answerBy } = withAge({ ...f, id: '', name: null, email: null, lang, handled: null }, f.createdAt);
  const text = [
    t.feedback.intro,
    '',
    `${t.feedback.page}: ${f.pageUrl ?? t.feedback.pageNotGiven}`,
    `${t.feedback.received}: ${formatDateTime(lang, f.createdAt)}`,
    t.feedback.answerBy({ date: formatDate(lang, answerBy) }),
    '',
    `${t.feedback.message}:`,
    f.message,
    '',
    t.feedback.handle({ path: href(lang, '/admin/feedback') }),
    '',
    '-- ',
    t.footer,
  ].join('\n');
  return { subject: t.feedback.subject, text };
}
