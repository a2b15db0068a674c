import type { situation as fi } from "../fi/situation.ts";

export const situation: typeof fi = {
  title: (region: string) => `Shared situational picture: ${region}`,
  municipalityTitle: (name: string) => `Situational picture: ${name}`,
  compareTitle: (name: string, region: string) =>
    `${name} compared with ${region}`,
  intro:
    "Indicators for every municipality of the area, the wellbeing services county and the whole country. Choose the indicators to show and update the view.",
  municipalityIntro:
    "The municipality’s indicators by year compared with its wellbeing services county and the whole country.",
  compareIntro:
    "The municipality’s values compared with the other municipalities of the area, the county and the whole country.",
  link: "Shared situational picture",
  municipalityLink: "Situational picture of the municipality",
  compareLink: "Compare the municipality with the area",
  chooseIndicators: "Indicators to show",
  chooseHint: (max: number) => `Choose at most ${max}.`,
  show: "Show",
  chooseMunicipality: "Municipality",
  compare: "Compare",
  noIndicators: "No indicators have been imported yet.",
  noneChosen: "No indicator is chosen.",
  noValues: "This indicator has no values in the area.",
  latestYear: (year: number) => `Latest year ${year}`,
  colArea: "Area",
  colYear: "Year",
  colValue: "Value",
  colClass: "Class",
  colRank: "Rank in the area",
  colMunicipality: "Municipality",
  colMedian: "Median of the area’s municipalities",
  colCounty: "Wellbeing services county",
  colCountry: "Whole country",
  county: "Wellbeing services county",
  country: "Whole country",
  computed: "calculated as the sum of the municipalities",
  computedNote:
    "The county’s value is calculated as the sum of its municipalities’ values, because the source does not give it.",
  noValue: "no value",
  trend: "Trend by year",
  mapTitle: (indicator: string, year: number) =>
    `${indicator} by municipality in ${year}`,
  mapDesc: (classes: number, missing: number) =>
    `Map of the area’s municipalities. The municipalities are divided into ${classes} classes by value; each municipality shows its class number, and the classes also differ by pattern.${missing ? ` ${missing} municipalities have no value.` : ""}`,
  mapLegend: "Classes",
  legendClass: (n: number, from: string, to: string) =>
    `Class ${n}: ${from}–${to}`,
  legendMissing: "No value (white, no number)",
  chartTitle: (indicator: string) => `${indicator}: trend by year`,
  chartDesc: (series: string, from: number, to: number) =>
    `Line chart for ${from}–${to}. Series: ${series}. Each series has its own marker and its name at the end of the line.`,
  dataTable: "Show the data as a table",
  tableCaption: (indicator: string) => `${indicator} by area and year`,
  latestTableCaption: (indicator: string, year: number) =>
    `${indicator} in ${year}`,
  downloadCsv: "Download the data (CSV)",
  csvFileName: "situation",
  source: (attribution: string, licence: string) =>
    `Source: ${attribution}${licence ? `, licence ${licence}` : ""}.`,
  mapSource:
    "Municipal boundaries: Statistics Finland (CC BY 4.0); TopoJSON: Yleisradio/geodata; modified.",
  openData: "Open data API",
  unit: (unit: string) => `Unit: ${unit}`,
  seriesMunicipality: (name: string) => name,
  medianSeries: "Median of the area’s municipalities",
  indexNote: (year: number) =>
    `Index: ${year} = 100, so that areas of different size can be compared.`,
};
