import type { Bilingual } from './agreement.ts';

export interface TemplateSection {
  /** Stable key of a model section; null for a section a region added itself. */
  key: string | null;
  heading: Bilingual;
  body: Bilingual;
}

/**
 * The built-in model: the usual sections of a strategic cooperation agreement, following the structure of
 * Kuntaliitto's model template (mallipohja, 2022) as the regions have used it. Texts are our own, short
 * and meant to be adapted ("soveltuvin osin"). Sections 'cooperation_areas' and 'forums' are followed on
 * the agreement page by the structured areas and forums.
 */
export const MODEL_TEMPLATE: readonly TemplateSection[] = [
  {
    key: 'parties',
    heading: { fi: 'Sopimusosapuolet', sv: 'Avtalsparter' },
    body: {
      fi: 'Sopimuksen osapuolia ovat hyvinvointialue, sen alueen kunnat ja maakunnan liitto. Osapuolet Y-tunnuksineen on lueteltu sopimuksen osapuoliluettelossa.',
      sv: 'Parter i avtalet är välfärdsområdet, kommunerna inom dess område och landskapsförbundet. Parterna och deras FO-nummer anges i avtalets förteckning över parter.',
    },
  },
  {
    key: 'purpose',
    heading: { fi: 'Sopimuksen lähtökohdat ja tarkoitus', sv: 'Avtalets utgångspunkter och syfte' },
    body: {
      fi: 'Osapuolilla on yhteiset asukkaat ja paljon tehtäviä, jotka onnistuvat asukaslähtöisesti vain yhteistyössä. Sopimuksen tarkoitus on\n\n- sopia yhteisistä tavoitteista ja valituista toimenpiteistä\n- selkeyttää työnjako ja vastuut kullakin yhteistyön osa-alueella\n- sopia yhteistyön rakenteista, toimintamalleista ja tiedonkulusta.',
      sv: 'Parterna har gemensamma invånare och många uppgifter som kan skötas invånarorienterat endast i samarbete. Syftet med avtalet är att\n\n- komma överens om gemensamma mål och valda åtgärder\n- klargöra arbetsfördelningen och ansvaret inom varje samarbetsområde\n- komma överens om samarbetets strukturer, verksamhetsmodeller och informationsflöde.',
    },
  },
  {
    key: 'legal_basis',
    heading: { fi: 'Yhteistyön lainsäädäntöpohja', sv: 'Den rättsliga grunden för samarbetet' },
    body: {
      fi: '- Hyvinvointialuelaki (611/2021) 14 §: hyvinvointialueen ja kuntien on neuvoteltava vähintään valtuustokausittain yhteistyöstä, tavoitteista ja työnjaosta.\n- Laki sosiaali- ja terveydenhuollon järjestämisestä (612/2021) 6 ja 7 §: kunnan ja hyvinvointialueen vastuu hyvinvoinnin ja terveyden edistämisestä sekä vähintään vuosittainen neuvottelu.\n- Erityislakien yhteistyövelvoitteet, kuten oppilas- ja opiskelijahuolto sekä työllisyyspalvelut.',
      sv: '- Lagen om välfärdsområden (611/2021) 14 §: välfärdsområdet och kommunerna ska minst en gång per fullmäktigeperiod förhandla om samarbete, mål och arbetsfördelning.\n- Lagen om ordnande av social- och hälsovård (612/2021) 6 och 7 §: kommunens och välfärdsområdets ansvar för att främja välfärd och hälsa samt förhandlingar minst en gång per år.\n- Samarbetsskyldigheter i speciallagstiftningen, såsom elev- och studerandevården och sysselsättningstjänsterna.',
    },
  },
  {
    key: 'principles',
    heading: { fi: 'Yhteistyön periaatteet', sv: 'Principer för samarbetet' },
    body: {
      fi: 'Osapuolet ovat keskenään tasavertaisia oikeudellisia toimijoita. Kumppanuus perustuu\n\n- yhteiseen, tietoon perustuvaan tilannekuvaan asukkaiden hyvinvoinnista, palvelutarpeista ja kustannuksista\n- luottamukseen ja sitoutumiseen yhdessä tekemiseen\n- avoimuuteen ja ennakointiin: toista osapuolta koskevista asioista neuvotellaan ajoissa.',
      sv: 'Parterna är juridiskt jämbördiga aktörer. Partnerskapet bygger på\n\n- en gemensam, kunskapsbaserad lägesbild av invånarnas välfärd, servicebehov och kostnader\n- förtroende och engagemang för att göra saker tillsammans\n- öppenhet och framförhållning: frågor som berör en annan part förhandlas i god tid.',
    },
  },
  {
    key: 'cooperation_areas',
    heading: { fi: 'Yhteistyön osa-alueet, tavoitteet ja vastuut', sv: 'Samarbetsområden, mål och ansvar' },
    body: {
      fi: 'Osapuolet sopivat yhteistyöstä jäljempänä luetelluilla osa-alueilla. Kullekin osa-alueelle kirjataan tavoitteet, toimenpiteet ja mittarit sekä vastuutahot hyvinvointialueen ja kuntien puolelta.',
      sv: 'Parterna kommer överens om samarbete inom de områden som räknas upp nedan. För varje område anges mål, åtgärder och indikatorer samt de ansvariga på välfärdsområdets och kommunernas sida.',
    },
  },
  {
    key: 'forums',
    heading: { fi: 'Yhteistyön foorumit ja areenat', sv: 'Samarbetsforum och arenor' },
    body: {
      fi: 'Yhteistyötä johdetaan poliittisen johdon, virkajohdon ja toimialajohdon säännöllisissä kohtaamisissa. Foorumit, niiden jäsenet ja kokoontumistiheys on kuvattu jäljempänä. Foorumit ovat tapoja toteuttaa hyvinvointialuelain 14 §:n mukaiset neuvottelut.',
      sv: 'Samarbetet leds vid regelbundna möten mellan den politiska ledningen, tjänstemannaledningen och sektorsledningen. Forumen, deras medlemmar och hur ofta de möts beskrivs nedan. Forumen är sätt att genomföra förhandlingarna enligt 14 § i lagen om välfärdsområden.',
    },
  },
  {
    key: 'operating_rules',
    heading: { fi: 'Toimintamallit ja pelisäännöt', sv: 'Verksamhetsmodeller och spelregler' },
    body: {
      fi: '- **Tavoitteet ja työnjako** sovitaan ja niitä muutetaan yhteistyöfoorumissa; muutokset kirjataan.\n- **Tiedonkulku:** osapuolet nimeävät yhteyshenkilöt kullekin osa-alueelle ja jakavat tilannetietoa säännöllisesti.\n- **Ennakointi:** toista osapuolta koskevista päätöksistä kuullaan tätä ennen päätöksentekoa.\n- **Epäkohdat ja erimielisyydet** käsitellään ensin operatiivisella tasolla, sitten johtajafoorumissa ja tarvittaessa ylimmän johdon kesken.',
      sv: '- **Mål och arbetsfördelning** avtalas och ändras i samarbetsforumet; ändringarna dokumenteras.\n- **Informationsflöde:** parterna utser kontaktpersoner för varje område och delar lägesinformation regelbundet.\n- **Framförhållning:** en part som berörs av ett beslut hörs innan beslutet fattas.\n- **Missförhållanden och meningsskiljaktigheter** behandlas först på operativ nivå, sedan i direktörsforumet och vid behov mellan den högsta ledningen.',
    },
  },
  {
    key: 'monitoring',
    heading: { fi: 'Seuranta ja raportointi', sv: 'Uppföljning och rapportering' },
    body: {
      fi: 'Tavoitteiden toteutumista seurataan sovituilla mittareilla osana hyvinvointikertomuksia ja sote-järjestämislain 7 §:n mukaista vuosittaista neuvottelua. Seurannan tulokset käsitellään yhteistyöfoorumissa.',
      sv: 'Måluppfyllelsen följs upp med de överenskomna indikatorerna som en del av välfärdsberättelserna och de årliga förhandlingarna enligt 7 § i lagen om ordnande av social- och hälsovård. Resultaten behandlas i samarbetsforumet.',
    },
  },
  {
    key: 'costs',
    heading: { fi: 'Kustannukset', sv: 'Kostnader' },
    body: {
      fi: 'Kukin osapuoli vastaa omista kustannuksistaan. Yhteisten hankkeiden kustannuksista sovitaan erikseen.',
      sv: 'Varje part svarar för sina egna kostnader. Om kostnaderna för gemensamma projekt avtalas separat.',
    },
  },
  {
    key: 'entry_into_force',
    heading: { fi: 'Voimaantulo', sv: 'Ikraftträdande' },
    body: {
      fi: 'Sopimus tulee voimaan, kun osapuolten toimivaltaiset toimielimet ovat sen hyväksyneet ja kaikki osapuolet ovat sen allekirjoittaneet. Sopimus on voimassa viimeisen allekirjoituksen päivästä tai sopimuksen alkamispäivästä lukien sen mukaan, kumpi on myöhempi.',
      sv: 'Avtalet träder i kraft när parternas behöriga organ har godkänt det och alla parter har undertecknat det. Avtalet gäller från dagen för den sista underskriften eller från avtalets startdag, beroende på vilken som infaller senare.',
    },
  },
  {
    key: 'validity',
    heading: { fi: 'Voimassaolo', sv: 'Giltighet' },
    body: {
      fi: 'Sopimus on voimassa sopimuksessa mainitun ajan tai, jos päättymispäivää ei ole, toistaiseksi. Osapuolet arvioivat sopimuksen vähintään kerran valtuustokaudessa.',
      sv: 'Avtalet gäller för den tid som anges i avtalet eller, om inget slutdatum anges, tills vidare. Parterna utvärderar avtalet minst en gång per fullmäktigeperiod.',
    },
  },
  {
    key: 'amendment',
    heading: { fi: 'Sopimuksen muuttaminen', sv: 'Ändring av avtalet' },
    body: {
      fi: 'Sopimusta muutetaan kirjallisesti. Muutokset valmistellaan yhdessä ja hyväksytään samoissa toimielimissä kuin alkuperäinen sopimus.',
      sv: 'Avtalet ändras skriftligen. Ändringarna bereds gemensamt och godkänns av samma organ som det ursprungliga avtalet.',
    },
  },
  {
    key: 'signatures',
    heading: { fi: 'Allekirjoitukset', sv: 'Underskrifter' },
    body: {
      fi: 'Kukin osapuoli allekirjoittaa sopimuksen hallintosääntönsä mukaisesti. Allekirjoitukset kohdistuvat sopimuksen julkaistuun versioon.',
      sv: 'Varje part undertecknar avtalet enligt sin förvaltningsstadga. Underskrifterna gäller den publicerade versionen av avtalet.',
    },
  },
];

export const MODEL_KEYS = MODEL_TEMPLATE.map((s) => s.key!);
