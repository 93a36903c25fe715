// Verksamhet och självständighet: independence, the democracy condition, and the clauses that follow
// the area and the target group (social services, culture, children).
import { UNKNOWN } from '../../facts/types.js';
import type { R } from './context.js';

export function activities(r: R): string[] {
  const { sv: k, en: e } = r.mun;
  const out: string[] = [];
  const plan = r.get('partnership.activityPlan');
  if (plan === true) out.push(r.t('Organisationen bedriver verksamheten självständigt och ansvarar för dess innehåll enligt parternas gemensamma verksamhetsplan, som bifogas överenskommelsen. Parterna verkar gemensamt för målen under Syfte och mål.', "The organisation runs the activities independently and is responsible for their content under the parties' joint activity plan, which is attached to the agreement. The parties work together towards the goals under Purpose and goals."));
  else if (plan === false) out.push(`${r.t('Organisationen bedriver verksamheten självständigt och ansvarar för dess innehåll. Parterna verkar gemensamt för målen under Syfte och mål. Det finns ännu ingen gemensam verksamhetsplan; verksamhet, målgrupp och aktiviteter:', 'The organisation runs the activities independently and is responsible for their content. The parties work together towards the goals under Purpose and goals. There is no joint activity plan yet; activities, target group and events:')} ${r.fill()}.`);
  else out.push(`${r.t('Organisationen bedriver verksamheten självständigt och ansvarar för dess innehåll. Parterna verkar gemensamt för målen under Syfte och mål. Gemensam verksamhetsplan:', 'The organisation runs the activities independently and is responsible for their content. The parties work together towards the goals under Purpose and goals. Joint activity plan:')} ${r.missingFact('partnership.activityPlan')}.`);
  const basis = r.get('partnership.methodBasis');
  if (basis === 'evidence-based') out.push(r.t('Arbetssätten är evidensbaserade.', 'The methods are evidence-based.'));
  else if (basis === 'proven-experience') out.push(r.t('Arbetssätten vilar på beprövad erfarenhet.', 'The methods rest on proven experience.'));
  else if (basis === 'none') out.push(r.t('Enligt ärendet vilar arbetssätten varken på evidens eller på beprövad erfarenhet.', 'According to the case, the methods rest neither on evidence nor on proven experience.'));
  else out.push(`${r.t('Arbetssättens grund:', 'Basis of the methods:')} ${r.missingFact('partnership.methodBasis')}.`);
  const sections = [
    out.join(' '),
    [
      `- ${r.t('Organisationens insatser i partnerskapet:', "The organisation's part in the partnership:")} ${r.fill(r.t('vad organisationen gör inom verksamhetsplanen', 'what the organisation does within the activity plan'))}.`,
      `- ${r.t(`${k.Gen} insatser utöver finansieringen:`, `${e.Gen} part besides the funding:`)} ${r.fill(r.t('till exempel kunskap, nätverk, lokaler', 'for example knowledge, networks, premises'))}.`,
    ].join('\n'),
    r.t(
      `Organisationen är självständig i förhållande till ${k.def}. ${k.Def} styr inte verksamheten i detalj, och organisationen behåller sin rätt att som opinionsbildare framföra synpunkter och kritik, också mot ${k.def}. Partnerskapet ger ingen av parterna rätt att kräva en viss prestation av den andra; följderna av att villkoren inte följs är de som anges under Finansiering, Återbetalning och Omförhandling och uppsägning.`,
      `The organisation is independent of ${e.def}. ${e.Def} does not steer the activities in detail, and the organisation keeps its right to voice opinions and criticism as an opinion-former, also of ${e.def}. The partnership gives neither party a right to demand a given performance of the other; the consequences of the conditions not being met are those set out under Financing, Repayment and Renegotiation and termination.`,
    ),
  ];
  const democracy = r.get('organisation.democracyConditionMet');
  sections.push(r.t(
    `Stödet förutsätter att organisationen och de som företräder den respekterar demokratins idéer, inklusive jämställdhet och förbud mot diskriminering, och inte utövar våld, tvång eller hot eller bryter mot lagar och regler som skyddar dessa idéer (${k.gen} demokrativillkor).`,
    `The support presupposes that the organisation and those who represent it respect the ideas of democracy, including gender equality and the prohibition of discrimination, and do not use violence, coercion or threats or break laws that protect these ideas (${e.gen} democracy condition).`,
  ) + (democracy === UNKNOWN ? ` ${r.t('Prövat i ärendet:', 'Checked in the case:')} ${r.missingFact('organisation.democracyConditionMet')}.` : ''));
  if (r.input.partnership?.area === 'social-services') {
    // Only myndighetsutövning cannot be handed over (12 kap. 4 § RF; the Social Services Act);
    // delivering insatser for the municipality against payment is a contract to be procured.
    const processor = r.get('partnership.handlesPersonalDataForCity') === true;
    sections.push(`${r.t('Möter organisationen i verksamheten enskilda som får insatser från socialtjänsten, kommer parterna överens om hur uppgifter om deras personliga förhållanden skyddas:', 'If the organisation meets individuals who receive social-services support, the parties agree on how information on their personal circumstances is protected:')} ${r.fill()}. ${r.t(
      `Partnerskapet omfattar ingen myndighetsutövning: beslut om insatser enligt socialtjänstlagen fattas av den nämnd som ansvarar för socialtjänsten och kan inte lämnas över till organisationen (12 kap. 4 § regeringsformen och socialtjänstlagen). Att organisationen mot ersättning utför insatser enligt socialtjänstlagen åt ${k.def} ingår inte heller i partnerskapet; det är ett kontrakt som ska upphandlas. `,
      `The partnership involves no exercise of public authority: decisions on support under the Social Services Act are taken by the board responsible for social services and cannot be handed over to the organisation (chapter 12, section 4 of the Instrument of Government and the Social Services Act). Nor does the partnership include the organisation providing support under the Social Services Act for ${e.def} against payment; that is a contract to be procured. `,
    )}${processor
      ? r.t(
          `Uppgifter om enskilda lämnas från ${k.def} till organisationen bara med den enskildes samtycke, eller enligt personuppgiftsbiträdesavtalet under Personuppgifter och då bara när offentlighets- och sekretesslagen (2009:400) tillåter det.`,
          `Information on individuals is passed from ${e.def} to the organisation only with the individual’s consent, or under the processor agreement under Personal data and then only where the Public Access to Information and Secrecy Act (2009:400) allows it.`,
        )
      : r.t(`Uppgifter om enskilda lämnas från ${k.def} till organisationen bara med den enskildes samtycke.`, `Information on individuals is passed from ${e.def} to the organisation only with the individual’s consent.`)}`);
  }
  // Stockholm's culture grants above 400 000 kr ask for an account of the work against threats,
  // violence, abuse and sexual harassment (docs/decisions/0013-draft-grant-type-wording.md).
  const cityFunding = r.get('partnership.cityContribution.fundingSek');
  if (r.input.partnership?.area === 'culture' && typeof cityFunding === 'number' && cityFunding > 400000) {
    sections.push(r.t(
      'Organisationen beskriver i verksamhetsplanen hur den förebygger och hanterar hot, våld, kränkningar och sexuella trakasserier i verksamheten.',
      'The organisation describes in the activity plan how it prevents and handles threats, violence, abuse and sexual harassment in the activities.',
    ));
  }
  const children = r.get('partnership.reachesChildren');
  if (children === true) {
    // The law lets the organisation ask ("på begäran", 1 and 3 §§); the agreement makes asking its condition.
    sections.push(r.t(
      'Verksamheten riktar sig till barn. Organisationen begär ett utdrag ur belastningsregistret av var och en som erbjuds en anställning eller ett uppdrag i verksamheten som innebär direkt och regelbunden kontakt med barn, också ideella ledare, och låter ingen börja ett sådant arbete utan att ha visat upp ett utdrag som inte är äldre än ett år (1, 3 och 4 §§ lagen (2013:852) om registerkontroll av personer som ska arbeta med barn). Personen beställer själv utdraget. Organisationen beställer inte utdraget och behåller det inte; den antecknar bara att utdraget har visats upp (5 §).',
      'The activities are aimed at children. The organisation asks everyone offered employment or an assignment in the activities that involves direct and regular contact with children, volunteer leaders included, for an extract from the criminal records register, and lets no one start such work without having shown an extract that is no more than one year old (sections 1, 3 and 4 of the Act (2013:852) on register checks of persons who are to work with children). The person orders the extract themselves. The organisation neither orders nor keeps the extract; it only notes that the extract has been shown (section 5).',
    ));
  } else if (children === UNKNOWN) {
    sections.push(r.note(
      'Det är inte känt om verksamheten riktar sig till barn. Gör den det: ta in att organisationen begär ett utdrag ur belastningsregistret av var och en som erbjuds en anställning eller ett uppdrag med direkt och regelbunden kontakt med barn, också ideella ledare, och inte låter någon börja ett sådant arbete utan att ha visat upp ett utdrag som personen själv har beställt och som inte är äldre än ett år (lagen (2013:852) om registerkontroll av personer som ska arbeta med barn).',
      'It is not known whether the activities are aimed at children. If they are: add that the organisation asks everyone offered employment or an assignment with direct and regular contact with children, volunteer leaders included, for an extract from the criminal records register, and lets no one start such work without having shown an extract that they ordered themselves and that is no more than one year old (Act (2013:852) on register checks of persons who are to work with children).',
    ));
  }
  return sections;
}
