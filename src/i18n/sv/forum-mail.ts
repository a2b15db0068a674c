import type { forumMail as fi } from '../fi/forum-mail.ts';
type P = Record<string, string | number>;

export const forumMail: typeof fi = {
  invite: {
    subject: (p: P) => `Kallelse: ${p.forum} ${p.date} – ${p.title}`,
    intro: (p: P) => `Du har kallats till mötet ${p.forum}: ${p.title}.`,
  },
  update: {
    subject: (p: P) => `Ändrat möte: ${p.forum} ${p.date} – ${p.title}`,
    intro: (p: P) => `Uppgifterna om mötet ${p.forum}: ${p.title} har ändrats.`,
  },
  cancel: {
    subject: (p: P) => `Inställt: ${p.forum} ${p.date} – ${p.title}`,
    intro: (p: P) => `Mötet ${p.forum}: ${p.title} har ställts in.`,
  },
  reminder: {
    subject: (p: P) => `Påminnelse: ${p.forum} ${p.date} – ${p.title}`,
    intro: (p: P) => `Påminnelse om det kommande mötet ${p.forum}: ${p.title}.`,
  },
  agenda: {
    subject: (p: P) => `Föredragningslista: ${p.forum} ${p.date} – ${p.title}`,
    intro: (p: P) => `Föredragningslistan för mötet ${p.forum}: ${p.title} har publicerats.`,
    link: (p: P) => `Föredragningslista och bilagor: ${p.path}`,
  },
  when: (p: P) => `Tid: ${p.when} (finsk tid)`,
  place: (p: P) => `Plats: ${p.place}`,
  online: (p: P) => `Distansanslutning: ${p.url}`,
  reason: (p: P) => `Orsak: ${p.reason}`,
  answer: (p: P) => `Svara på kallelsen (jag deltar / jag deltar inte / jag skickar en ersättare): ${p.path}`,
  cancelled: 'Kalenderposten tas bort med hjälp av bilagan.',
};
