/**
 * Saavutettavuusseloste (digipalvelulaki 306/2019, 3 luku) and the accessibility feedback form. sv and en must match.
 * The statement date is a fixed day (see statedOn); update it with the text whenever the assessment changes.
 */
export const a11y = {
  title: 'Saavutettavuusseloste',
  /** ISO date of the statement; shown formatted in the page language. */
  statedOn: '2026-11-23',
  intro: [
    'Tämä saavutettavuusseloste koskee Kumppanuus-palvelua, jossa hyvinvointialue, sen alueen kunnat ja maakunnan liitto hoitavat strategista yhteistyötään. Seloste koskee palvelun kaikkia sivuja suomeksi, ruotsiksi ja englanniksi.',
    'Palvelua koskee laki digitaalisten palvelujen tarjoamisesta (306/2019, digipalvelulaki). Lain mukaan palvelun on täytettävä eurooppalaisen standardin EN 301 549 vaatimukset, jotka vastaavat verkkosisältöjen saavutettavuusohjeiden (WCAG 2.1) A- ja AA-tasoa.',
  ],
  statusTitle: 'Saavutettavuuden tila',
  status: 'Palvelu täyttää saavutettavuusvaatimukset osittain.',
  statusDetails: [
    'Palvelu on suunniteltu ja rakennettu täyttämään WCAG 2.1 -ohjeiden AA-tason. Sivut toimivat ilman JavaScriptiä ja pelkällä näppäimistöllä, jokaisella sivulla on ohituslinkki sisältöön, lomakkeiden kentillä on nimet ja virheet kerrotaan tekstinä kentän kohdalla ja lomakkeen alussa. Teksti voidaan suurentaa 200 prosenttiin ilman, että sisältöä katoaa.',
    'Alla on lueteltu tiedossa olevat puutteet. Korjaamme ne, ja päivitämme selosteen samalla.',
  ],
  assessmentTitle: 'Miten saavutettavuutta on arvioitu',
  assessment: [
    'Arvio on tehty itse: palvelun kehittäjät ovat arvioineet sen. Sivut tarkistetaan automaattisesti axe-työkalulla Chromium-selaimessa aina, kun palveluun tehdään muutoksia, ja käyttö pelkällä näppäimistöllä ja ilman JavaScriptiä testataan.',
    'Ulkopuolinen asiantuntija ei ole vielä arvioinut palvelua, eikä sitä ole vielä testattu järjestelmällisesti ruudunlukijoilla (esimerkiksi NVDA, JAWS tai VoiceOver).',
  ],
  shortcomingsTitle: 'Sisältö, joka ei ole vielä saavutettavaa',
  shortcomings: [
    'Kaaviot ja kartat (tulossa): tilannekuvan kaavioita ja karttoja ei ole vielä julkaistu. Kun ne julkaistaan, sama tieto annetaan myös taulukkona ja tekstinä (WCAG 1.1.1 ja 1.4.1).',
    'Ruudunlukijat: palvelua ei ole vielä testattu järjestelmällisesti ruudunlukijoilla, joten niiden käytössä voi olla puutteita, joita automaattinen tarkistus ei löydä (WCAG 4.1.2).',
    'Käyttäjien kirjoittama sisältö: osapuolten itse kirjaamat tekstit voivat olla eri kielellä kuin sivu, eikä niiden kieltä ole aina merkitty (WCAG 3.1.2).',
  ],
  statedTitle: 'Selosteen laatiminen',
  stated: (date: string) =>
    `Tämä seloste on laadittu ${date}. Se perustuu itsearvioon. Päivitämme selosteen, kun palveluun tehdään saavutettavuuteen vaikuttavia muutoksia, ja vähintään kerran vuodessa.`,
  feedbackTitle: 'Palaute ja yhteystiedot',
  feedbackText: [
    'Huomasitko palvelussa saavutettavuuspuutteen, tai tarvitsetko jonkin sisällön saavutettavassa muodossa? Kerro siitä meille tämän sivun lomakkeella. Palautteen käsittelevät palvelun ylläpitäjät.',
    'Vastaamme 14 päivän kuluessa palautteen saapumisesta. Jos haluat vastauksen, anna sähköpostiosoitteesi. Voit antaa palautetta myös nimettömänä.',
  ],
  supervisorTitle: 'Valvontaviranomainen',
  supervisor: [
    'Jos huomaat palvelussa saavutettavuusongelmia, anna ensin palautetta meille. Jos et ole tyytyväinen vastaukseen tai et saa vastausta kahden viikon kuluessa, voit tehdä ilmoituksen valvontaviranomaiselle.',
    'Saavutettavuusvaatimusten noudattamista valvoo Etelä-Suomen aluehallintoviraston saavutettavuuden valvonnan yksikkö. Aluehallintovirastojen tehtävät siirtyvät vuoden 2026 alusta Lupa- ja valvontavirastolle, joten valvonta voi nyt kuulua sille. Tarkista ajantasaiset yhteystiedot valvojan verkkosivulta.',
  ],
  supervisorContactTitle: 'Valvontaviranomaisen yhteystiedot',
  supervisorName: 'Etelä-Suomen aluehallintovirasto, saavutettavuuden valvonnan yksikkö (vuodesta 2026 mahdollisesti Lupa- ja valvontavirasto)',
  supervisorWeb: 'Verkkosivu',
  supervisorEmail: 'Sähköposti',
  supervisorPhone: 'Puhelin (vaihde)',
  form: {
    title: 'Anna saavutettavuuspalautetta',
    intro: 'Kaikki kentät paitsi palaute ovat vapaaehtoisia. Tietoja käytetään vain palautteen käsittelyyn ja niihin vastaamiseen.',
    name: 'Nimi',
    email: 'Sähköpostiosoite',
    emailHint: 'Jos haluat vastauksen. Vastaamme 14 päivän kuluessa.',
    pageUrl: 'Mitä sivua tai kohtaa palaute koskee?',
    pageUrlHint: 'Esimerkiksi sivun osoite tai nimi.',
    message: 'Palaute',
    messageHint: 'Kerro, mikä ei toiminut, ja halutessasi millä laitteella tai apuvälineellä käytit palvelua.',
    send: 'Lähetä palaute',
    sent: 'Kiitos palautteestasi! Jos annoit sähköpostiosoitteesi, vastaamme 14 päivän kuluessa.',
  },
};
