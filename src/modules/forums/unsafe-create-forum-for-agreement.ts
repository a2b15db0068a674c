import { recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import type { Tx } from '#platform/db/db.ts';
import { insertForum } from './forum-queries.ts';

/**
 * A forum line added to an agreement becomes a standing forum of the region, in the agreement's own transaction.
 * Unsafe: no policy check here — the agreements module has checked that the actor drafts this agreement.
 * Returns the new forum's id (the agreement line refers to it).
 */
export async function unsafeCreateForumForAgreementLine(
  tx: Tx,
  ctx: Ctx,
  line: {
    id: string;
    countyCode: string;
    coordinatingPartyId: string;
    nameFi: string;
    nameSv: string;
    level: 'political' | 'managerial' | 'operational';
    frequency: 'once_per_council_term' | 'yearly' | 'quarterly' | 'monthly' | 'as_needed';
    frequencyNoteFi: string;
    frequencyNoteSv: string;
    purposeFi: string;
    purposeSv: string;
  },
): Promise<string> {
  const level = line.level === 'operational' ? 'operational_network' : line.level;
  const id = await insertForum(
    tx,
    line.countyCode,
    line.coordinatingPartyId,
    {
      nameFi: line.nameFi,
      nameSv: line.nameSv,
      level,
      endsOn: null,
      mandateFi: line.purposeFi,
      mandateSv: line.purposeSv,
      frequency: line.frequency,
      frequencyNoteFi: line.frequencyNoteFi,
      frequencyNoteSv: line.frequencyNoteSv,
      isPublic: false,
    },
    ctx.clock.now(),
    line.id,
  );
  await recordAudit(tx, ctx, {
    partyId: line.coordinatingPartyId,
    action: 'forum.create',
    targetType: 'forum',
    targetId: id,
    after: { name_fi: line.nameFi, level, from_agreement_forum: line.id },
  });
  return id;
}
