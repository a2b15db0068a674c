import type { Ctx } from '#platform/context.ts';
import { notFound } from '#platform/errors.ts';
import { readDocumentFile, readMinutes } from './obligation-queries.ts';

/** The minutes file of a recorded negotiation (public, like the minutes themselves). */
export async function getNegotiationMinutes(ctx: Ctx, id: string) {
  const f = await readMinutes(ctx.db, id);
  if (!f) throw notFound('obligations.file_not_found');
  return f;
}

/** The file of a recorded report (public). */
export async function getObligationDocumentFile(ctx: Ctx, id: string) {
  const f = await readDocumentFile(ctx.db, id);
  if (!f) throw notFound('obligations.file_not_found');
  return f;
}
