import type { situation as fi } from "../fi/situation.ts";

export const situation: typeof fi = {
  title: (region: string) => `Gemensam lägesbild: ${region}`,
  municipalityTitle: (name: string) => `Lägesbild: ${name}`,
  compareTitle: (name: string, region: string) =>
    `${name} jämfört med ${region}`,
  intro:
    "Indikatorer för varje kommun i området, välfärdsområdet och hela landet. Välj vilka indikatorer som visas och uppdatera vyn.",
  municipalityIntro:
    "Kommunens indikatorer per år jämfört med välfärdsområdet och hela landet.",
  compareIntro:
    "Kommunens värden jämfört med områdets övriga kommuner, välfärdsområdet och hela landet.",
  link: "Gemensam lägesbild",
  municipalityLink: "Kommunens lägesbild",
  compareLink: "Jämför kommunen med området",
  chooseIndicators: "Indikatorer som visas",
  chooseHint: (max: number) => `Välj högst ${max}.`,
  show: "Visa",
  chooseMunicipality: "Kommun",
  compare: "Jämför",
  noIndicators: "Inga indikatorer har ännu förts in i tjänsten.",
  noneChosen: "Ingen indikator har valts.",
  noValues: "Indikatorn har inga värden i området.",
  latestYear: (year: number) => `Senaste år ${year}`,
  colArea: "Område",
  colYear: "År",
  colValue: "Värde",
  colClass: "Klass",
  colRank: "Placering i området",
  colMunicipality: "Kommun",
  colMedian: "Median för områdets kommuner",
  colCounty: "Välfärdsområde",
  colCountry: "Hela landet",
  county: "Välfärdsområde",
  country: "Hela landet",
  computed: "beräknat som summan av kommunerna",
  computedNote:
    "Välfärdsområdets värde är beräknat som summan av medlemskommunernas värden, eftersom källan inte anger det.",
  noValue: "inget värde",
  trend: "Utveckling per år",
  mapTitle: (indicator: string, year: number) =>
    `${indicator} per kommun år ${year}`,
  mapDesc: (classes: number, missing: number) =>
    `Karta över områdets kommuner. Kommunerna är indelade i ${classes} klasser efter värde; klassens nummer står i kommunen, och klasserna skiljer sig också genom mönster.${missing ? ` ${missing} kommuner saknar värde.` : ""}`,
  mapLegend: "Klasser",
  legendClass: (n: number, from: string, to: string) =>
    `Klass ${n}: ${from}–${to}`,
  legendMissing: "Inget värde (vit, inget nummer)",
  chartTitle: (indicator: string) => `${indicator}: utveckling per år`,
  chartDesc: (series: string, from: number, to: number) =>
    `Linjediagram för åren ${from}–${to}. Serier: ${series}. Varje serie har en egen markör och sitt namn vid linjens slut.`,
  dataTable: "Visa uppgifterna som tabell",
  tableCaption: (indicator: string) => `${indicator} per område och år`,
  latestTableCaption: (indicator: string, year: number) =>
    `${indicator} år ${year}`,
  downloadCsv: "Ladda ner uppgifterna (CSV)",
  csvFileName: "lagesbild",
  source: (attribution: string, licence: string) =>
    `Källa: ${attribution}${licence ? `, licens ${licence}` : ""}.`,
  mapSource:
    "Kommungränser: Statistikcentralen (CC BY 4.0); TopoJSON: Yleisradio/geodata; bearbetad.",
  openData: "Gränssnitt för öppna data",
  unit: (unit: string) => `Enhet: ${unit}`,
  seriesMunicipality: (name: string) => name,
  medianSeries: "Median för områdets kommuner",
  indexNote: (year: number) =>
    `Index: år ${year} = 100, så att områden av olika storlek kan jämföras.`,
};
