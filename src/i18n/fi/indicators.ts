type P = Record<string, string | number>;

/** Indicators: catalogue labels and the import report (issues name the line and the reason). */
export const indicators = {
  sources: { sotkanet: 'THL Sotkanet', statfin: 'Tilastokeskus (StatFin)', custom: 'Oma tieto' },
  directions: { higher_is_better: 'Suurempi on parempi', lower_is_better: 'Pienempi on parempi', neutral: 'Ei suuntaa' },
  areaTypes: { municipality: 'Kunta', county: 'Hyvinvointialue', region: 'Maakunta', country: 'Koko maa' },
  genders: { total: 'Yhteensä', male: 'Miehet', female: 'Naiset' },
  /** Sotkanet primaryValueType codes. */
  units: {
    LKM: 'lukumäärä',
    PROS: 'prosenttia',
    PER1000: 'tuhatta asukasta kohden',
    PER10000: 'kymmentätuhatta asukasta kohden',
    PER100000: 'sataatuhatta asukasta kohden',
    INDEKSI: 'indeksi',
    EUROA: 'euroa',
  },
  fields: {
    title: 'Nimi',
    description: 'Kuvaus',
    unit: 'Yksikkö',
    decimals: 'Desimaalit',
    direction: 'Suunta',
    additive: 'Arvot voi laskea yhteen (lukumäärä)',
    organisation: 'Tuottaja',
    dataUpdated: 'Tiedot päivitetty',
    licence: 'Lisenssi',
    attribution: 'Lähde',
  },
  sourceLine: (p: P) => `Lähde: ${p.attribution} (${p.licence})`,
  mergedFrom: (p: P) => `sisältää yhdistyneen kunnan ${p.codes} luvut`,

  report: {
    imported: (p: P) => `Tuonti valmis: ${p.file}`,
    rejected: (p: P) => `Tiedosto ${p.file} hylättiin; mitään ei muutettu.`,
    rowsRead: (p: P) => `Rivejä luettu: ${p.count}`,
    inserted: (p: P) => `Uusia arvoja: ${p.count}`,
    updated: (p: P) => `Muuttuneita arvoja: ${p.count}`,
    unchanged: (p: P) => `Ennallaan: ${p.count}`,
    skipped: (p: P) => `Ohitettuja rivejä: ${p.count}`,
    merged: (p: P) => `Yhdistyneiden kuntien rivejä nykyisille kunnille: ${p.count}`,
    indicators: (p: P) => `Indikaattorit: ${p.list}`,
    duration: (p: P) => `Kesto: ${p.seconds} s`,
    issuesHeading: (p: P) => `Virheitä ${p.count}:`,
    moreIssues: (p: P) => `… ja ${p.count} muuta virhettä (näytetään ${p.shown} ensimmäistä).`,
    skipInvalidHint: 'Virheettömät rivit voi tuoda ja virheelliset ohittaa valinnalla --skip-invalid.',
    ignoredHeading: 'Tarkoituksella ohitetut rivit:',
  },
  /** Why rows were left out (counts in the report). */
  ignored: {
    missing_value: 'arvo puuttuu (salattu tai ei tilastoitu)',
    county_unmapped: 'hyvinvointialue, jota palvelu ei tunne (esim. Ahvenanmaa tai Sotkanetin vanha aluejako)',
    merged_incomplete: 'yhdistyneen kunnan lukumäärää ei voitu laskea yhteen, koska osa kunnista puuttui',
    merged_value_dropped: 'yhdistyneen kunnan arvo jätettiin pois, koska nykyisellä kunnalla on oma arvo',
    merged_ambiguous: 'usean yhdistyneen kunnan arvoja ei voi yhdistää (ei lukumäärä)',
    invalid: 'virheellinen rivi (--skip-invalid)',
    category: (p: P) => `aluetyyppi ${p.category}, jota palvelu ei käytä`,
  },
  progress: { read: 'Luetaan', validate: 'Tarkistetaan', write: 'Tallennetaan', done: 'Valmis' },
  /** Where an issue is: a line (and a record of a JSON array), a cell of a JSON-stat table, or the file. */
  at: (p: { line?: number; row?: number; cell?: number }) =>
    p.line !== undefined && p.line > 0
      ? `Rivi ${p.line}${p.row !== undefined ? ` (tietue ${p.row})` : ''}`
      : p.cell !== undefined
        ? `Arvo nro ${p.cell}`
        : p.row !== undefined
          ? `Tietue ${p.row}`
          : 'Tiedosto',
  issues: {
    encoding_latin1: (p: P) => `tiedosto ei ole UTF-8-muodossa vaan ilmeisesti Latin-1/Windows-1252 (tavu ${p.byte}). Tallenna se UTF-8-muodossa.`,
    encoding_not_utf8: (p: P) => `tiedosto ei ole UTF-8-muodossa (tavu ${p.byte}).`,
    encoding_utf16: 'tiedosto on UTF-16-muodossa; tallenna se UTF-8-muodossa.',
    json_malformed: 'tiedosto ei ole kelvollista JSONia.',
    json_not_an_array: 'Sotkanetin JSON-vastauksen pitää olla taulukko ([…]).',
    regions_not_an_array: 'Sotkanetin alueluettelon (/regions) pitää olla taulukko.',
    region_malformed: 'alueelta puuttuu id, code tai category.',
    indicator_meta_malformed: 'indikaattorin kuvaukselta puuttuu id tai suomenkielinen nimi.',
    regions_snapshot_empty: 'Sotkanetin alueluetteloa ei ole tallennettu; anna se valinnalla --regions (Sotkanetin /regions).',
    row_not_an_object: 'rivi ei ole JSON-olio.',
    bad_region: (p: P) => `alueen tunniste ”${p.value}” ei ole numero.`,
    unknown_region: (p: P) => `Sotkanetin aluetta ${p.value} ei ole alueluettelossa.`,
    bad_indicator: (p: P) => `indikaattorin tunniste ”${p.value}” ei ole numero.`,
    bad_year: (p: P) => `”${p.value}” ei ole vuosiluku.`,
    bad_gender: (p: P) => `sukupuoli ”${p.value}” ei ole total, male tai female.`,
    not_a_number: (p: P) => `arvo ”${p.value}” ei ole luku.`,
    wrong_delimiter: (p: P) => `sarakkeet on erotettu merkillä ”${p.found}”; Sotkanetin CSV:ssä erotin on ”${p.expected}”.`,
    bad_header: (p: P) => `otsikkorivin pitää olla ”${p.expected}”, nyt ”${p.found}”.`,
    csv_malformed: (p: P) => `CSV-rakenne on virheellinen (${p.reason}).`,
    wrong_field_count: (p: P) => `rivillä on ${p.found} saraketta, pitäisi olla ${p.expected}.`,
    missing_column: (p: P) => `otsikkoriviltä puuttuu sarake: ${p.column}.`,
    bad_area_code: (p: P) => `aluekoodi ”${p.value}” ei ole kuntakoodi (091), hyvinvointialue (HVA19), maakunta (17) tai FI.`,
    unknown_area_code: (p: P) => `aluekoodi ”${p.value}” ei ole muotoa KU091, HVA19, MK17 tai SSS.`,
    unknown_area: (p: P) => `aluetta ${p.value} ei ole (ei voimassa oleva eikä yhdistynyt kunta).`,
    area_not_own: (p: P) => `alue ${p.value} ei ole osapuolen oma alue.`,
    unknown_indicator: (p: P) => `indikaattoria ${p.value} ei ole luettelossa; tuo ensin sen kuvaus.`,
    year_out_of_range: (p: P) => `vuosi ${p.value} ei ole väliltä ${p.min}–${p.max}.`,
    duplicate_row: (p: P) => `sama indikaattori, alue, vuosi ja sukupuoli on jo rivillä ${p.first}.`,
    jsonstat_collection: 'JSON-stat-kokoelma; tuo yksi taulukko (dataset) kerrallaan.',
    jsonstat_not_a_dataset: 'tiedosto ei ole JSON-stat 2.0 -taulukko (id, size, dimension, value).',
    jsonstat_bad_dimension: (p: P) => `ulottuvuuden ${p.dimension} luokat eivät vastaa kokoa.`,
    jsonstat_missing_dimension: (p: P) => `ulottuvuus ${p.dimension} puuttuu.`,
    jsonstat_unsupported_dimension: (p: P) => `ulottuvuutta ${p.dimension} ei voi tuoda; rajaa taulukko niin, että siinä on yksi luokka.`,
    jsonstat_missing_table: (p: P) => `taulukon tunnus puuttuu tai ei kelpaa (”${p.value}”); anna se valinnalla --table.`,
    jsonstat_bad_content_code: (p: P) => `tiedon koodi ”${p.value}” ei kelpaa tunnukseksi.`,
    jsonstat_value_count: (p: P) => `arvoja on ${p.found}, ulottuvuuksien mukaan pitäisi olla ${p.expected}.`,
  },
};
