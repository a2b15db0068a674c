import type { Sql } from '#platform/db/db.ts';
import { invalid } from '#platform/errors.ts';
import type { TAgendaItem } from './minutes-schemas.ts';
import { linkBelongsToRegion, type ItemAgendaFields } from './minutes-queries.ts';

/** The columns of an agenda item from its form; what it handles must be one of the region's agreements' things. */
export async function agendaFields(sql: Sql, countyCode: string, f: TAgendaItem): Promise<ItemAgendaFields> {
  const id = f.handles.id;
  const fields: ItemAgendaFields = {
    section: f.section === '' ? null : f.section,
    titleFi: f.titleFi,
    titleSv: f.titleSv,
    presenter: f.presenter,
    bodyFi: f.bodyFi,
    bodySv: f.bodySv,
    link: f.handles.kind,
    agreementVersionId: f.handles.kind === 'agreement_version' ? id : null,
    goalId: f.handles.kind === 'goal' ? id : null,
    measureId: f.handles.kind === 'measure' ? id : null,
    reportAgreementId: f.handles.kind === 'annual_report' ? id : null,
    reportYear: f.handles.kind === 'annual_report' && f.reportYear !== '' ? f.reportYear : null,
  };
  if (!(await linkBelongsToRegion(sql, countyCode, fields))) throw invalid([{ field: 'handles', code: 'item_target_not_in_region' }]);
  return fields;
}
