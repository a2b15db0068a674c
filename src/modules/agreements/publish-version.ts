import { recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import { actorUserId, assertDraftEditable, type VersionInfo } from './agreement.ts';
import { agreementOr404, subjectOf } from './agreement-access.ts';
import { agreementPolicy } from './agreement-policy.ts';
import { insertVersion, lockAgreement, nextVersionNumber } from './agreement-queries.ts';
import { ZPublishVersion } from './agreement-schemas.ts';
import { canonicalHash } from './canonical.ts';
import { loadDraftSnapshot } from './load-draft.ts';

/**
 * Freezes the working draft as the next numbered version, labelled with its handling stage
 * ("Kuntajohtajafoorumi 14.9.2023"). The snapshot is stored as canonical JSON with its SHA-256; the
 * database refuses any later change to it.
 */
export async function publishVersion(ctx: Ctx, agreementId: string, input: unknown): Promise<VersionInfo> {
  const agreement = await agreementOr404(ctx.db, agreementId);
  assertCan(agreementPolicy, 'agreement.publish_version', ctx.actor, subjectOf(agreement));
  assertDraftEditable(agreement.status);
  const { label } = parseInput(ZPublishVersion, input);
  return ctx.db.transaction(async (tx) => {
    // Serialises publishing: two editors pressing "publish" get numbers N and N+1, never the same.
    const locked = (await lockAgreement(tx, agreementId))!;
    assertDraftEditable(locked.status);
    const number = await nextVersionNumber(tx, agreementId);
    const snapshot = await loadDraftSnapshot(tx, locked, number, label);
    const { canonical, sha256 } = canonicalHash(snapshot);
    const v = await insertVersion(tx, { agreementId, number, label, canonical, sha256, publishedBy: actorUserId(ctx.actor) }, ctx.clock.now());
    await recordAudit(tx, ctx, {
      partyId: locked.coordinatingPartyId,
      action: 'agreement_version.publish',
      targetType: 'agreement_version',
      targetId: v.id,
      after: { agreement_id: agreementId, number, label, sha256, sections: snapshot.sections.length, areas: snapshot.areas.length, forums: snapshot.forums.length },
    });
    return v;
  });
}
