// Personuppgifter: controller or processor, and the law on processor agreements.
import type { Text } from '../../_internal/text.js';
import type { R } from './context.js';

export function personalData(r: R): string[] {
  const { sv: k, en: e } = r.mun;
  const forCity = r.get('partnership.handlesPersonalDataForCity');
  const law = processorLaw(r);
  if (forCity === true) {
    return [r.t(
      `Organisationen behandlar personuppgifter för ${k.gen} räkning. ${k.Def} är personuppgiftsansvarig och organisationen personuppgiftsbiträde. Parterna ingår ett personuppgiftsbiträdesavtal enligt ${law.sv}, som bifogas överenskommelsen.`,
      `The organisation processes personal data on ${e.gen} behalf. ${e.Def} is the controller and the organisation the processor. The parties enter into a processor agreement under ${law.en}, which is attached to the agreement.`,
    ),
    r.note(
      `Att organisationen behandlar personuppgifter för ${k.gen} räkning och på ${k.gen} instruktioner tyder på att den utför en uppgift åt ${k.def}. Bekräfta att partnerskapet ändå inte är ett offentligt kontrakt (upphandlingsreglerna) och att rollerna stämmer med hur uppgifterna faktiskt behandlas.`,
      `That the organisation processes personal data on ${e.gen} behalf and on its instructions suggests that it performs a task for ${e.def}. Confirm that the partnership is still not a public contract (the procurement rules) and that the roles match how the data is actually processed.`,
    )];
  }
  if (forCity === false) {
    return [r.t(
      `Organisationen behandlar inte personuppgifter för ${k.gen} räkning. Var och en av parterna är personuppgiftsansvarig för de personuppgifter den själv behandlar; organisationen för uppgifter om sina deltagare, medlemmar och ideella ledare. Redovisningar och annat underlag som organisationen lämnar till ${k.def} innehåller inga personuppgifter om deltagarna.`,
      `The organisation does not process personal data on ${e.gen} behalf. Each party is the controller of the personal data it processes itself; the organisation of the data on its participants, members and volunteer leaders. Reports and other material the organisation gives ${e.def} contain no personal data on the participants.`,
    )];
  }
  return [
    `${r.t('Vem som är personuppgiftsansvarig:', 'Who is the controller:')} ${r.missingFact('partnership.handlesPersonalDataForCity')}.`,
    r.note(
      `Ta ställning till rollerna innan överenskommelsen undertecknas. Behandlar organisationen personuppgifter för ${k.gen} räkning är den personuppgiftsbiträde och parterna ska ingå ett personuppgiftsbiträdesavtal enligt ${law.sv}. Annars är var och en av parterna personuppgiftsansvarig för sin egen behandling, och redovisningarna till ${k.def} ska inte innehålla personuppgifter.`,
      `Settle the roles before the agreement is signed. If the organisation processes personal data on ${e.gen} behalf it is a processor and the parties must enter into a processor agreement under ${law.en}. Otherwise each party is the controller of its own processing, and the reports to ${e.def} should contain no personal data.`,
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
  const signed = r.get('agreement.signedOn');
  const day = typeof signed === 'string' ? signed : r.ctx.asOf;
  const gdpr = r.paramOn('personalData.gdprApplies', day);
  if (typeof gdpr === 'boolean') return PROCESSOR_LAW[`${gdpr}`];
  const fill = r.fill(r.t('tillämplig lag om personuppgiftsbiträden', 'the law applicable to processors'));
  return { sv: fill, en: fill };
}
