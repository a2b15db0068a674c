import type { PartyApprovalView } from '#modules/agreements/index.ts';
import { useI18n } from '../i18n.tsx';
import { pickText } from './agreement-content.tsx';

/** Breadcrumb and the sub-navigation shared by a party's approval pages (decisions, signatures, chain). */
export function PartyApprovalNav({ view, current }: { view: PartyApprovalView; current: 'decisions' | 'signatures' | 'chain' }) {
  const { t, lang, href } = useI18n();
  const a = t.agreements.approval;
  const ag = view.agreement;
  const title = pickText(ag.title, lang);
  const base = `/agreements/${ag.id}/parties/${view.approval.party.id}`;
  const links: [typeof current, string, string][] = [
    ['decisions', `${base}/decisions`, a.navDecisions],
    ['signatures', `${base}/signatures`, a.navSignatures],
    ['chain', `${base}/chain`, a.navChain],
  ];
  return (
    <>
      <nav aria-label={t.common.breadcrumb} className="breadcrumb">
        <a href={href(`/regions/${ag.countyCode}/agreements`)}>{t.agreements.regionLink}</a> ›{' '}
        <a href={href(`/agreements/${ag.id}`)} lang={title.lang === lang ? undefined : title.lang}>
          {title.text}
        </a>{' '}
        › <a href={href(`/agreements/${ag.id}/approval`)}>{a.overviewTitle}</a>
      </nav>
      <nav aria-label={a.partyNav} className="subnav">
        <ul>
          {links.map(([key, to, label]) => (
            <li key={key}>
              <a href={href(to)} aria-current={key === current ? 'page' : undefined}>
                {label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}
