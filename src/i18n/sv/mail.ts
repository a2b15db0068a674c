import type { mail as fi } from '../fi/mail.ts';

type P = Record<string, string | number>;

export const mail: typeof fi = {
  footer: 'Detta är ett automatiskt meddelande från tjänsten Kumppanuus. Svara inte på det.',
  feedback: {
    subject: 'Ny respons om tillgänglighet',
    intro: 'Tjänsten Kumppanuus har fått respons om tillgängligheten.',
    page: 'Sida eller del',
    pageNotGiven: '(inte angivet)',
    received: 'Mottagen',
    answerBy: (p: P) => `Ska besvaras senast ${p.date} (inom 14 dagar, lagen om tillhandahållande av digitala tjänster 306/2019).`,
    message: 'Respons',
    handle: (p: P) =>
      `Läs responsen och markera den som behandlad på administrationssidan Respons om tillgänglighet (${p.path}). Där syns också avsändarens kontaktuppgifter, om hen gav dem.`,
  },
};
