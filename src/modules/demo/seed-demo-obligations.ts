import { listRegionForums } from '#modules/forums/index.ts';
import { recordNegotiation, recordObligationDocument } from '#modules/obligations/index.ts';
import type { Ctx } from '#platform/context.ts';
import { renderDocx } from '#platform/documents/index.ts';
import { assertCan } from '#platform/policy.ts';
import { demoPolicy } from './demo-policy.ts';
import { demoObligationsExist, findDemoActor } from './demo-queries.ts';

/**
 * The legal obligations of the demo region (issue 12's demo), recorded as the county's editor would:
 * - (the yhteistyöfoorumi of Mon 6.11.2023 at 10:00, held as the hyvinvointialuelaki 14 § negotiation with every
 *   party but two municipalities present, is seeded with the demo's meetings: seed-demo-meetings.ts);
 * - the sote-järjestämislaki 7 § yearly negotiation of 2024 (none for 2025, which is then overdue);
 * - the county's regional welfare report and plan with its decision record (a generated DOCX).
 * Seeded once; returns false when the region already has obligation evidence or the forum is missing.
 */
export async function seedDemoObligations(ctx: Ctx, countyCode: string): Promise<boolean> {
  assertCan(demoPolicy, 'demo.seed', ctx.actor, null);
  if (await demoObligationsExist(ctx.db, countyCode)) return false;
  const editor = await findDemoActor(ctx.db, 'hva.muokkaaja@demo.kumppanuus.fi');
  const { forums, parties } = await listRegionForums(ctx, countyCode);
  const forum = forums.find((f) => f.name.fi === 'Yhteistyöfoorumi');
  const county = parties.find((p) => p.type === 'wellbeing_services_county');
  if (!editor || !forum || !county) return false;
  const as: Ctx = { ...ctx, actor: editor, requestId: 'system:demo-obligations' };

  const countyAndMunicipalities = parties.filter((p) => p.type === 'wellbeing_services_county' || p.type === 'municipality').map((p) => p.id);
  await recordNegotiation(as, countyCode, {
    obligationCode: 'sote_7_negotiation',
    heldOn: '2024-10-15',
    title: 'Hyvinvoinnin ja terveyden edistämisen vuosineuvottelu 2024',
    participantIds: countyAndMunicipalities,
  });

  const title = 'Pohjois-Pohjanmaan alueellinen hyvinvointikertomus ja -suunnitelma';
  const report = await renderDocx({
    title,
    language: 'fi',
    metadata: { author: 'Pohjois-Pohjanmaan hyvinvointialue', organisation: 'Pohjois-Pohjanmaan hyvinvointialue', created: ctx.clock.now() },
    blocks: [
      { type: 'heading', level: 1, text: title },
      { type: 'paragraph', content: 'Esittelyaineisto: tämä asiakirja on Kumppanuuden esittelytietoa, ei hyvinvointialueen hyväksymä kertomus.' },
      { type: 'paragraph', content: 'Laadittu yhteistyössä alueen kuntien kanssa (sote-järjestämislaki 612/2021 7 §).' },
    ],
  });
  await recordObligationDocument(
    as,
    {
      obligationCode: 'sote_7_welfare_report',
      partyId: county.id,
      periodKey: 'term:2022',
      title: `${title} 2024`,
      decisionBody: 'Aluevaltuusto',
      decisionDate: '2024-06-17',
      decisionSection: '52',
    },
    { fileName: 'hyvinvointikertomus-2024.docx', bytes: report, truncated: false, maxBytes: report.length },
  );
  return true;
}
