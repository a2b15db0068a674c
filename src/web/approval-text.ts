import type { ApprovalOverview, PartyApproval, StepProgress } from '#modules/agreements/index.ts';
import type { I18n } from './i18n.tsx';

/**
 * Plain-text cells of the approval overview (one party's row), shared by the page and its CSV export so
 * that both say the same thing. Status is always in words (never only a colour).
 */
export interface ApprovalCells {
  comments: string;
  statement: string;
  steps: ({ text: string; older: string | null; minutesUrl: string | null; final: boolean; done: boolean } | null)[];
  signed: string;
  complete: boolean;
}

export function stepText(i: Pick<I18n, 't' | 'date' | 'lang'>, s: StepProgress): { head: string; status: string; older: string | null } {
  const a = i.t.agreements.approval;
  const body = i.lang === 'sv' && s.step.body.sv ? s.step.body.sv : s.step.body.fi;
  const head = `${body} (${a.roles[s.step.role]}${s.isFinal ? `, ${a.finalMark}` : ''})`;
  const status = s.current ? a.handled(a.outcomes[s.current.outcome], i.date(s.current.meetingDate), s.current.section) : a.notHandled;
  const older = s.older ? a.olderVersion(s.older.versionNumber, a.outcomes[s.older.outcome], i.date(s.older.meetingDate)) : null;
  return { head, status, older };
}

export function approvalCells(i: Pick<I18n, 't' | 'date' | 'lang'>, p: PartyApproval, stepColumns: number): ApprovalCells {
  const a = i.t.agreements.approval;
  const steps: ApprovalCells['steps'] = [];
  for (let n = 0; n < stepColumns; n++) {
    const s = p.progress.steps[n];
    if (!s) {
      steps.push(null);
      continue;
    }
    const x = stepText(i, s);
    steps.push({ text: `${x.head}: ${x.status}`, older: x.older, minutesUrl: s.current?.minutesUrl ?? null, final: s.isFinal, done: s.done });
  }
  const g = p.progress;
  return {
    comments: p.comments.count ? a.comments(p.comments.count, i.date(p.comments.lastAt!)) : a.noComments,
    statement: p.statement ? a.statement(i.date(p.statement.filedAt), p.statement.versionNumber) : a.noStatement,
    steps,
    signed: g.signaturesComplete ? a.signedDone(i.date(g.signedOn!), g.signatures.length) : g.signatures.length ? a.signedPartly(g.signatures.length, g.requiredSignatures) : a.notSigned,
    complete: g.complete,
  };
}

/** The sentence that says where the agreement stands today. */
export function statusSentence(i: Pick<I18n, 't' | 'date'>, o: { agreement: ApprovalOverview['agreement']; approvalVersion: { number: number; label: string } | null }): string {
  const a = i.t.agreements.approval.statusLine;
  const ag = o.agreement;
  switch (ag.status) {
    case 'in_approval':
      return o.approvalVersion ? a.in_approval(o.approvalVersion.number, o.approvalVersion.label) : '';
    case 'signed_by_all':
      return a.signed_by_all(i.date(ag.entersIntoForceOn!));
    case 'in_force':
      return a.in_force(i.date(ag.entersIntoForceOn!));
    case 'expired':
      return a.expired(i.date(ag.validUntil!));
    default:
      return a[ag.status] as string;
  }
}

/** The download link of a scanned signature page: "Lataa skannattu sivu (PDF, 230 kB)". */
export function scanLinkText(i: I18n, scan: { mediaType: 'application/pdf' | 'image/png' | 'image/jpeg'; sizeBytes: number }): string {
  const a = i.t.agreements.approval;
  const kb = scan.sizeBytes / 1024;
  const size = kb >= 1024 ? `${i.number(Math.round((kb / 1024) * 10) / 10)} MB` : `${i.number(Math.max(1, Math.round(kb)))} kB`;
  return a.scanLink(a.scanKinds[scan.mediaType], size);
}
