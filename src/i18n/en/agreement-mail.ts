import type { agreementMail as fi } from '../fi/agreement-mail.ts';

type P = Record<string, string | number>;

export const agreementMail: typeof fi = {
  roundOpened: {
    subject: (p: P) => `Comment round opened: ${p.title}`,
    intro: (p: P) => `Version ${p.version} of the cooperation agreement ${p.title} has been sent to the parties for comments.`,
    deadline: (p: P) => `Comments and statements by ${p.date}.`,
    open: (p: P) => `Comment and file your party's statement at ${p.path}.`,
  },
  reminder: {
    subject: (p: P) => `Three days left to comment: ${p.title}`,
    intro: (p: P) => `The comment round on version ${p.version} of the cooperation agreement ${p.title} ends on ${p.date}.`,
    open: (p: P) => `Comment and file your party's statement at ${p.path}.`,
  },
  partyApproved: {
    subject: (p: P) => `${p.party} approved the agreement: ${p.title}`,
    intro: (p: P) => `${p.party} has approved version ${p.version} of the cooperation agreement ${p.title} (${p.body}, ${p.date}).`,
    progress: (p: P) => `Parties that have approved: ${p.approved}/${p.total}.`,
    open: (p: P) => `Approval status: ${p.path}`,
  },
  allSigned: {
    subject: (p: P) => `All parties have signed: ${p.title}`,
    intro: (p: P) => `All parties have approved and signed version ${p.version} of the cooperation agreement ${p.title}.`,
    entersIntoForce: (p: P) => `The agreement enters into force on ${p.date}.`,
    hash: (p: P) => `SHA-256 of the signed content: ${p.hash}`,
    open: (p: P) => `The agreement: ${p.path}`,
  },
};
