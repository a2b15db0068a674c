import { listParties, PARTY_TYPES } from '#modules/parties/index.ts';
import type { Route } from './+types/parties';
import { ctxOf } from '../app-context.ts';
import { PartiesTable } from '../components/parties-table.tsx';
import { useI18n } from '../i18n.tsx';
import { publicPageHeaders } from '../public-page.ts';
import { load } from '../run.server.ts';

const PAGE = 50;

/** Anonymous visitors may get this page from the page cache (no forms or per-visitor content for them). */
export const headers = publicPageHeaders;

export async function loader({ context, request }: Route.LoaderArgs) {
  const sp = new URL(request.url).searchParams;
  const page = Math.max(1, Number(sp.get('page')) || 1);
  const type = sp.get('type') || undefined;
  const q = sp.get('q') || undefined;
  const res = await load(request, () => listParties(ctxOf(context), { type, q, limit: PAGE, offset: (page - 1) * PAGE }));
  return { ...res, page, type: type ?? '', q: q ?? '' };
}

export default function PartiesPage({ loaderData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { items, total, page, type, q } = loaderData;
  const pages = Math.max(1, Math.ceil(total / PAGE));
  const qs = (p: number) => `?${new URLSearchParams({ ...(type ? { type } : {}), ...(q ? { q } : {}), page: String(p) })}`;
  return (
    <div className="page">
      <title>{`${t.parties.listTitle} – ${t.common.appName}`}</title>
      <h1>{t.parties.listTitle}</h1>
      <form method="get" className="filters" role="search" aria-label={t.common.search}>
        <div className="field">
          <label htmlFor="f-type">{t.parties.filterType}</label>
          <select id="f-type" name="type" defaultValue={type}>
            <option value="">{t.parties.filterAll}</option>
            {PARTY_TYPES.map((pt) => (
              <option key={pt} value={pt}>
                {t.common.partyTypes[pt]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-q">{t.parties.filterQuery}</label>
          <input id="f-q" name="q" type="search" defaultValue={q} />
        </div>
        <button type="submit" className="button">
          {t.common.search}
        </button>
      </form>
      <p role="status">{t.common.results(total)}</p>
      <PartiesTable parties={items} caption={t.parties.listTitle} captionHidden />
      {pages > 1 && (
        <nav className="pagination" aria-label={t.common.pageOf(page, pages)}>
          {page > 1 && (
            <a href={qs(page - 1)} rel="prev">
              {t.common.previous}
            </a>
          )}
          <span>{t.common.pageOf(page, pages)}</span>
          {page < pages && (
            <a href={qs(page + 1)} rel="next">
              {t.common.next}
            </a>
          )}
        </nav>
      )}
    </div>
  );
}
