// Insyn, Försäkring, Kommunikation, Ändringar and Oenighet: the short clauses.
import type { R } from './context.js';

export function insyn(r: R): string[] {
  const { sv: k, en: e } = r.mun;
  return [
    `${r.t(
      `Organisationen sköter en kommunal angelägenhet för ${k.gen} räkning. ${k.Def} kontrollerar och följer upp verksamheten, och organisationen lämnar den information som behövs för det och för att allmänheten ska få insyn i hur verksamheten sköts (10 kap. kommunallagen). Vilken information som lämnas och när:`,
      `The organisation runs a municipal matter on ${e.gen} behalf. ${e.Def} controls and follows up the activity, and the organisation provides the information needed for that and for the public to gain insight into how the activity is run (chapter 10 of the Local Government Act). Which information is provided and when:`,
    )} ${r.fill()}.`,
  ];
}

export function insurance(r: R): string[] {
  const out = [`${r.t('Organisationen har de försäkringar som verksamheten behöver:', 'The organisation holds the insurance the activities need:')} ${r.fill(r.t('vilka försäkringar', 'which insurance'))}.`];
  if (r.get('partnership.reachesChildren') === true || r.input.partnership?.area === 'sports') {
    out.push(r.t('För verksamhet med barn eller fysisk aktivitet rekommenderas ansvarsförsäkring och olycksfallsförsäkring för deltagarna.', 'For activities with children or physical activity, liability insurance and accident insurance for the participants are recommended.'));
  }
  return out;
}

export function communication(r: R): string[] {
  return [`${r.t('Parterna kommer överens om hur partnerskapet beskrivs utåt och hur parternas namn och logotyper används:', "The parties agree on how the partnership is presented and how the parties' names and logos are used:")} ${r.fill()}.`];
}

export function changes(r: R): string[] {
  return [r.t('Ändringar och tillägg till överenskommelsen görs skriftligen och undertecknas av båda parter. Överenskommelsen får inte överlåtas.', 'Changes and additions to the agreement are made in writing and signed by both parties. The agreement may not be transferred.')];
}

export function disputes(r: R): string[] {
  const { sv: k, en: e } = r.mun;
  return [r.t(
    `Frågor om hur överenskommelsen ska tolkas eller tillämpas tas upp i dialog i den gemensamma styrgruppen. Enas parterna inte där, förs frågan vidare till parternas ledningar: för ${k.def} förvaltningens ledning, för organisationen dess styrelse. Leder inte heller det till enighet kan vardera parten säga upp överenskommelsen enligt Omförhandling och uppsägning.`,
    `Questions on how the agreement is to be interpreted or applied are raised in dialogue in the joint steering group. If the parties do not agree there, the question is taken to the parties' leadership: for ${e.def} the administration's management, for the organisation its board. If that does not lead to agreement either, either party may terminate the agreement under Renegotiation and termination.`,
  )];
}
