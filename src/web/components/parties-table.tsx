import type { Party } from '#modules/parties/index.ts';
import { useI18n } from '../i18n.tsx';

/** The table of parties on the region page and the party list: name (link), type, codes, language, population. */
export function PartiesTable({ parties, caption, captionHidden = false }: { parties: readonly Party[]; caption: string; captionHidden?: boolean }) {
  const { t, lang, href, number } = useI18n();
  return (
    <table className="table">
      <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t.parties.colName}</th>
          <th scope="col">{t.parties.colType}</th>
          <th scope="col">{t.parties.colCode}</th>
          <th scope="col">{t.parties.colBusinessId}</th>
          <th scope="col">{t.parties.colLanguage}</th>
          <th scope="col" className="num">
            {t.parties.colPopulation}
          </th>
        </tr>
      </thead>
      <tbody>
        {parties.map((p) => (
          <tr key={p.id}>
            <th scope="row">
              <a href={href(`/parties/${p.id}`)}>{p.name[lang]}</a>
            </th>
            <td>{t.common.partyTypes[p.type]}</td>
            <td>{p.code}</td>
            <td>{p.businessId ?? <span className="muted">{t.common.none}</span>}</td>
            <td>
              <abbr title={t.common.languages[p.language]}>{t.common.languagesShort[p.language]}</abbr>
            </td>
            <td className="num">{p.population !== null ? number(p.population) : ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
