import { helsinkiDate } from '#platform/clock.ts';

/** Digipalvelulaki 306/2019: accessibility feedback must be answered within 14 days. */
export const ANSWER_DAYS = 14;

export interface AccessibilityFeedback {
  id: string;
  createdAt: Date;
  name: string | null;
  email: string | null;
  pageUrl: string | null;
  message: string;
  lang: 'fi' | 'sv' | 'en';
  handled: { at: Date; by: { userId: string; displayName: string } | null } | null;
}

export interface FeedbackWithAge extends AccessibilityFeedback {
  /** Whole Helsinki calendar days since it arrived. */
  ageDays: number;
  /** The last day of the 14-day answer period, 'YYYY-MM-DD' (Helsinki). */
  answerBy: string;
  /** Not handled and the answer period is over. */
  overdue: boolean;
}

const dayNumber = (isoDate: string) => Math.round(Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000);

/** Age in Helsinki calendar days, the answer deadline and whether it has passed unanswered. */
export function withAge(f: AccessibilityFeedback, now: Date): FeedbackWithAge {
  const received = helsinkiDate(f.createdAt);
  const ageDays = Math.max(0, dayNumber(helsinkiDate(now)) - dayNumber(received));
  const answerBy = new Date(Date.parse(`${received}T00:00:00Z`) + ANSWER_DAYS * 86_400_000).toISOString().slice(0, 10);
  return { ...f, ageDays, answerBy, overdue: f.handled === null && ageDays > ANSWER_DAYS };
}
