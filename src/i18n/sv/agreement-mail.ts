import type { agreementMail as fi } from '../fi/agreement-mail.ts';

type P = Record<string, string | number>;

export const agreementMail: typeof fi = {
  roundOpened: {
    subject: (p: P) => `Remissrunda öppnad: ${p.title}`,
    intro: (p: P) => `Version ${p.version} av samarbetsavtalet ${p.title} har skickats till parterna för kommentarer.`,
    deadline: (p: P) => `Kommentarer och utlåtanden senast ${p.date}.`,
    open: (p: P) => `Kommentera och lämna partens utlåtande på sidan ${p.path}.`,
  },
  reminder: {
    subject: (p: P) => `Tre dagar kvar av remisstiden: ${p.title}`,
    intro: (p: P) => `Remissrundan för version ${p.version} av samarbetsavtalet ${p.title} avslutas ${p.date}.`,
    open: (p: P) => `Kommentera och lämna partens utlåtande på sidan ${p.path}.`,
  },
  partyApproved: {
    subject: (p: P) => `${p.party} har godkänt avtalet: ${p.title}`,
    intro: (p: P) => `${p.party} har godkänt version ${p.version} av samarbetsavtalet ${p.title} (${p.body} ${p.date}).`,
    progress: (p: P) => `Parter som godkänt: ${p.approved}/${p.total}.`,
    open: (p: P) => `Läget för godkännandet: ${p.path}`,
  },
  allSigned: {
    subject: (p: P) => `Alla parter har undertecknat: ${p.title}`,
    intro: (p: P) => `Alla parter har godkänt och undertecknat version ${p.version} av samarbetsavtalet ${p.title}.`,
    entersIntoForce: (p: P) => `Avtalet träder i kraft ${p.date}.`,
    hash: (p: P) => `Det undertecknade innehållets hashvärde (SHA-256): ${p.hash}`,
    open: (p: P) => `Avtalet: ${p.path}`,
  },
};
