// Personuppgifter: controller or processor, and the law on processor agreements.
import type { Text } from '../../_internal/text.js';
import type { R } from './context.js';
import { boardFill } from './parties.js';

export function personalData(r: R): string[] {
  const { sv: k, en: e } = r.mun;
  const forCity = r.get('partnership.handlesPersonalDataForCity');
  const law = processorLaw(r);
  const gdpr = gdprOnSigning(r);
  const board = boardFill(r);
  if (forCity === true) {
    return [r.t(
      `Organisationen behandlar personuppgifter för ${k.gen} räkning. Personuppgiftsansvarig för den behandlingen är ${board}, som beslutar om överenskommelsen; organisationen är nämndens personuppgiftsbiträde och behandlar uppgifterna bara enligt nämndens dokumenterade instruktioner. Nämnden och organisationen ingår ett personuppgiftsbiträdesavtal enligt ${law.sv}, som bifogas överenskommelsen.${gdpr === true ? ' Avtalet anger, så som artikel 28.3 i förordningen kräver, föremålet för behandlingen, hur länge den pågår, dess art och ändamål, vilka slags personuppgifter och vilka kategorier av registrerade den gäller, och nämndens skyldigheter och rättigheter.' : ''} Personuppgifter som organisationen behandlar för nämndens räkning lämnas till nämnden enligt det avtalet, inte i redovisningarna under Uppföljning. För personuppgifter som organisationen behandlar för egna ändamål, till exempel om sina medlemmar och ideella ledare, är organisationen själv personuppgiftsansvarig.`,
      `The organisation processes personal data on ${e.gen} behalf. The controller of that processing is ${board}, which decides on the agreement; the organisation is the board's processor and processes the data only on the board's documented instructions. The board and the organisation enter into a processor agreement under ${law.en}, which is attached to the agreement.${gdpr === true ? ' As Article 28(3) of the Regulation requires, that agreement sets out the subject-matter and duration of the processing, its nature and purpose, the type of personal data and categories of data subjects, and the obligations and rights of the board.' : ''} Personal data the organisation processes on the board's behalf is passed to the board under that agreement, not in the reports under Follow-up. For personal data the organisation processes for its own purposes, for example on its members and volunteer leaders, the organisation itself is the controller.`,
    ),
    r.note(
      `Att organisationen behandlar personuppgifter för ${k.gen} räkning och på nämndens instruktioner tyder på att den utför en uppgift åt ${k.def}. Bekräfta att partnerskapet ändå inte är ett offentligt kontrakt (upphandlingsreglerna) och att rollerna stämmer med hur uppgifterna faktiskt behandlas: rollerna följer av vem som bestämmer ändamålen och medlen för behandlingen, inte av vad överenskommelsen kallar parterna.`,
      `That the organisation processes personal data on ${e.gen} behalf and on the board's instructions suggests that it performs a task for ${e.def}. Confirm that the partnership is still not a public contract (the procurement rules) and that the roles match how the data is actually processed: the roles follow from who decides the purposes and means of the processing, not from what the agreement calls the parties.`,
    )];
  }
  if (forCity === false) {
    return [
      r.t(
        `Organisationen behandlar inte personuppgifter för ${k.gen} räkning. Var och en av parterna är personuppgiftsansvarig för de personuppgifter den själv behandlar: för ${k.gen} del ${board}, som beslutar om överenskommelsen, och organisationen för uppgifterna om sina deltagare, medlemmar och ideella ledare. Redovisningar och annat underlag som organisationen lämnar till ${k.def} innehåller inga personuppgifter om deltagarna.`,
        `The organisation does not process personal data on ${e.gen} behalf. Each party is the controller of the personal data it processes itself: for ${e.def}, ${board}, which decides on the agreement, and the organisation for the data on its participants, members and volunteer leaders. Reports and other material the organisation gives ${e.def} contain no personal data on the participants.`,
      ),
      ...(gdpr === true
        ? [r.note(
            'Bestämmer parterna tillsammans ändamålen och medlen för någon behandling, till exempel i den gemensamma styrgruppen, är de gemensamt personuppgiftsansvariga för den och ska fastställa sitt ansvar i ett arrangemang enligt artikel 26 i dataskyddsförordningen; skriv då om punkten.',
            'If the parties jointly decide the purposes and means of any processing, for example in the joint steering group, they are joint controllers of it and must set out their responsibilities in an arrangement under Article 26 of the GDPR; rewrite the clause in that case.',
          )]
        : []),
    ];
  }
  return [
    `${r.t('Vem som är personuppgiftsansvarig:', 'Who is the controller:')} ${r.missingFact('partnership.handlesPersonalDataForCity')}.`,
    r.note(
      `Ta ställning till rollerna innan överenskommelsen undertecknas; de följer av vem som bestämmer ändamålen och medlen för behandlingen. Behandlar organisationen personuppgifter för ${k.gen} räkning, på instruktioner från den nämnd som beslutar om överenskommelsen, är nämnden personuppgiftsansvarig och organisationen personuppgiftsbiträde, och de ska ingå ett personuppgiftsbiträdesavtal enligt ${law.sv}. Annars är var och en av parterna personuppgiftsansvarig för sin egen behandling, och redovisningarna till ${k.def} ska inte innehålla personuppgifter om deltagarna.`,
      `Settle the roles before the agreement is signed; they follow from who decides the purposes and means of the processing. If the organisation processes personal data on ${e.gen} behalf, on the instructions of the board that decides on the agreement, the board is the controller and the organisation a processor, and they must enter into a processor agreement under ${law.en}. Otherwise each party is the controller of its own processing, and the reports to ${e.def} should contain no personal data on the participants.`,
    ),
  ];
}

/** The law that requires a written processor agreement, by the value of `personalData.gdprApplies`. */
export const PROCESSOR_LAW: Readonly<Record<'false' | 'true', Text>> = {
  false: { sv: '30 § personuppgiftslagen (1998:204)', en: 'section 30 of the Personal Data Act (1998:204)' },
  true: { sv: 'artikel 28 i dataskyddsförordningen (EU) 2016/679', en: 'Article 28 of the General Data Protection Regulation (EU) 2016/679' },
};

/**
 * The law on processor agreements on the day the agreement is signed (else asOf), read from the
 * parameter `personalData.gdprApplies` (which holds the switch date); a fill-in before any law
 * the parameter knows.
 */
export function processorLaw(r: R): Text {
  const gdpr = gdprOnSigning(r);
  if (typeof gdpr === 'boolean') return PROCESSOR_LAW[`${gdpr}`];
  const fill = r.fill(r.t('tillämplig lag om personuppgiftsbiträden', 'the law applicable to processors'));
  return { sv: fill, en: fill };
}

/** `personalData.gdprApplies` on the signing date (else asOf); undefined outside every entry. */
export function gdprOnSigning(r: R): boolean | undefined {
  const signed = r.get('agreement.signedOn');
  const day = typeof signed === 'string' ? signed : r.ctx.asOf;
  const gdpr = r.paramOn('personalData.gdprApplies', day);
  return typeof gdpr === 'boolean' ? gdpr : undefined;
}
