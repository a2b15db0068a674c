import { z } from 'zod';
import { recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { conflict, notFound } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import { partyPolicy } from './party-policy.ts';
import { findBody, markBodyRemoved } from './party-queries.ts';

/** Removes a body from the party's list (the row is kept for history). */
export async function removePartyBody(ctx: Ctx, bodyId: string, input: unknown): Promise<void> {
  const body = await findBody(ctx.db, bodyId);
  if (!body) throw notFound('parties.body_not_found');
  assertCan(partyPolicy, 'party.manage_bodies', ctx.actor, { id: body.partyId });
  const { rowVersion } = parseInput(z.object({ rowVersion: z.coerce.number().int().min(1) }), input);
  await ctx.db.transaction(async (tx) => {
    if (!(await markBodyRemoved(tx, bodyId, rowVersion, ctx.clock.now())))
      throw conflict('parties.edited_by_someone_else');
    await recordAudit(tx, ctx, {
      partyId: body.partyId,
      action: 'party_body.remove',
      targetType: 'party_body',
      targetId: bodyId,
      before: { kind: body.kind, name_fi: body.name.fi },
    });
  });
}
