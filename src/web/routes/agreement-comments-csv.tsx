import { summariseComments, toCsv } from '#modules/agreements/index.ts';
import { catalogs, formatDateTime } from '#i18n/index.ts';
import type { Route } from './+types/agreement-comments-csv';
import { ctxOf } from '../app-context.ts';
import { langOf, load } from '../run.server.ts';

/** Resource route: every comment in force of one round as CSV (headings in the page language). */
export async function loader({ context, params, request }: Route.LoaderArgs) {
  const lang = langOf(request);
  const t = catalogs[lang].agreements;
  const round = new URL(request.url).searchParams.get('round') ?? undefined;
  const s = await load(request, () => summariseComments(ctxOf(context), params.id, round));
  const text = (b: { fi: string; sv: string } | null) => (b ? (lang === 'sv' && b.sv ? b.sv : b.fi) : t.wholeAgreement);
  const rows = [
    [t.colFiled, t.colParty, t.colSection, t.colKind, t.colLang, t.colComment, t.colAuthor, t.colAnswer, t.colReasoning],
    ...s.rows.map(({ comment: c, party, section }) => [
      formatDateTime(lang, c.createdAt),
      party ? (lang === 'sv' ? party.name.sv : party.name.fi) : '',
      c.sectionId ? text(section) : t.wholeAgreement,
      t.kinds2[c.kind],
      c.lang,
      c.body,
      c.authorName ?? '',
      c.answer ? t.answers[c.answer] : t.unanswered,
      c.answerReasoning,
    ]),
  ];
  const name = `${t.csvFileName}-${s.round ? `v${s.round.versionNumber}-${s.round.deadline}` : 'none'}.csv`;
  return new Response(toCsv(rows), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
