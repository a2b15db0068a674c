import { createHash } from 'node:crypto';
import { documentTextUnits, type Block, type DocumentModel } from './model.ts';

/**
 * A realistic sample for tests and `npm run bench`: a strategic cooperation agreement of the North
 * Karelia wellbeing services county, the regional council and three municipalities, in Finnish or
 * Swedish. The parties and Business IDs are real (from the published agreement); the decisions,
 * dates and signers are invented. Product code builds its own models (the agreements module).
 */
export function sampleAgreement(lang: 'fi' | 'sv'): { model: DocumentModel; contentSha256: string } {
  const t = texts[lang];
  const body: Block[] = [
    { type: 'heading', level: 1, text: t.partiesHeading },
    {
      type: 'table',
      header: t.partiesHeader,
      columnWidths: [5, 2, 3],
      rows: t.parties,
    },
    { type: 'heading', level: 1, text: t.purposeHeading },
    {
      type: 'paragraph',
      content: [
        { text: t.purpose[0] },
        { text: t.purpose[1], bold: true },
        { text: t.purpose[2] },
        { text: t.purpose[3], link: 'https://www.finlex.fi/fi/lainsaadanto/2021/612' },
        { text: t.purpose[4] },
      ],
    },
    { type: 'heading', level: 1, text: t.principlesHeading },
    { type: 'list', ordered: false, items: t.principles },
    { type: 'heading', level: 1, text: t.goalsHeading },
    { type: 'heading', level: 2, text: t.goal1Heading },
    { type: 'list', ordered: true, items: t.goal1 },
    { type: 'heading', level: 2, text: t.goal2Heading },
    { type: 'list', ordered: true, items: t.goal2 },
    { type: 'heading', level: 3, text: t.indicatorsHeading },
    { type: 'paragraph', content: [{ text: t.indicators, italic: true }] },
    { type: 'heading', level: 1, text: t.followUpHeading },
    { type: 'paragraph', content: t.followUp },
    { type: 'heading', level: 1, text: t.decisionsHeading },
    { type: 'table', header: t.decisionsHeader, columnWidths: [4, 3, 2, 1], rows: t.decisions },
    { type: 'heading', level: 1, text: t.validityHeading },
    { type: 'paragraph', content: t.validity },
  ];
  const base: DocumentModel = {
    title: t.title,
    subtitle: t.subtitle,
    language: lang,
    metadata: {
      author: t.author,
      organisation: t.organisation,
      subject: t.subject,
      keywords: t.keywords,
      description: t.description,
      created: new Date('2026-03-31T09:00:00Z'),
    },
    blocks: body,
  };
  // The hash covers the agreement's text as the parties approved it, not the signatures.
  const contentSha256 = createHash('sha256').update(documentTextUnits(base).join('\n'), 'utf8').digest('hex');
  const hash = { label: t.hashLabel, value: contentSha256 };
  const model: DocumentModel = {
    ...base,
    metadata: { ...base.metadata, customProperties: { contentSha256 } },
    blocks: [
      ...body,
      { type: 'pageBreak' },
      { type: 'heading', level: 1, text: t.signaturesHeading },
      ...t.signers.map(([name, title, organisation, place]) => ({
        type: 'signature' as const,
        name,
        title,
        organisation,
        place,
        date: '2026-04-02',
        method: t.method,
        hash,
      })),
    ],
  };
  return { model, contentSha256 };
}

const texts = {
  fi: {
    title: 'Strateginen yhteistyösopimus',
    subtitle: 'Pohjois-Karjalan hyvinvointialue, Pohjois-Karjalan maakuntaliitto ja alueen kunnat 2026–2029',
    author: 'Yhdyspintatyöryhmä',
    organisation: 'Pohjois-Karjalan hyvinvointialue',
    subject: 'Hyvinvointialueen, maakuntaliiton ja kuntien strateginen yhteistyösopimus valtuustokaudelle 2026–2029',
    keywords: ['yhteistyösopimus', 'yhdyspinta', 'hyvinvoinnin ja terveyden edistäminen'],
    description: 'Hyväksytty sopimusteksti allekirjoituksineen',
    partiesHeading: '1 Sopimusosapuolet',
    partiesHeader: ['Osapuoli', 'Y-tunnus', 'Hyväksyvä toimielin'],
    parties: [
      ['Pohjois-Karjalan hyvinvointialue', '3221317-4', 'aluevaltuusto'],
      ['Pohjois-Karjalan maakuntaliitto', '0927140-5', 'maakuntahallitus'],
      ['Joensuun kaupunki', '0242746-2', 'kaupunginvaltuusto'],
      ['Heinäveden kunta', '0164308-3', 'kunnanvaltuusto'],
      ['Rääkkylän kunta', '0169967-7', 'kunnanvaltuusto'],
    ],
    purposeHeading: '2 Sopimuksen lähtökohdat ja tarkoitus',
    purpose: [
      'Sopimuksella osapuolet sitoutuvat ',
      'yhteisiin tavoitteisiin, työnjakoon ja toimintatapoihin',
      ' asukkaiden hyvinvoinnin, terveyden ja turvallisuuden edistämiseksi. Yhteistyö perustuu ',
      'lakiin sosiaali- ja terveydenhuollon järjestämisestä (612/2021)',
      ' ja osapuolten strategioihin.',
    ],
    principlesHeading: '3 Yhteistyön periaatteet',
    principles: [
      'Osapuolet muodostavat yhteisen tilannekuvan väestön hyvinvoinnista ja palvelutarpeista.',
      'Yhteistyö on tasavertaista: jokainen osapuoli päättää omista tehtävistään ja talousarviostaan.',
      [{ text: 'Tieto kulkee ' }, { text: 'ajoissa', bold: true }, { text: ' ja yhdyspintojen muutoksista sovitaan ennen päätöksiä.' }],
      'Erimielisyydet käsitellään ensin yhdyspintatyöryhmässä ja tarvittaessa johtoryhmässä.',
    ],
    goalsHeading: '4 Yhteiset tavoitteet, toimenpiteet ja mittarit',
    goal1Heading: '4.1 Hyvinvoinnin ja terveyden edistäminen',
    goal1: [
      'Laaditaan alueellinen hyvinvointisuunnitelma yhdessä kuntien kanssa.',
      'Yhtenäistetään ehkäisevän päihdetyön ja mielenterveyden edistämisen käytännöt.',
      'Kehitetään järjestöyhteistyötä ja avustusten yhteistä valmistelua.',
    ],
    goal2Heading: '4.2 Lasten, nuorten ja perheiden palvelut',
    goal2: [
      'Sovitaan koulujen oppilashuollon ja perhekeskuksen yhteisistä palvelupoluista.',
      'Järjestetään yhteiset koulutukset varhaisen tuen työmenetelmistä.',
    ],
    indicatorsHeading: 'Mittarit',
    indicators: 'Seurannassa käytetään Sotkanetin indikaattoreita, kuten koulukyselyn hyvinvointimittareita ja päihdehaittojen mittareita.',
    followUpHeading: '5 Seuranta ja raportointi',
    followUp:
      'Osapuolet arvioivat sopimuksen toteutumista vuosittain hyvinvointialueen ja kuntien välisissä neuvotteluissa. Arviointi perustuu hyvinvointikertomuksiin ja sovittuihin mittareihin.',
    decisionsHeading: '6 Päätökset',
    decisionsHeader: ['Osapuoli', 'Toimielin', 'Päivämäärä', 'Pykälä'],
    decisions: [
      ['Pohjois-Karjalan hyvinvointialue', 'aluevaltuusto', '16.3.2026', '24 §'],
      ['Pohjois-Karjalan maakuntaliitto', 'maakuntahallitus', '9.3.2026', '31 §'],
      ['Joensuun kaupunki', 'kaupunginvaltuusto', '23.3.2026', '45 §'],
      ['Heinäveden kunta', 'kunnanvaltuusto', '30.3.2026', '18 §'],
      ['Rääkkylän kunta', 'kunnanvaltuusto', '30.3.2026', '12 §'],
    ],
    validityHeading: '7 Voimaantulo ja voimassaolo',
    validity:
      'Sopimus tulee voimaan, kun kaikki osapuolet ovat hyväksyneet ja allekirjoittaneet sen, ja se on voimassa 31.5.2029 saakka. Sopimusta voidaan muuttaa osapuolten yhteisellä päätöksellä.',
    signaturesHeading: 'Allekirjoitukset',
    signers: [
      ['Aino Mäkelä', 'hyvinvointialuejohtaja', 'Pohjois-Karjalan hyvinvointialue', 'Joensuu'],
      ['Pekka Öhman', 'maakuntajohtaja', 'Pohjois-Karjalan maakuntaliitto', 'Joensuu'],
      ['Liisa Åström', 'kaupunginjohtaja', 'Joensuun kaupunki', 'Joensuu'],
    ],
    method: 'Sähköinen allekirjoitus (vahva tunnistautuminen)',
    hashLabel: 'Sisällön tiiviste (SHA-256)',
  },
  sv: {
    title: 'Strategiskt samarbetsavtal',
    subtitle: 'Norra Karelens välfärdsområde, Landskapsförbundet för Norra Karelen och kommunerna i området 2026–2029',
    author: 'Arbetsgruppen för gränsytor',
    organisation: 'Norra Karelens välfärdsområde',
    subject: 'Strategiskt samarbetsavtal mellan välfärdsområdet, landskapsförbundet och kommunerna för fullmäktigeperioden 2026–2029',
    keywords: ['samarbetsavtal', 'gränsyta', 'främjande av välfärd och hälsa'],
    description: 'Godkänd avtalstext med underskrifter',
    partiesHeading: '1 Avtalsparter',
    partiesHeader: ['Part', 'FO-nummer', 'Godkännande organ'],
    parties: [
      ['Norra Karelens välfärdsområde', '3221317-4', 'välfärdsområdesfullmäktige'],
      ['Landskapsförbundet för Norra Karelen', '0927140-5', 'landskapsstyrelsen'],
      ['Joensuu stad', '0242746-2', 'stadsfullmäktige'],
      ['Heinävesi kommun', '0164308-3', 'kommunfullmäktige'],
      ['Rääkkylä kommun', '0169967-7', 'kommunfullmäktige'],
    ],
    purposeHeading: '2 Utgångspunkter och syfte',
    purpose: [
      'Genom avtalet förbinder sig parterna till ',
      'gemensamma mål, arbetsfördelning och arbetssätt',
      ' för att främja invånarnas välfärd, hälsa och säkerhet. Samarbetet grundar sig på ',
      'lagen om ordnande av social- och hälsovård (612/2021)',
      ' och parternas strategier.',
    ],
    principlesHeading: '3 Principer för samarbetet',
    principles: [
      'Parterna bildar en gemensam lägesbild av befolkningens välfärd och servicebehov.',
      'Samarbetet är jämlikt: varje part beslutar om sina egna uppgifter och sin budget.',
      [{ text: 'Information förmedlas ' }, { text: 'i tid', bold: true }, { text: ' och ändringar i gränsytorna avtalas före besluten.' }],
      'Meningsskiljaktigheter behandlas först i arbetsgruppen för gränsytor och vid behov i ledningsgruppen.',
    ],
    goalsHeading: '4 Gemensamma mål, åtgärder och indikatorer',
    goal1Heading: '4.1 Främjande av välfärd och hälsa',
    goal1: [
      'En regional välfärdsplan utarbetas tillsammans med kommunerna.',
      'Praxis för förebyggande missbrukarvård och främjande av psykisk hälsa görs enhetlig.',
      'Samarbetet med organisationer och den gemensamma beredningen av understöd utvecklas.',
    ],
    goal2Heading: '4.2 Tjänster för barn, unga och familjer',
    goal2: [
      'Parterna avtalar om gemensamma servicestigar för elevhälsan och familjecentret.',
      'Gemensamma utbildningar om arbetsmetoder för tidigt stöd ordnas.',
    ],
    indicatorsHeading: 'Indikatorer',
    indicators: 'Uppföljningen använder indikatorer i Sotkanet, såsom välfärdsindikatorerna i skolenkäten och indikatorer för rusmedelsskador.',
    followUpHeading: '5 Uppföljning och rapportering',
    followUp:
      'Parterna bedömer årligen hur avtalet har genomförts vid förhandlingarna mellan välfärdsområdet och kommunerna. Bedömningen grundar sig på välfärdsberättelserna och de överenskomna indikatorerna.',
    decisionsHeading: '6 Beslut',
    decisionsHeader: ['Part', 'Organ', 'Datum', 'Paragraf'],
    decisions: [
      ['Norra Karelens välfärdsområde', 'välfärdsområdesfullmäktige', '16.3.2026', '24 §'],
      ['Landskapsförbundet för Norra Karelen', 'landskapsstyrelsen', '9.3.2026', '31 §'],
      ['Joensuu stad', 'stadsfullmäktige', '23.3.2026', '45 §'],
      ['Heinävesi kommun', 'kommunfullmäktige', '30.3.2026', '18 §'],
      ['Rääkkylä kommun', 'kommunfullmäktige', '30.3.2026', '12 §'],
    ],
    validityHeading: '7 Ikraftträdande och giltighet',
    validity:
      'Avtalet träder i kraft när alla parter har godkänt och undertecknat det, och det gäller till och med 31.5.2029. Avtalet kan ändras genom ett gemensamt beslut av parterna.',
    signaturesHeading: 'Underskrifter',
    signers: [
      ['Aino Mäkelä', 'välfärdsområdesdirektör', 'Norra Karelens välfärdsområde', 'Joensuu'],
      ['Pekka Öhman', 'landskapsdirektör', 'Landskapsförbundet för Norra Karelen', 'Joensuu'],
      ['Liisa Åström', 'stadsdirektör', 'Joensuu stad', 'Joensuu'],
    ],
    method: 'Elektronisk underskrift (stark autentisering)',
    hashLabel: 'Innehållets hashvärde (SHA-256)',
  },
} as const;
