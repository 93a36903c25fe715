// Parter: the municipality and the organisation, and the joint steering group.
import { valueLabel } from '../../verdict/render.js';
import type { R } from './context.js';

/** The municipality's full name from the edition, or a fill-in when the edition names none. */
export function municipalityName(r: R): string {
  const name = r.mun.name;
  return name ? name[r.locale] : r.fill(r.t('kommunens namn', 'name of the municipality'));
}

/**
 * The board that acts for the municipality: the board that decides the agreement. Each board of
 * a municipality is its own authority, and the controller of the personal data it processes. A
 * fill-in: the case does not name the board.
 */
export function boardFill(r: R): string {
  return r.fill(r.t('nämnden', 'the board'));
}

/**
 * The municipality as the party: the legal person (when the edition names one that differs from
 * the everyday name, that name in brackets), its organisation number or a fill-in, acting through
 * the board that decides the agreement.
 */
function municipalityParty(r: R): string {
  const { legalName, name, orgNumber } = r.mun;
  const shown = legalName && name ? `**${legalName}** (${name[r.locale]})` : `**${municipalityName(r)}**`;
  const number = orgNumber ?? r.fill(r.t('kommunens organisationsnummer', "the municipality's organisation number"));
  return `${shown}, ${r.t('organisationsnummer', 'organisation number')} ${number}, ${r.t('genom', 'acting through')} ${boardFill(r)}`;
}

export function parties(r: R): string[] {
  const { sv: k, en: e } = r.mun;
  const org = r.input.organisation ?? {};
  const form = org.legalForm ? valueLabel(org.legalForm, r.locale) : r.missingFact('organisation.legalForm');
  const orgNo = r.dateOf('organisation.orgNumber');
  return [
    r.t('Denna överenskommelse om idéburet offentligt partnerskap (IOP) ingås mellan', 'This agreement on an idea-driven public partnership (IOP) is made between'),
    [
      `- ${municipalityParty(r)}, ${r.t('enligt nämndens beslut', "under the board's decision")} ${r.fill(r.t('datum och paragraf, eller delegationsbeslut', 'date and section, or delegation decision'))}, ${r.t(`nedan kallad ${k.def}, och`, `hereinafter ${e.def}, and`)}`,
      `- **${r.str('organisation.name')}**, ${r.t('organisationsnummer', 'organisation number')} ${orgNo}, ${form}, ${r.t('nedan kallad organisationen.', 'hereinafter the organisation.')}`,
    ].join('\n'),
    `${r.t('Parterna utser var sin kontaktperson och leder partnerskapet i en gemensam styrgrupp, där båda parter har samma inflytande. Kontaktpersoner och styrgruppens sammansättning:', 'Each party appoints a contact person, and the parties lead the partnership in a joint steering group in which both parties have the same say. Contact persons and members of the steering group:')} ${r.fill(r.t('namn och roller', 'names and roles'))}.`,
  ];
}
