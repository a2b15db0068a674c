type P = Record<string, string | number>;

/** E-mail notifications about agreements (src/modules/agreements/agreement-notifications.ts). sv and en must match. */
export const agreementMail = {
  roundOpened: {
    subject: (p: P) => `Lausuntokierros avattu: ${p.title}`,
    intro: (p: P) => `Yhteistyösopimuksen ${p.title} versio ${p.version} on lähetetty osapuolille kommentoitavaksi.`,
    deadline: (p: P) => `Kommentit ja lausunnot viimeistään ${p.date}.`,
    open: (p: P) => `Kommentoi ja jätä osapuolen lausunto sivulla ${p.path}.`,
  },
  reminder: {
    subject: (p: P) => `Lausuntoaikaa jäljellä kolme päivää: ${p.title}`,
    intro: (p: P) => `Yhteistyösopimuksen ${p.title} version ${p.version} lausuntokierros päättyy ${p.date}.`,
    open: (p: P) => `Kommentoi ja jätä osapuolen lausunto sivulla ${p.path}.`,
  },
  partyApproved: {
    subject: (p: P) => `${p.party} hyväksyi sopimuksen: ${p.title}`,
    intro: (p: P) => `${p.party} on hyväksynyt yhteistyösopimuksen ${p.title} version ${p.version} (${p.body} ${p.date}).`,
    progress: (p: P) => `Hyväksyneitä osapuolia ${p.approved}/${p.total}.`,
    open: (p: P) => `Hyväksynnän tilanne: ${p.path}`,
  },
  allSigned: {
    subject: (p: P) => `Kaikki osapuolet ovat allekirjoittaneet: ${p.title}`,
    intro: (p: P) => `Kaikki osapuolet ovat hyväksyneet ja allekirjoittaneet yhteistyösopimuksen ${p.title} version ${p.version}.`,
    entersIntoForce: (p: P) => `Sopimus tulee voimaan ${p.date}.`,
    hash: (p: P) => `Allekirjoitetun sisällön tiiviste (SHA-256): ${p.hash}`,
    open: (p: P) => `Sopimus: ${p.path}`,
  },
};
