import type { Ctx } from '#platform/context.ts';
import { notFound } from '#platform/errors.ts';
import { can } from '#platform/policy.ts';
import type { Agreement, VersionInfo } from './agreement.ts';
import { agreementOr404, subjectOf } from './agreement-access.ts';
import { agreementPolicy } from './agreement-policy.ts';
import { findVersionByNumber, listVersions } from './agreement-queries.ts';
import { parseSnapshot } from './snapshot.ts';
import { diffSnapshots, type DiffUnit } from './version-diff.ts';

/** Section-by-section, word-by-word comparison of two versions the reader may see. */
export async function compareVersions(
  ctx: Ctx,
  agreementId: string,
  from: number,
  to: number,
): Promise<{ agreement: Agreement; from: VersionInfo; to: VersionInfo; units: DiffUnit[]; versions: (VersionInfo & { isPublic: boolean })[] }> {
  const agreement = await agreementOr404(ctx.db, agreementId);
  const canViewDraft = can(agreementPolicy, 'agreement.view_draft', ctx.actor, subjectOf(agreement));
  const load = async (n: number) => {
    const v = Number.isSafeInteger(n) ? await findVersionByNumber(ctx.db, agreement.id, n) : undefined;
    if (!v || (!v.isPublic && !canViewDraft)) throw notFound('agreements.version_not_found');
    return v;
  };
  const [a, b] = [await load(from), await load(to)];
  const versions = await listVersions(ctx.db, agreement.id);
  const strip = ({ canonical: _c, ...rest }: typeof a) => rest;
  return {
    agreement,
    from: strip(a),
    to: strip(b),
    units: diffSnapshots(parseSnapshot(a.canonical), parseSnapshot(b.canonical)),
    versions: canViewDraft ? versions : versions.filter((x) => x.isPublic),
  };
}
