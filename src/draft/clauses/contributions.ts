// Parternas insatser: what each party brings, and the valued own contribution.
import { formatSek, formatValue } from '../../verdict/render.js';
import { md, type R } from './context.js';

/** A bullet for a yes/no contribution: shown when yes, a placeholder when unknown, left out when no. */
export function boolItem(r: R, id: string, sv: string, en: string): string | undefined {
  const v = r.get(id);
  if (v === true) return `- ${r.t(sv, en)}`;
  if (v === false) return undefined;
  return `- ${r.t(sv, en)}: ${r.missingFact(id)}`;
}

export function contributions(r: R): string[] {
  const { sv: k, en: e } = r.mun;
  const funding = r.get('partnership.cityContribution.fundingSek');
  const city = [
    typeof funding === 'number'
      ? `- ${formatSek(funding, r.locale)} ${r.t('för hela avtalsperioden (se Finansiering)', 'for the whole agreement period (see Financing)')}`
      : `- ${r.t('medel', 'funding')}: ${r.missingFact('partnership.cityContribution.fundingSek')}`,
    boolItem(r, 'partnership.cityContribution.premises', 'lokaler', 'premises'),
    boolItem(r, 'partnership.cityContribution.staff', 'personal', 'staff'),
  ].filter((x): x is string => x !== undefined);
  const orgFunding = r.get('partnership.organisationContribution.fundingSek');
  const hours = r.get('partnership.organisationContribution.volunteerHours');
  const other = r.input.partnership?.organisationContribution?.other;
  const org = [
    typeof orgFunding === 'number'
      ? orgFunding > 0 ? `- ${r.t('egna medel', 'own funds')}, ${formatSek(orgFunding, r.locale)}` : undefined
      : `- ${r.t('egna medel', 'own funds')}: ${r.missingFact('partnership.organisationContribution.fundingSek')}`,
    typeof hours === 'number'
      ? hours > 0 ? `- ${r.t('ideellt arbete', 'voluntary work')}, ${formatValue(hours, 'number', r.locale)} ${r.t('timmar', 'hours')}` : undefined
      : `- ${r.t('ideellt arbete', 'voluntary work')}: ${r.missingFact('partnership.organisationContribution.volunteerHours')}`,
    boolItem(r, 'partnership.organisationContribution.premises', 'lokaler', 'premises'),
    typeof other === 'string' && other.trim() ? `- ${md(other)}` : undefined,
  ].filter((x): x is string => x !== undefined);
  if (org.length === 0) org.push(`- ${r.t('Ärendet anger inga egna insatser från organisationen.', 'The case states no contributions of its own from the organisation.')} ${r.fill(r.t('organisationens insatser', "the organisation's contributions"))}`);
  const out = [`${r.t(`${k.Def} bidrar med`, `${e.Def} contributes`)}:`, city.join('\n'), `${r.t('Organisationen bidrar med', 'The organisation contributes')}:`, org.join('\n')];
  // The valued own contribution (docs/decisions/0016-own-contribution-valued.md).
  const value = r.get('partnership.organisationContributionValueSek');
  const share = r.get('partnership.ownContributionShare');
  if (typeof value === 'number') {
    out.push(`${r.t('Organisationens insats värderas till', "The organisation's contribution is valued at")} ${formatSek(value, r.locale)}${typeof share === 'number' ? ` (${formatValue(share, 'ratio', r.locale)} ${r.t(`av ${k.gen} medel`, `of ${e.gen} funding`)})` : ''}, ${r.t('med ideella timmar värderade till', 'with volunteer hours valued at')} ${r.sekParam('partnership.volunteerHourValueSek')} ${r.t('per timme', 'per hour')}.`);
  }
  if (r.get('partnership.ownContributionSufficient') === false) {
    out.push(r.note(
      `Organisationens egen insats är symbolisk i förhållande till ${k.gen} medel. I ett IOP finansierar båda parter verksamheten; dokumentera varför partnerskapet ändå är samfinansierat, eller pröva en annan form.`,
      `The organisation's own contribution is a token compared with ${e.gen} funding. In an IOP both parties finance the activity; document why the partnership is still co-financed, or consider another form.`,
    ));
  }
  return out;
}
