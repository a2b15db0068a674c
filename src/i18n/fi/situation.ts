export const situation = {
  title: (region: string) => `Yhteinen tilannekuva: ${region}`,
  municipalityTitle: (name: string) => `Tilannekuva: ${name}`,
  compareTitle: (name: string, region: string) =>
    `${name} verrattuna alueeseen ${region}`,
  intro:
    "Indikaattorit alueen jokaisesta kunnasta, hyvinvointialueelta ja koko maasta. Valitse näytettävät indikaattorit ja päivitä näkymä.",
  municipalityIntro:
    "Kunnan indikaattorit vuosittain verrattuna hyvinvointialueeseen ja koko maahan.",
  compareIntro:
    "Kunnan arvot verrattuna alueen muihin kuntiin, hyvinvointialueeseen ja koko maahan.",
  link: "Yhteinen tilannekuva",
  municipalityLink: "Kunnan tilannekuva",
  compareLink: "Vertaa kuntaa alueeseen",
  chooseIndicators: "Näytettävät indikaattorit",
  chooseHint: (max: number) => `Valitse enintään ${max}.`,
  show: "Näytä",
  chooseMunicipality: "Kunta",
  compare: "Vertaa",
  noIndicators: "Indikaattoreita ei ole vielä tuotu palveluun.",
  noneChosen: "Yhtään indikaattoria ei ole valittu.",
  noValues: "Tälle indikaattorille ei ole arvoja alueella.",
  latestYear: (year: number) => `Viimeisin vuosi ${year}`,
  colArea: "Alue",
  colYear: "Vuosi",
  colValue: "Arvo",
  colClass: "Luokka",
  colRank: "Sija alueella",
  colMunicipality: "Kunta",
  colMedian: "Alueen kuntien mediaani",
  colCounty: "Hyvinvointialue",
  colCountry: "Koko maa",
  county: "Hyvinvointialue",
  country: "Koko maa",
  computed: "laskettu kuntien summana",
  computedNote:
    "Hyvinvointialueen arvo on laskettu jäsenkuntien arvojen summana, koska lähde ei anna sitä.",
  noValue: "ei arvoa",
  trend: "Kehitys vuosittain",
  mapTitle: (indicator: string, year: number) =>
    `${indicator} kunnittain vuonna ${year}`,
  mapDesc: (classes: number, missing: number) =>
    `Kartta alueen kunnista. Kunnat on jaettu ${classes} luokkaan arvon mukaan; luokan numero on merkitty kuntaan, ja luokat erottuvat myös kuvioinnista.${missing ? ` ${missing} kunnalta puuttuu arvo.` : ""}`,
  mapLegend: "Luokat",
  legendClass: (n: number, from: string, to: string) =>
    `Luokka ${n}: ${from}–${to}`,
  legendMissing: "Ei arvoa (valkoinen, ei numeroa)",
  chartTitle: (indicator: string) => `${indicator}: kehitys vuosittain`,
  chartDesc: (series: string, from: number, to: number) =>
    `Viivakaavio vuosilta ${from}–${to}. Sarjat: ${series}. Jokaisella sarjalla on oma merkkinsä ja nimi viivan päässä.`,
  dataTable: "Näytä tiedot taulukkona",
  tableCaption: (indicator: string) => `${indicator} alueittain ja vuosittain`,
  latestTableCaption: (indicator: string, year: number) =>
    `${indicator} vuonna ${year}`,
  downloadCsv: "Lataa tiedot (CSV)",
  csvFileName: "tilannekuva",
  source: (attribution: string, licence: string) =>
    `Lähde: ${attribution}${licence ? `, lisenssi ${licence}` : ""}.`,
  mapSource:
    "Kuntarajat: Tilastokeskus (CC BY 4.0); TopoJSON: Yleisradio/geodata; muokattu.",
  openData: "Avoin data -rajapinta",
  unit: (unit: string) => `Yksikkö: ${unit}`,
  seriesMunicipality: (name: string) => name,
  medianSeries: "Alueen kuntien mediaani",
  indexNote: (year: number) =>
    `Indeksi: vuosi ${year} = 100, jotta eri kokoiset alueet voi verrata.`,
};
