import type { Ctx } from '#platform/context.ts';
import { assertCan } from '#platform/policy.ts';
import type { AgreementComment, Bilingual, CommentAnswer, CommentRound, PartyRef } from './agreement.ts';
import { agreementOr404, subjectOf } from './agreement-access.ts';
import { agreementPolicy } from './agreement-policy.ts';
import { getCommentRound } from './get-comment-round.ts';

export interface Tally {
  comments: number;
  statements: number;
  accepted: number;
  partlyAccepted: number;
  notAccepted: number;
  unanswered: number;
}

export interface CommentSummary {
  agreementTitle: Bilingual;
  round: (CommentRound & { versionLabel: string }) | null;
  /** One row per section of the version, then "the agreement as a whole" (sectionId null). */
  bySection: { sectionId: string | null; heading: Bilingual | null; tally: Tally }[];
  /** One row per party of the agreement, including those that did not comment. */
  byParty: { party: PartyRef; tally: Tally; statementFiled: boolean }[];
  /** Every comment in force (withdrawn ones left out), in filing order, for the table and the CSV export. */
  rows: { comment: AgreementComment; party: PartyRef | null; section: Bilingual | null }[];
}

const empty = (): Tally => ({ comments: 0, statements: 0, accepted: 0, partlyAccepted: 0, notAccepted: 0, unanswered: 0 });
const ANSWER_KEY: Record<CommentAnswer, keyof Tally> = { accepted: 'accepted', partly_accepted: 'partlyAccepted', not_accepted: 'notAccepted' };

function add(t: Tally, c: AgreementComment) {
  t[c.kind === 'statement' ? 'statements' : 'comments']++;
  t[c.answer ? ANSWER_KEY[c.answer] : 'unanswered']++;
}

/** Counts per section and per party of one comment round, and the rows to export. */
export async function summariseComments(ctx: Ctx, agreementId: string, roundId?: string): Promise<CommentSummary> {
  const agreement = await agreementOr404(ctx.db, agreementId);
  assertCan(agreementPolicy, 'agreement.view_comments', ctx.actor, subjectOf(agreement));
  const view = await getCommentRound(ctx, agreementId, roundId);
  const live = view.comments.filter((c) => !c.withdrawnAt);
  const partyById = new Map(view.parties.map((p) => [p.id, p]));
  const sectionById = new Map(view.sections.map((s) => [s.id, s.heading]));
  const bySection = [...view.sections.map((s) => ({ sectionId: s.id as string | null, heading: s.heading as Bilingual | null, tally: empty() })), { sectionId: null, heading: null, tally: empty() }];
  const byParty = view.parties.map((p) => ({ party: p, tally: empty(), statementFiled: false }));
  for (const c of live) {
    const s = bySection.find((x) => x.sectionId === (c.sectionId && sectionById.has(c.sectionId) ? c.sectionId : null))!;
    add(s.tally, c);
    const p = byParty.find((x) => x.party.id === c.partyId);
    if (p) {
      add(p.tally, c);
      if (c.kind === 'statement') p.statementFiled = true;
    }
  }
  return {
    agreementTitle: agreement.title,
    round: view.round,
    bySection,
    byParty,
    rows: live.map((c) => ({ comment: c, party: partyById.get(c.partyId) ?? null, section: c.sectionId ? (sectionById.get(c.sectionId) ?? null) : null })),
  };
}
