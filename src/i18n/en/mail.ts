import type { mail as fi } from '../fi/mail.ts';

type P = Record<string, string | number>;

export const mail: typeof fi = {
  footer: 'This is an automatic message from the Kumppanuus service. Please do not reply to it.',
  feedback: {
    subject: 'New accessibility feedback',
    intro: 'The Kumppanuus service has received accessibility feedback.',
    page: 'Page or part',
    pageNotGiven: '(not given)',
    received: 'Received',
    answerBy: (p: P) => `To be answered by ${p.date} (within 14 days, Act on the Provision of Digital Services 306/2019).`,
    message: 'Feedback',
    handle: (p: P) =>
      `Read the feedback and mark it handled on the administration page Accessibility feedback (${p.path}). The sender's contact details are shown there too, if they gave them.`,
  },
};
