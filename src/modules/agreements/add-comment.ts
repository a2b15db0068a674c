import { recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { AppError, invalid } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import { actorUserId, assertCommentWindowOpen, type AgreementComment } from './agreement.ts';
import { agreementOr404, subjectOf } from './agreement-access.ts';
import { commentPolicy } from './agreement-policy.ts';
import { findComment, findOpenRound, findStatementInForce, findVersionByNumber, insertComment } from './agreement-queries.ts';
import { ZAddComment } from './agreement-schemas.ts';
import { parseSnapshot } from './snapshot.ts';

/**
 * A party comments on a section of the version under comment, or on the whole; or files its one official
 * statement (lausunto). Editors act only for their own party. Refused after the deadline.
 */
export async function addComment(ctx: Ctx, agreementId: string, input: Record<string, unknown>): Promise<AgreementComment> {
  const agreement = await agreementOr404(ctx.db, agreementId);
  const statement = input.kind === 'statement';
  assertCan(commentPolicy, statement ? 'agreement.file_statement' : 'agreement.comment', ctx.actor, {
    agreement: subjectOf(agreement),
    partyId: typeof input.partyId === 'string' ? input.partyId : '',
  });
  const f = parseInput(ZAddComment, input);
  const round = await findOpenRound(ctx.db, agreementId);
  if (!round) throw new AppError('agreements.no_open_comment_round', 'conflict');
  assertCommentWindowOpen(round, ctx.clock.now());
  const sectionId = statement ? null : f.sectionId;
  if (sectionId) {
    const version = await findVersionByNumber(ctx.db, agreementId, round.versionNumber);
    if (!parseSnapshot(version!.canonical).sections.some((s) => s.id === sectionId)) throw invalid([{ field: 'sectionId', code: 'section_not_in_version' }]);
  }
  return ctx.db.transaction(async (tx) => {
    if (statement && (await findStatementInForce(tx, round.id, f.partyId))) throw new AppError('agreements.statement_already_filed', 'conflict');
    const id = await insertComment(
      tx,
      { roundId: round.id, partyId: f.partyId, kind: f.kind, sectionId, lang: f.lang, body: f.body, authorUserId: actorUserId(ctx.actor), replacesId: null },
      ctx.clock.now(),
    ).catch((e: unknown) => {
      // Two simultaneous filings: the unique index lets one through, the other gets the same answer as above.
      if ((e as { code?: string }).code === '23505') throw new AppError('agreements.statement_already_filed', 'conflict');
      throw e;
    });
    await recordAudit(tx, ctx, {
      partyId: f.partyId,
      action: statement ? 'agreement_comment.file_statement' : 'agreement_comment.create',
      targetType: 'agreement_comment',
      targetId: id,
      after: { agreement_id: agreementId, round_id: round.id, kind: f.kind, section_id: sectionId, lang: f.lang, body: f.body },
    });
    return (await findComment(tx, id))!;
  });
}
