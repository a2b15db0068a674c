type P = Record<string, string | number>;

/** Meeting invitations (src/modules/forums/invitation-mail.ts). sv and en must match. */
export const forumMail = {
  invite: {
    subject: (p: P) => `Kutsu: ${p.forum} ${p.date} – ${p.title}`,
    intro: (p: P) => `Sinut on kutsuttu kokoukseen ${p.forum}: ${p.title}.`,
  },
  update: {
    subject: (p: P) => `Muuttunut kokous: ${p.forum} ${p.date} – ${p.title}`,
    intro: (p: P) => `Kokouksen ${p.forum}: ${p.title} tiedot ovat muuttuneet.`,
  },
  cancel: {
    subject: (p: P) => `Peruttu: ${p.forum} ${p.date} – ${p.title}`,
    intro: (p: P) => `Kokous ${p.forum}: ${p.title} on peruttu.`,
  },
  reminder: {
    subject: (p: P) => `Muistutus: ${p.forum} ${p.date} – ${p.title}`,
    intro: (p: P) => `Muistutus tulevasta kokouksesta ${p.forum}: ${p.title}.`,
  },
  agenda: {
    subject: (p: P) => `Esityslista: ${p.forum} ${p.date} – ${p.title}`,
    intro: (p: P) => `Kokouksen ${p.forum}: ${p.title} esityslista on julkaistu.`,
    link: (p: P) => `Esityslista ja liitteet: ${p.path}`,
  },
  when: (p: P) => `Aika: ${p.when} (Suomen aikaa)`,
  place: (p: P) => `Paikka: ${p.place}`,
  online: (p: P) => `Etäyhteys: ${p.url}`,
  reason: (p: P) => `Syy: ${p.reason}`,
  answer: (p: P) => `Vastaa kutsuun (osallistun / en osallistu / lähetän varahenkilön): ${p.path}`,
  cancelled: 'Kalenterimerkintä poistuu liitteen avulla.',
};
