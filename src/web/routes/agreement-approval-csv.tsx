import { getApprovalOverview, toCsv } from '#modules/agreements/index.ts';
import type { Route } from './+types/agreement-approval-csv';
import { ctxOf } from '../app-context.ts';
import { approvalCells } from '../approval-text.ts';
import { i18nFor } from '../i18n.tsx';
import { langOf, load } from '../run.server.ts';

/** Resource route: the approval overview as CSV (same texts as the page, headings in the page language). */
export async function loader({ context, params, request }: Route.LoaderArgs) {
  const lang = langOf(request);
  const i = i18nFor(lang);
  const a = i.t.agreements.approval;
  const pending = new URL(request.url).searchParams.get('show') === 'pending';
  const o = await load(request, () => getApprovalOverview(ctxOf(context), params.id));
  const steps = Array.from({ length: o.stepColumns }, (_, n) => n + 1);
  const rows = [
    [a.colParty, i.t.agreements.colBusinessId, a.colComments, a.colStatement, ...steps.map((n) => a.colStep(n)), a.colSigned],
    ...o.parties
      .filter((p) => !pending || !p.progress.complete)
      .map((p) => {
        const c = approvalCells(i, p, o.stepColumns);
        return [
          p.party.name[lang],
          p.party.businessId ?? '',
          c.comments,
          c.statement,
          ...c.steps.map((s) => (s ? [s.text, s.older, s.minutesUrl].filter(Boolean).join(' | ') : '')),
          c.signed,
        ];
      }),
  ];
  return new Response(toCsv(rows), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${a.csvFileName}.csv"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
