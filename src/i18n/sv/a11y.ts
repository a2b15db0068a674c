import type { a11y as fi } from '../fi/a11y.ts';

export const a11y: typeof fi = {
  title: 'Tillgänglighetsutlåtande',
  statedOn: '2026-11-23',
  intro: [
    'Detta tillgänglighetsutlåtande gäller tjänsten Kumppanuus, där välfärdsområdet, kommunerna i området och landskapsförbundet sköter sitt strategiska samarbete. Utlåtandet gäller alla sidor i tjänsten på finska, svenska och engelska.',
    'Tjänsten omfattas av lagen om tillhandahållande av digitala tjänster (306/2019). Enligt lagen ska tjänsten uppfylla kraven i den europeiska standarden EN 301 549, som motsvarar nivåerna A och AA i riktlinjerna för tillgängligt webbinnehåll (WCAG 2.1).',
  ],
  statusTitle: 'Tillgänglighetsstatus',
  status: 'Tjänsten uppfyller tillgänglighetskraven delvis.',
  statusDetails: [
    'Tjänsten är planerad och byggd för att uppfylla nivå AA i WCAG 2.1. Sidorna fungerar utan JavaScript och med enbart tangentbord, varje sida har en genväg till innehållet, formulärfälten har namn och fel anges i text vid fältet och i början av formuläret. Texten kan förstoras till 200 procent utan att innehåll försvinner.',
    'Kända brister listas nedan. Vi åtgärdar dem och uppdaterar samtidigt utlåtandet.',
  ],
  assessmentTitle: 'Hur tillgängligheten har bedömts',
  assessment: [
    'Bedömningen är en egenbedömning som gjorts av tjänstens utvecklare. Sidorna kontrolleras automatiskt med verktyget axe i webbläsaren Chromium varje gång tjänsten ändras, och användning med enbart tangentbord och utan JavaScript testas.',
    'Tjänsten har ännu inte bedömts av en utomstående expert och har ännu inte testats systematiskt med skärmläsare (till exempel NVDA, JAWS eller VoiceOver).',
  ],
  shortcomingsTitle: 'Innehåll som ännu inte är tillgängligt',
  shortcomings: [
    'Diagram och kartor (kommer): lägesbildens diagram och kartor har ännu inte publicerats. När de publiceras ges samma information också som tabell och text (WCAG 1.1.1 och 1.4.1).',
    'Skärmläsare: tjänsten har ännu inte testats systematiskt med skärmläsare, så det kan finnas brister som den automatiska kontrollen inte hittar (WCAG 4.1.2).',
    'Innehåll som användarna skriver: texter som parterna själva för in kan vara på ett annat språk än sidan, och deras språk är inte alltid angivet (WCAG 3.1.2).',
  ],
  statedTitle: 'Utarbetande av utlåtandet',
  stated: (date: string) =>
    `Detta utlåtande har utarbetats ${date}. Det grundar sig på en egenbedömning. Vi uppdaterar utlåtandet när tjänsten ändras på sätt som påverkar tillgängligheten, och minst en gång om året.`,
  feedbackTitle: 'Respons och kontaktuppgifter',
  feedbackText: [
    'Har du märkt en tillgänglighetsbrist i tjänsten, eller behöver du något innehåll i tillgänglig form? Berätta det för oss med formuläret på denna sida. Responsen behandlas av tjänstens administratörer.',
    'Vi svarar inom 14 dagar från att responsen kommit in. Om du vill ha svar, ange din e-postadress. Du kan också ge respons anonymt.',
  ],
  supervisorTitle: 'Tillsynsmyndighet',
  supervisor: [
    'Om du märker tillgänglighetsproblem i tjänsten, ge först respons till oss. Om du inte är nöjd med svaret eller inte får något svar inom två veckor, kan du göra en anmälan till tillsynsmyndigheten.',
    'Efterlevnaden av tillgänglighetskraven övervakas av enheten för tillgänglighetstillsyn vid Regionförvaltningsverket i Södra Finland. Regionförvaltningsverkens uppgifter överförs från början av 2026 till Tillstånds- och tillsynsverket (Lupa- ja valvontavirasto), så tillsynen kan nu höra till det. Kontrollera de aktuella kontaktuppgifterna på tillsynsmyndighetens webbplats.',
  ],
  supervisorContactTitle: 'Tillsynsmyndighetens kontaktuppgifter',
  supervisorName: 'Regionförvaltningsverket i Södra Finland, enheten för tillgänglighetstillsyn (från 2026 eventuellt Tillstånds- och tillsynsverket)',
  supervisorWeb: 'Webbplats',
  supervisorEmail: 'E-post',
  supervisorPhone: 'Telefon (växel)',
  form: {
    title: 'Ge respons om tillgängligheten',
    intro: 'Alla fält utom responsen är frivilliga. Uppgifterna används bara för att behandla och besvara responsen.',
    name: 'Namn',
    email: 'E-postadress',
    emailHint: 'Om du vill ha svar. Vi svarar inom 14 dagar.',
    pageUrl: 'Vilken sida eller del gäller responsen?',
    pageUrlHint: 'Till exempel sidans adress eller namn.',
    message: 'Respons',
    messageHint: 'Berätta vad som inte fungerade och, om du vill, med vilken enhet eller vilket hjälpmedel du använde tjänsten.',
    send: 'Skicka respons',
    sent: 'Tack för din respons! Om du angav din e-postadress svarar vi inom 14 dagar.',
  },
};
