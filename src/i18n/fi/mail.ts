type P = Record<string, string | number>;

/** E-mail notifications (src/platform/mail): subjects and plain-text bodies. sv and en must match. */
export const mail = {
  /** Last line of every message. */
  footer: 'Tämä on Kumppanuus-palvelun automaattinen viesti. Älä vastaa siihen.',
  feedback: {
    subject: 'Uusi saavutettavuuspalaute',
    intro: 'Kumppanuus-palveluun on tullut saavutettavuuspalautetta.',
    page: 'Sivu tai kohta',
    pageNotGiven: '(ei kerrottu)',
    received: 'Saapui',
    answerBy: (p: P) => `Vastattava viimeistään ${p.date} (14 päivän kuluessa, digipalvelulaki 306/2019).`,
    message: 'Palaute',
    handle: (p: P) =>
      `Lue palaute ja merkitse se käsitellyksi ylläpidon sivulla Saavutettavuuspalautteet (${p.path}). Siellä näkyvät myös lähettäjän yhteystiedot, jos hän antoi ne.`,
  },
};
