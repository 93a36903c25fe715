import {
  CLAUSE_IDS,
  INITIATORS,
  LEGAL_FORMS,
  METHOD_BASES,
  PARTNERSHIP_AREAS,
  STATE_AID_ROUTES,
} from '../domain/case.js';
import type { FactType, InputFactDef } from './types.js';

function f(
  id: string,
  type: FactType,
  label: readonly [sv: string, en: string],
  question: readonly [sv: string, en: string],
  values?: readonly string[],
  opts: { fixed?: boolean } = {},
): InputFactDef {
  return {
    kind: 'input',
    id,
    type,
    label: { sv: label[0], en: label[1] },
    question: { sv: question[0], en: question[1] },
    ...(values ? { values } : {}),
    ...(opts.fixed ? { fixed: true } : {}),
  };
}

/**
 * Every fact read directly from the case. The id is the field's dotted path in `IopCase`.
 * Lists of records (goals, payment plan, reports, prior aid) give their number of entries;
 * their contents are reached through derived facts.
 */
export const INPUT_FACTS: readonly InputFactDef[] = [
  // organisation
  f('organisation.name', 'text', ['Organisationens namn', "Organisation's name"], ['Vad heter organisationen?', 'What is the name of the organisation?']),
  f('organisation.orgNumber', 'text', ['Organisationsnummer', 'Organisation number'], ['Vilket organisationsnummer har organisationen?', "What is the organisation's organisation number?"]),
  f('organisation.legalForm', 'enum', ['Juridisk form', 'Legal form'], ['Vilken juridisk form har organisationen (t.ex. ideell förening, stiftelse)?', 'What legal form does the organisation have (e.g. non-profit association, foundation)?'], LEGAL_FORMS),
  f('organisation.registeredSince', 'date', ['Registrerad sedan', 'Registered since'], ['Sedan vilket datum har organisationen organisationsnummer (registreringsbevis)?', 'Since what date has the organisation had its organisation number (registration certificate)?']),
  f('organisation.registeredIdeburen', 'boolean', ['Registrerad som idéburen organisation', 'Registered as an idéburen organisation'], ['Är organisationen registrerad i Kammarkollegiets register över idéburna organisationer?', "Is the organisation entered in Kammarkollegiet's register of idéburna organisationer?"]),
  f('organisation.publicBenefitPurpose', 'boolean', ['Uteslutande allmännyttigt syfte', 'Exclusively public-benefit purpose'], ['Anger stadgarna (eller motsvarande) ett uteslutande allmännyttigt syfte?', 'Do the statutes (or equivalent) state an exclusively public-benefit purpose?']),
  f('organisation.dissolutionClause', 'boolean', ['Upplösningsklausul', 'Dissolution clause'], ['Har stadgarna en klausul om att tillgångar vid upplösning bara går till andra idéburna organisationer eller forskning?', 'Do the statutes say that assets on dissolution go only to other idéburna organisationer or to research?']),
  f('organisation.publicControl', 'boolean', ['Offentligt bestämmande inflytande', 'Public controlling influence'], ['Har stat, region eller kommun ett rättsligt bestämmande inflytande över organisationen?', 'Does the state, a region or a municipality have legal controlling influence over the organisation?']),
  f('organisation.valueTransfersOutsideSector', 'boolean', ['Värdeöverföringar utanför sektorn', 'Value transfers outside the sector'], ['Har organisationen gjort värdeöverföringar till andra än idéburna organisationer eller forskning?', 'Has the organisation made value transfers to anyone other than idéburna organisationer or research?']),
  f('organisation.democraticStructure', 'boolean', ['Demokratisk uppbyggnad', 'Democratic structure'], ['Har organisationen en demokratisk uppbyggnad (öppet medlemskap, årsmöte, vald styrelse, revisor)?', 'Does the organisation have a democratic structure (open membership, annual meeting, elected board, auditor)?']),
  f('organisation.democracyConditionMet', 'boolean', ['Demokrativillkoret uppfyllt', 'Democracy condition met'], ['Uppfyller organisationen och dess företrädare demokrativillkoret (inget våld, tvång, hot eller diskriminering, inget arbete mot demokratin)?', 'Do the organisation and its representatives meet the democracy condition (no violence, coercion, threats or discrimination, no work against democracy)?']),
  f('organisation.genderEqualityWork', 'boolean', ['Jämställdhetsarbete', 'Gender-equality work'], ['Bedriver organisationen ett dokumenterat jämställdhetsarbete?', 'Does the organisation carry out documented gender-equality work?']),
  f('organisation.insolvent', 'boolean', ['Obestånd', 'Insolvency'], ['Är organisationen försatt i konkurs, likvidation eller företagsrekonstruktion?', 'Is the organisation in bankruptcy, liquidation or reconstruction?']),
  f('organisation.taxDebtSek', 'sek', ['Skatteskulder', 'Tax debts'], ['Hur stora förfallna skatteskulder har organisationen hos Skatteverket (kr)?', 'How much overdue tax debt does the organisation have with Skatteverket (SEK)?']),
  f('organisation.enforcementDebtSek', 'sek', ['Skulder hos Kronofogden', 'Debts with Kronofogden'], ['Hur stora skulder har organisationen hos Kronofogden (kr)?', 'How much debt does the organisation have with Kronofogden (SEK)?']),
  f('organisation.bankAccountInOwnName', 'boolean', ['Konto i eget namn', 'Account in own name'], ['Har organisationen bankgiro, plusgiro eller bankkonto i eget namn?', 'Does the organisation have a bank or giro account in its own name?']),
  f('organisation.latestAnnualReportYear', 'year', ['Senaste årsredovisning', 'Latest annual report'], ['Vilket räkenskapsår avser organisationens senaste årsredovisning eller årsbokslut?', "Which financial year does the organisation's latest annual report or year-end accounts cover?"]),
  f('organisation.auditReportClean', 'boolean', ['Ren revisionsberättelse', 'Clean audit report'], ['Är den senaste revisionsberättelsen utan anmärkning (ansvarsfrihet tillstyrkt)?', 'Is the latest audit report without qualification (discharge recommended)?']),
  f('organisation.statutesAdopted', 'date', ['Stadgar antagna', 'Statutes adopted'], ['När antogs organisationens gällande stadgar?', "When were the organisation's current statutes adopted?"]),
  f('organisation.equitySek', 'sek', ['Eget kapital', 'Equity'], ['Hur stort är organisationens egna kapital enligt senaste bokslut (kr, kan vara negativt)?', "What is the organisation's equity in the latest accounts (SEK, may be negative)?"]),
  f('organisation.annualRevenueSek', 'sek', ['Årliga intäkter', 'Annual revenue'], ['Hur stora var organisationens totala intäkter senaste räkenskapsåret (kr)?', "What was the organisation's total revenue in the latest financial year (SEK)?"]),
  // partnership
  f('partnership.title', 'text', ['Partnerskapets namn', 'Partnership title'], ['Vad heter partnerskapet?', 'What is the partnership called?']),
  f('partnership.area', 'enum', ['Verksamhetsområde', 'Area of activity'], ['Inom vilket verksamhetsområde ligger partnerskapet?', 'Which area of activity is the partnership in?'], PARTNERSHIP_AREAS, { fixed: true }),
  f('partnership.initiatedBy', 'enum', ['Initiativtagare', 'Initiated by'], ['Vem tog initiativet till partnerskapet: organisationen, staden eller båda?', 'Who took the initiative: the organisation, the city or both?'], INITIATORS),
  f('partnership.initialDialogueHeld', 'boolean', ['Inledande dialog', 'Initial dialogue'], ['Har en inledande dialog om behov, mål och bidrag hållits med organisationen?', 'Has an initial dialogue on needs, goals and contributions been held with the organisation?']),
  f('partnership.dialogueOpenToOthers', 'boolean', ['Dialog öppen för andra', 'Dialogue open to others'], ['Var den inledande dialogen öppen för andra intresserade organisationer?', 'Was the initial dialogue open to other interested organisations?']),
  f('partnership.sharedNeed', 'boolean', ['Gemensamt behov', 'Shared need'], ['Bygger partnerskapet på ett gemensamt behov av att samverka?', 'Does the partnership rest on a shared need to cooperate?']),
  f('partnership.jointGoal', 'boolean', ['Gemensamt formulerat mål', 'Jointly formulated goal'], ['Har parterna formulerat målet tillsammans?', 'Have the parties formulated the goal together?']),
  f('partnership.generalInterest', 'boolean', ['Allmänintresse', 'General interest'], ['Är verksamheten en angelägenhet av allmänt intresse för kommunen eller dess medlemmar?', 'Is the activity a matter of general interest to the municipality or its members?']),
  f('partnership.benefitsMunicipalityResidents', 'boolean', ['Till nytta för kommunens invånare', "Benefits the municipality's residents"], ['Kommer verksamheten kommunens område eller invånare till del?', "Does the activity benefit the municipality's area or residents?"]),
  f('partnership.serviceSpecifiedByCity', 'boolean', ['Tjänst specificerad av staden', 'Service specified by the city'], ['Har staden i förväg specificerat en tjänst som organisationen ska leverera?', 'Has the city specified in advance a service the organisation is to deliver?']),
  f('partnership.paymentPerDeliveredUnit', 'boolean', ['Ersättning per levererad enhet', 'Payment per delivered unit'], ['Betalar staden per levererad enhet eller plats (t.ex. per deltagare eller vårdplats)?', 'Does the city pay per delivered unit or place (e.g. per participant or care place)?']),
  f('partnership.sanctionsForNonPerformance', 'boolean', ['Sanktioner vid utebliven prestation', 'Sanctions for non-performance'], ['Innehåller upplägget viten, skadestånd eller andra sanktioner om organisationen inte presterar?', 'Does the arrangement include penalties, damages or other sanctions if the organisation does not perform?']),
  f('partnership.marketExists', 'boolean', ['Marknad finns', 'A market exists'], ['Finns det en marknad, dvs. andra aktörer som erbjuder samma tjänst?', 'Is there a market, i.e. other providers offering the same service?']),
  f('partnership.profitExpected', 'boolean', ['Vinst förväntas', 'Profit expected'], ['Förväntas organisationen göra vinst på verksamheten?', 'Is the organisation expected to make a profit on the activity?']),
  f('partnership.detailedSteeringByCity', 'boolean', ['Detaljstyrning från staden', 'Detailed steering by the city'], ['Styr staden verksamheten i detalj?', 'Does the city steer the activity in detail?']),
  f('partnership.partOfStandardGrant', 'boolean', ['Del av normerat föreningsbidrag', 'Part of the standard grant'], ['Kan verksamheten ses som en del av det normerade föreningsbidraget?', 'Could the activity be seen as part of the standard association grant?']),
  f('partnership.linkedToPoliticalPlan', 'boolean', ['Kopplat till politisk plan', 'Linked to a political plan'], ['Är verksamheten en del av ett politiskt program eller en plan?', 'Is the activity part of a political programme or plan?']),
  f('partnership.intendedLongTerm', 'boolean', ['Långsiktig avsikt', 'Intended to last'], ['Är verksamheten avsedd att drivas under en längre tid?', 'Is the activity intended to run for a longer period?']),
  f('partnership.involvesMyndighetsutovning', 'boolean', ['Myndighetsutövning', 'Exercise of public authority'], ['Innebär uppdraget myndighetsutövning (beslut om förmåner, rättigheter eller skyldigheter för enskilda)?', 'Does the task involve exercise of public authority (decisions on benefits, rights or duties of individuals)?']),
  f('partnership.handsOverMunicipalTask', 'boolean', ['Kommunal angelägenhet lämnas över', 'Municipal matter handed over'], ['Ska organisationen sköta en uppgift som kommunen själv ansvarar för (vården av en kommunal angelägenhet)?', 'Will the organisation run a task the municipality is itself responsible for (a municipal matter)?']),
  f('partnership.taskOfAnotherAuthority', 'boolean', ['Annans uppgift', "Another body's task"], ['Är uppgiften en sådan som enbart staten, en annan kommun eller region eller någon annan ska ha hand om?', 'Is the task one that only the state, another municipality or region, or someone else must handle?']),
  f('partnership.methodBasis', 'enum', ['Metodernas grund', 'Basis of the methods'], ['Bygger metoderna på evidens, på beprövad erfarenhet eller på ingetdera?', 'Are the methods evidence-based, based on proven experience, or neither?'], METHOD_BASES),
  f('partnership.priorityAreas', 'list', ['Prioriterade områden', 'Priority areas'], ['Vilka av nämndens prioriterade områden avser partnerskapet?', "Which of the board's priority areas does the partnership address?"]),
  f('partnership.period.start', 'date', ['Partnerskapets start', 'Partnership start'], ['När börjar partnerskapet?', 'When does the partnership start?']),
  f('partnership.period.end', 'date', ['Partnerskapets slut', 'Partnership end'], ['När slutar partnerskapet?', 'When does the partnership end?']),
  f('partnership.cityContribution.fundingSek', 'sek', ['Stadens medel', "City's funding"], ['Hur mycket pengar bidrar staden med under hela perioden (kr)?', 'How much money does the city contribute over the whole period (SEK)?']),
  f('partnership.cityContribution.premises', 'boolean', ['Stadens lokaler', "City's premises"], ['Bidrar staden med lokaler?', 'Does the city contribute premises?']),
  f('partnership.cityContribution.staff', 'boolean', ['Stadens personal', "City's staff"], ['Bidrar staden med personal?', 'Does the city contribute staff?']),
  f('partnership.organisationContribution.fundingSek', 'sek', ['Organisationens medel', "Organisation's funding"], ['Hur mycket egna pengar bidrar organisationen med (kr)?', 'How much of its own money does the organisation contribute (SEK)?']),
  f('partnership.organisationContribution.volunteerHours', 'number', ['Ideella timmar', 'Volunteer hours'], ['Hur många ideella timmar bidrar organisationen med?', 'How many volunteer hours does the organisation contribute?']),
  f('partnership.organisationContribution.premises', 'boolean', ['Organisationens lokaler', "Organisation's premises"], ['Bidrar organisationen med lokaler?', 'Does the organisation contribute premises?']),
  f('partnership.organisationContribution.other', 'text', ['Organisationens övriga bidrag', "Organisation's other contribution"], ['Vilka övriga resurser bidrar organisationen med?', 'What other resources does the organisation contribute?']),
  f('partnership.organisationContribution.premisesValueSek', 'sek', ['Värdet av organisationens lokaler', "Value of the organisation's premises"], ['Vad är organisationens lokaler för verksamheten värda under avtalsperioden (kr)?', "What are the organisation's premises for the activity worth over the agreement period (SEK)?"]),
  f('partnership.organisationContribution.otherValueSek', 'sek', ['Värdet av organisationens övriga bidrag', "Value of the organisation's other contribution"], ['Vad är organisationens övriga bidrag värt under avtalsperioden (kr)?', "What is the organisation's other contribution worth over the agreement period (SEK)?"]),
  f('partnership.goals', 'int', ['Antal mål', 'Number of goals'], ['Vilka mål, indikatorer och målvärden har parterna formulerat?', 'What goals, indicators and targets have the parties set?']),
  f('partnership.stateAid.priorAid', 'int', ['Tidigare stöd (antal)', 'Prior aid (count)'], ['Vilket stöd av mindre betydelse har organisationen fått de senaste tre åren (datum och belopp i euro)?', 'What de minimis aid has the organisation received in the last three years (dates and amounts in EUR)?']),
  f('partnership.activityPlan', 'boolean', ['Gemensam verksamhetsplan', 'Joint activity plan'], ['Finns en gemensam verksamhetsplan?', 'Is there a joint activity plan?']),
  f('partnership.knowledgeSharing', 'boolean', ['Kunskapsuppbyggnad', 'Knowledge-building'], ['Är det beskrivet hur kunskap från partnerskapet ska tas tillvara?', 'Is it described how knowledge from the partnership will be captured?']),
  f('partnership.handlesPersonalDataForCity', 'boolean', ['Personuppgifter för stadens räkning', 'Personal data for the city'], ['Behandlar organisationen personuppgifter för stadens räkning?', "Does the organisation process personal data on the city's behalf?"]),
  f('partnership.stateAid.economicActivity', 'boolean', ['Ekonomisk verksamhet', 'Economic activity'], ['Bedriver organisationen ekonomisk verksamhet i statsstödsrättslig mening (erbjuder tjänster på en marknad)?', 'Does the organisation carry on economic activity in the state-aid sense (offering services on a market)?']),
  f('partnership.stateAid.affectsTrade', 'boolean', ['Påverkar handeln', 'Affects trade'], ['Kan stödet påverka handeln mellan EU:s medlemsstater?', 'Could the support affect trade between EU Member States?']),
  f('partnership.stateAid.route', 'enum', ['Statsstödsgrund', 'State-aid route'], ['Vilken statsstödsgrund används (ingen, de minimis, SGEI de minimis, SGEI-beslutet, anmält stöd)?', 'Which state-aid route is used (none, de minimis, SGEI de minimis, the SGEI Decision, notified aid)?'], STATE_AID_ROUTES),
  f('partnership.stateAid.grantedOn', 'date', ['Stödet beviljat', 'Aid granted on'], ['Vilket datum uppstår organisationens rätt till stödet (beslutsdatum)?', "On what date does the organisation's right to the aid arise (decision date)?"]),
  f('partnership.stateAid.eurSekRate', 'number', ['Växelkurs EUR/SEK', 'EUR/SEK rate'], ['Vilken växelkurs EUR/SEK gällde när stödet beviljades (InforEuro)?', 'What EUR/SEK rate applied when the aid was granted (InforEuro)?']),
  f('partnership.stateAid.registeredInCentralRegister', 'boolean', ['Registrerat i det centrala registret', 'Entered in the central register'], ['Förs stödet av mindre betydelse in i det centrala registret över sådant stöd (krav för stöd som beviljas från 2026-01-01)?', 'Is the de minimis aid entered in the central register of such aid (required for aid granted from 2026-01-01)?']),
  // Added (docs/decisions/0011-draft-grant-type-wording.md): only the draft reads it (register-extract clause).
  f('partnership.reachesChildren', 'boolean', ['Verksamheten riktar sig till barn', 'The activities are aimed at children'], ['Riktar sig verksamheten till barn (under 18 år), så att ledare har direkt och regelbunden kontakt med barn?', 'Are the activities aimed at children (under 18), so that leaders have direct and regular contact with children?']),
  f('partnership.processPublic', 'boolean', ['Förvaltningens IOP-process är tillgänglig', "The administration's IOP process is available"], ['Är förvaltningens process för IOP beskriven och tillgänglig för idéburna organisationer, så att de enkelt kan ta upp frågan om IOP?', "Is the administration's IOP process described and available to idéburna organisations, so that they can easily raise the question of an IOP?"]),
  // agreement
  f('agreement.clauses', 'list', ['Avtalsklausuler', 'Agreement clauses'], ['Vilka klausuler innehåller överenskommelsen?', 'Which clauses does the agreement contain?'], CLAUSE_IDS),
  f('agreement.signedOn', 'date', ['Undertecknad', 'Signed on'], ['När undertecknas (undertecknades) överenskommelsen?', 'When is (was) the agreement signed?']),
  f('agreement.period.start', 'date', ['Avtalsperiodens start', 'Agreement period start'], ['När börjar avtalsperioden?', 'When does the agreement period start?']),
  f('agreement.period.end', 'date', ['Avtalsperiodens slut', 'Agreement period end'], ['När slutar avtalsperioden?', 'When does the agreement period end?']),
  f('agreement.paymentPlan', 'int', ['Utbetalningar (antal)', 'Payments (count)'], ['Vilken utbetalningsplan har överenskommelsen (datum och belopp)?', 'What payment plan does the agreement have (dates and amounts)?']),
  f('followUp.reports', 'int', ['Uppföljningsrapporter (antal)', 'Follow-up reports (count)'], ['Vilka uppföljningsrapporter ska lämnas, när, och vilka har lämnats?', 'Which follow-up reports are due, when, and which have been submitted?']),
  f('agreement.noticePeriodMonths', 'months', ['Uppsägningstid', 'Notice period'], ['Hur många månaders uppsägningstid har överenskommelsen?', 'How many months of notice does the agreement have?']),
  // Added (docs/decisions/0012-follow-up-covers-the-money.md).
  f('followUp.unspentFundsSettled', 'boolean', ['Kvarvarande medel hanterade', 'Unspent funds settled'], ['Har outnyttjade medel vid avtalets slut betalats tillbaka, eller finns ett dokumenterat beslut att organisationen får behålla dem?', 'Have the funds unspent at the end of the agreement been repaid, or is there a documented decision that the organisation may keep them?']),
];

