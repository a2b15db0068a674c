import type { Actor } from './actor.ts';
import { actorLabel } from './actor.ts';
import type { Ctx } from './context.ts';
import type { Row, Sql, Tx } from './db/db.ts';

export interface AuditEntry {
  partyId: string | null;
  /** Stable action name, 'party.update', 'party_body.create', … */
  action: string;
  targetType: string;
  targetId: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/** Keeps only the fields that changed, so the audit row shows what happened and nothing more. */
export function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const k of Object.keys(after)) {
    if (JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null)) {
      b[k] = before[k] ?? null;
      a[k] = after[k] ?? null;
    }
  }
  return { before: b, after: a };
}

/** Writes one audit event inside the caller's transaction and bumps the data version. */
export async function recordAudit(tx: Tx, ctx: Pick<Ctx, 'actor' | 'requestId' | 'clock'>, e: AuditEntry): Promise<void> {
  const actor: Actor = ctx.actor;
  await tx.query(
    `INSERT INTO audit_event (occurred_at, actor_user_id, actor_token_id, actor_label, party_id, action, target_type, target_id, summary, request_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      ctx.clock.now(),
      actor.kind === 'user' ? actor.userId : null,
      actor.kind === 'token' ? actor.tokenId : null,
      actorLabel(actor),
      e.partyId,
      e.action,
      e.targetType,
      e.targetId,
      JSON.stringify({ before: e.before ?? null, after: e.after ?? null }),
      ctx.requestId,
    ],
  );
  await bumpDataVersion(tx);
}

export async function bumpDataVersion(tx: Sql): Promise<void> {
  await tx.query('UPDATE data_version SET version = version + 1 WHERE id');
}

export async function readDataVersion(sql: Sql): Promise<number> {
  const rows = await sql.query<{ version: number } & Row>('SELECT version FROM data_version WHERE id');
  return rows[0]?.version ?? 0;
}
