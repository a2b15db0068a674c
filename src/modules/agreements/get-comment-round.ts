import type { Ctx } from '#platform/context.ts';
import { notFound } from '#platform/errors.ts';
import { assertCan, can, permittedActions } from '#platform/policy.ts';
import { commentWindow, type Agreement, type AgreementComment, type Bilingual, type CommentRound, type PartyRef, type VersionInfo } from './agreement.ts';
import { agreementOr404, subjectOf } from './agreement-access.ts';
import { agreementPolicy, commentPolicy, type AgreementAbility } from './agreement-policy.ts';
import { findVersionByNumber, listAgreementParties, listComments, listRounds, listVersions } from './agreement-queries.ts';
import { parseSnapshot } from './snapshot.ts';

export interface CommentRoundView {
  agreement: Agreement;
  parties: PartyRef[];
  rounds: CommentRound[];
  /** The round shown (the newest unless asked otherwise); null when none has been opened. */
  round: (CommentRound & { window: 'open' | 'deadline_passed' | 'closed'; versionLabel: string }) | null;
  /** Sections of the version under comment, for the section choice and for headings. */
  sections: { id: string; heading: Bilingual }[];
  comments: AgreementComment[];
  /** Parties this actor may comment for, and file the official statement for. */
  commentAs: string[];
  statementAs: string[];
  /** Each party's statement in force in this round. */
  statementInForce: Record<string, string>;
  /** Versions that may be sent to a round (for the open-round form). */
  versions: VersionInfo[];
  permittedActions: AgreementAbility[];
}

/** The comment round page: visible to everyone acting for one of the agreement's parties. */
export async function getCommentRound(ctx: Ctx, agreementId: string, roundId?: string): Promise<CommentRoundView> {
  const agreement = await agreementOr404(ctx.db, agreementId);
  const subject = subjectOf(agreement);
  assertCan(agreementPolicy, 'agreement.view_comments', ctx.actor, subject);
  const [rounds, parties, versions] = await Promise.all([listRounds(ctx.db, agreementId), listAgreementParties(ctx.db, agreementId), listVersions(ctx.db, agreementId)]);
  const picked = roundId ? rounds.find((r) => r.id === roundId) : rounds.at(-1);
  if (roundId && !picked) throw notFound('agreements.comment_round_not_found');
  let sections: CommentRoundView['sections'] = [];
  let comments: AgreementComment[] = [];
  let round: CommentRoundView['round'] = null;
  if (picked) {
    const version = (await findVersionByNumber(ctx.db, agreementId, picked.versionNumber))!;
    sections = parseSnapshot(version.canonical).sections.map((s) => ({ id: s.id, heading: s.heading }));
    comments = await listComments(ctx.db, picked.id);
    round = { ...picked, window: commentWindow(picked, ctx.clock.now()), versionLabel: version.label };
  }
  const statementInForce: Record<string, string> = {};
  for (const c of comments) if (c.kind === 'statement' && !c.withdrawnAt) statementInForce[c.partyId] = c.id;
  return {
    agreement,
    parties,
    rounds,
    round,
    sections,
    comments,
    commentAs: parties.filter((p) => can(commentPolicy, 'agreement.comment', ctx.actor, { agreement: subject, partyId: p.id })).map((p) => p.id),
    statementAs: parties.filter((p) => can(commentPolicy, 'agreement.file_statement', ctx.actor, { agreement: subject, partyId: p.id })).map((p) => p.id),
    statementInForce,
    versions,
    permittedActions: permittedActions(agreementPolicy, ctx.actor, subject),
  };
}
