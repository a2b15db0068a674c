import type { forumMail as fi } from '../fi/forum-mail.ts';
type P = Record<string, string | number>;

export const forumMail: typeof fi = {
  invite: {
    subject: (p: P) => `Invitation: ${p.forum} ${p.date} – ${p.title}`,
    intro: (p: P) => `You are invited to the meeting ${p.forum}: ${p.title}.`,
  },
  update: {
    subject: (p: P) => `Meeting changed: ${p.forum} ${p.date} – ${p.title}`,
    intro: (p: P) => `The details of the meeting ${p.forum}: ${p.title} have changed.`,
  },
  cancel: {
    subject: (p: P) => `Cancelled: ${p.forum} ${p.date} – ${p.title}`,
    intro: (p: P) => `The meeting ${p.forum}: ${p.title} has been cancelled.`,
  },
  reminder: {
    subject: (p: P) => `Reminder: ${p.forum} ${p.date} – ${p.title}`,
    intro: (p: P) => `A reminder of the coming meeting ${p.forum}: ${p.title}.`,
  },
  agenda: {
    subject: (p: P) => `Agenda: ${p.forum} ${p.date} – ${p.title}`,
    intro: (p: P) => `The agenda of the meeting ${p.forum}: ${p.title} has been published.`,
    link: (p: P) => `Agenda and attachments: ${p.path}`,
  },
  when: (p: P) => `Time: ${p.when} (Finnish time)`,
  place: (p: P) => `Place: ${p.place}`,
  online: (p: P) => `Online: ${p.url}`,
  reason: (p: P) => `Reason: ${p.reason}`,
  answer: (p: P) => `Answer the invitation (attending / not attending / sending a deputy): ${p.path}`,
  cancelled: 'The attached file removes the calendar entry.',
};
