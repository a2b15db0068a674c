/**
 * The annual follow-up report (seurantaraportti) of an agreement: its page and its DOCX/PDF documents
 * (src/modules/goals/report-document.ts). Headings follow THL's hyvinvointikertomus structure so that a
 * municipality can paste whole chapters into its own welfare report.
 */
export const reports = {
  fileStem: 'seurantaraportti',
  title: (year: number) => `Seurantaraportti ${year}`,
  subject: 'Strategisen yhteistyösopimuksen vuosittainen seurantaraportti',
  linkFromGoals: 'Vuosittainen seurantaraportti',
  intro:
    'Sopimuksen tavoitteiden, toimenpiteiden ja indikaattorien vuosiseuranta. Luvut noudattavat hyvinvointikertomuksen rakennetta (tiivistelmä, väestön hyvinvointi ja palvelut, vahvuudet ja kehittämiskohteet, tavoitteet ja toimenpiteet), joten kunta voi käyttää niitä omassa hyvinvointikertomuksessaan.',
  chooseYear: 'Seurantavuosi',
  show: 'Näytä',
  downloadHeading: 'Lataa asiakirjana',
  docx: (lang: string) => `DOCX (${lang})`,
  pdf: (lang: string) => `PDF/A (${lang})`,
  langNames: { fi: 'suomeksi', sv: 'ruotsiksi' },
  inFinnish: 'suomeksi',
  fallbackNote: 'Tekstit, joita ei ole kirjoitettu tällä kielellä, näytetään suomeksi, ja ne on merkitty.',
  // Title page
  agreement: 'Sopimus',
  region: 'Maakunta',
  county: 'Hyvinvointialue',
  year: 'Seurantavuosi',
  prepared: 'Laadittu',
  parties: 'Osapuolet',
  colParty: 'Osapuoli',
  colBusinessId: 'Y-tunnus',
  coordinator: 'koordinoiva osapuoli',
  // Chapters
  h: {
    summary: '1 Tiivistelmä',
    wellbeing: '2 Väestön hyvinvointi ja palvelut',
    strengths: '3 Vahvuudet ja kehittämiskohteet',
    goals: '4 Tavoitteet ja toimenpiteet',
    sources: '5 Lähteet ja lisenssit',
    rule: '6 Miten tilanne lasketaan',
  },
  // 1 Summary
  totals: (goals: number, measures: number, indicators: number, areas: number) =>
    `Sopimuksessa on ${goals} tavoitetta, ${measures} toimenpidettä ja ${indicators} seurattavaa indikaattoria ${areas} yhteistyön osa-alueella.`,
  goalsByStatus: (c: { on_track: number; off_track: number; no_data: number; no_status: number }) =>
    `Tavoitteista ${c.on_track} on aikataulussa, ${c.off_track} jäljessä, ${c.no_data} ilman tietoa ja ${c.no_status} ilman tilannetta (ei indikaattoreita, joilla on parempi suunta).`,
  measuresHeading: 'Toimenpiteet tilan mukaan',
  indicatorsHeading: 'Indikaattorit tilanteen mukaan',
  colArea: 'Yhteistyön osa-alue',
  colGoals: 'Tavoitteita',
  colMeasures: 'Toimenpiteitä',
  total: 'Yhteensä',
  noAreas: 'Sopimuksella ei ole yhteistyön osa-alueita eikä tavoitteita.',
  // 2 Population wellbeing and services
  wellbeingIntro: (year: number) =>
    `Tavoitteisiin kytketyt indikaattorit: lähtötaso, tavoite, uusin arvo vuoteen ${year} mennessä ja kehitys vuosittain. Hyvinvointialue ja koko maa näytetään vertailuna.`,
  noIndicators: 'Tavoitteisiin ei ole kytketty indikaattoreita.',
  forGoal: (goal: string, measure: string) => `Tavoite: ${goal}. Toimenpide: ${measure}.`,
  scopeLine: (scope: string) => `Seuranta-alue: ${scope}.`,
  pathLine: (baseline: string, baselineYear: number, target: string, targetYear: number) =>
    `Lähtötaso ${baseline} (${baselineYear}), tavoite ${target} (${targetYear}).`,
  directions: { higher_is_better: 'Suurempi arvo on parempi.', lower_is_better: 'Pienempi arvo on parempi.', neutral: 'Indikaattorilla ei ole parempaa suuntaa.' },
  unit: (unit: string) => `Yksikkö: ${unit}.`,
  statusHeading: 'Tilanne',
  trendHeading: 'Kehitys vuosittain',
  colAreaName: 'Alue',
  colLatest: 'Uusin arvo (vuosi)',
  colExpected: 'Suoran mukainen arvo',
  colStatus: 'Tilanne',
  colTrend: 'Kehitys',
  reference: 'vertailu',
  country: 'Koko maa',
  noValues: (year: number) => `Ei arvoja vuoteen ${year} mennessä.`,
  trends: { improving: 'Paranee', worsening: 'Heikkenee', unchanged: 'Ennallaan', rising: 'Nousee', falling: 'Laskee' },
  noTrend: 'Ei vertailukelpoisia vuosia',
  // 3 Strengths and areas to develop
  derivedNote:
    'Tämä luku on johdettu automaattisesti seurantatiedoista: vahvuuksia ovat aikataulussa olevat indikaattorit ja valmiit toimenpiteet, kehittämiskohteita jäljessä olevat indikaattorit, myöhässä tai riskissä olevat toimenpiteet sekä indikaattorit, joista ei ole tietoa. Se ei korvaa osapuolten omaa arviota.',
  strengths: 'Vahvuudet',
  toDevelop: 'Kehittämiskohteet',
  onTrackIn: (indicator: string, areas: string) => `${indicator}: aikataulussa (${areas})`,
  offTrackIn: (indicator: string, areas: string) => `${indicator}: jäljessä (${areas})`,
  noDataIn: (indicator: string, areas: string) => `${indicator}: ei tietoa lähtötasovuoden jälkeen (${areas})`,
  measureDone: (measure: string) => `${measure}: toimenpide on valmis`,
  measureBehind: (measure: string, status: string) => `${measure}: ${status.toLowerCase()}`,
  noStrengths: 'Seurantatiedoista ei löydy vielä aikataulussa olevia indikaattoreita eikä valmiita toimenpiteitä.',
  noDevelop: 'Seurantatiedoista ei löydy jäljessä olevia indikaattoreita eikä myöhässä tai riskissä olevia toimenpiteitä.',
  // 4 Goals and measures
  sectionRef: (ref: string) => `Sopimuksen kohta: ${ref}`,
  noSection: 'Sopimuksen kohta: ei kytketty',
  goalStatus: 'Tavoitteen tilanne',
  noGoalIndicators: 'Tavoitteella ei ole seurattavia indikaattoreita.',
  noMeasures: 'Tavoitteella ei ole toimenpiteitä.',
  noGoals: 'Osa-alueella ei ole tavoitteita.',
  owners: 'Vastuuosapuolet',
  responsible: 'Vastuutaho',
  schedule: 'Aikataulu',
  status: 'Tila',
  indicators: 'Indikaattorit',
  latestUpdate: 'Viimeisin tilannepäivitys',
  noUpdate: 'Ei tilannepäivityksiä.',
  updateBy: (party: string, date: string) => `${party}, ${date}`,
  notSet: 'ei asetettu',
  // 5 Sources and licences
  sourcesIntro:
    'Indikaattorien arvot ovat indikaattoriluettelon lähteistä. THL:n (Sotkanet) ja Tilastokeskuksen avoin data on lisensoitu Creative Commons Nimeä 4.0 -lisenssillä (CC BY 4.0); lähde mainitaan aina, kun tietoja näytetään tai jaetaan edelleen.',
  licenceLink: 'CC BY 4.0 -lisenssin ehdot',
  colIndicator: 'Indikaattori',
  colSource: 'Lähde',
  colLicence: 'Lisenssi',
  colUpdated: 'Tiedot päivitetty',
  noLicence: 'ei ilmoitettu',
  unknownDate: 'ei tiedossa',
  ownValues: 'Osa arvoista on toimenpiteiden vastuuosapuolten itse ilmoittamia; samana vuonna osapuolen arvo korvaa luettelon arvon.',
  noSources: 'Raportissa ei ole indikaattoritietoja.',
  // 6 Rule
  reportRule: (year: number) => [
    `Indikaattorien tilanne lasketaan arvoista, jotka koskevat vuotta ${year} tai sitä aiempia vuosia. Kehitys verrataan näytetyn jakson ensimmäistä ja viimeistä arvoa indikaattorin suunnan mukaan.`,
    'Toimenpiteiden tila ja viimeisin tilannepäivitys ovat raportin laatimispäivän mukaiset. Sisäisiä muistiinpanoja ei näytetä raportissa.',
  ],
};
