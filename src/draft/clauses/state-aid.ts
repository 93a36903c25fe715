// State aid: the de minimis notice (under Finansiering) and the SGEI entrustment act.
import type { Text } from '../../_internal/text.js';
import type { R } from './context.js';

/** A de minimis regulation as the draft cites it, and the period its declaration of prior aid covers. */
export interface DeMinimisRegime {
  /** The regulation's number, as each entry of the regime's parameter names it in its note. */
  readonly number: string;
  readonly regulation: Text;
  readonly period: Text;
}

/**
 * The general de minimis regulations, by the value of `stateAid.deMinimisRollingWindow` on the
 * grant date: three fiscal years under Regulation 1407/2013, a rolling three years under
 * Regulation 2023/2831. The parameter holds the switch date (the same one the ceiling checks
 * read); this table only says how each regime is cited.
 */
export const DE_MINIMIS_REGIMES: Readonly<Record<'false' | 'true', DeMinimisRegime>> = {
  false: {
    number: '1407/2013',
    regulation: { sv: 'kommissionens förordning (EU) nr 1407/2013', en: 'Commission Regulation (EU) No 1407/2013' },
    period: { sv: 'de två föregående beskattningsåren och det pågående beskattningsåret', en: 'the two previous fiscal years and the current fiscal year' },
  },
  true: {
    number: '2023/2831',
    regulation: { sv: 'kommissionens förordning (EU) 2023/2831', en: 'Commission Regulation (EU) 2023/2831' },
    period: { sv: 'de senaste tre åren', en: 'the last three years' },
  },
};

/** The SGEI de minimis regulations, by the value of `stateAid.sgeiDeMinimisRollingWindow` on the grant date. */
export const SGEI_DE_MINIMIS_REGIMES: Readonly<Record<'false' | 'true', Omit<DeMinimisRegime, 'period'>>> = {
  false: { number: '360/2012', regulation: { sv: 'kommissionens förordning (EU) nr 360/2012', en: 'Commission Regulation (EU) No 360/2012' } },
  true: { number: '2023/2832', regulation: { sv: 'kommissionens förordning (EU) 2023/2832', en: 'Commission Regulation (EU) 2023/2832' } },
};

/** The regime in force on the aid's grant date (the fact `partnership.stateAid.grantDate`), or undefined. */
function regimeOn<T>(r: R, param: string, table: Readonly<Record<'false' | 'true', T>>): T | undefined {
  const granted = r.get('partnership.stateAid.grantDate');
  const rolling = typeof granted === 'string' ? r.paramOn(param, granted) : undefined;
  return typeof rolling === 'boolean' ? table[`${rolling}`] : undefined;
}

/**
 * The written de minimis notice (Regulation 1407/2013 art. 6.1; Regulation 2023/2831 for aid
 * granted under it): the amount, its de minimis character with a reference to the regulation,
 * and the organisation's declaration of other de minimis aid. Only when the case's route is
 * `de-minimis`.
 */
export function deMinimisNotice(r: R): string[] {
  if (r.get('partnership.stateAid.route') !== 'de-minimis') return [];
  const regime = regimeOn(r, 'stateAid.deMinimisRollingWindow', DE_MINIMIS_REGIMES);
  const reg = regime ? regime.regulation[r.locale] : r.fill(r.t('förordningen om stöd av mindre betydelse som gäller när stödet beviljas', 'the de minimis regulation in force when the aid is granted'));
  const period = regime ? regime.period[r.locale] : r.fill(r.t('perioden enligt den förordningen', 'the period under that regulation'));
  return [
    `${r.t('Stödet är stöd av mindre betydelse enligt', 'The support is de minimis aid under')} ${reg}. ${r.t('Stödets belopp är', 'The amount of the aid is')} ${r.sek('partnership.cityContribution.fundingSek')} (${r.t('bruttobidragsekvivalent', 'gross grant equivalent')}). ${r.t('Organisationen har före beslutet skriftligen uppgett vilket annat stöd av mindre betydelse den har fått under', 'Before the decision, the organisation declared in writing which other de minimis aid it has received during')} ${period}.`,
  ];
}

/** The SGEI de minimis regulation in force on the grant date, or a fill-in. */
function sgeiRegulation(r: R): string {
  const regime = regimeOn(r, 'stateAid.sgeiDeMinimisRollingWindow', SGEI_DE_MINIMIS_REGIMES);
  return regime ? regime.regulation[r.locale] : r.fill(r.t('förordningen om stöd av mindre betydelse för SGEI som gäller när stödet beviljas', 'the SGEI de minimis regulation in force when the aid is granted'));
}

export function entrustment(r: R): string[] {
  const { sv: k, en: e } = r.mun;
  const route = r.get('partnership.stateAid.route');
  const basis =
    route === 'sgei-decision'
      ? r.t('Denna punkt är uppdragsakt enligt kommissionens beslut 2012/21/EU (SGEI-beslutet).', 'This clause is the entrustment act under Commission Decision 2012/21/EU (the SGEI Decision).')
      : route === 'sgei-de-minimis'
        ? `${r.t('Genom denna punkt anförtros organisationen tjänsten enligt', 'By this clause the service is entrusted to the organisation under')} ${sgeiRegulation(r)} ${r.t('om stöd av mindre betydelse för tjänster av allmänt ekonomiskt intresse.', 'on de minimis aid for services of general economic interest.')}`
        : `${r.t('Statsstödsgrund:', 'State-aid route:')} ${r.missingFact('partnership.stateAid.route')}.`;
  return [
    `${r.t(`${k.Def} anförtror organisationen en tjänst av allmänt ekonomiskt intresse.`, `${e.Def} entrusts the organisation with a service of general economic interest.`)} ${basis} ${r.t('Uppdraget bör ange:', 'The entrustment should state:')}`,
    [
      `- ${r.t('tjänstens innehåll och varaktighet', 'the content and duration of the service')}: ${r.fill()}`,
      `- ${r.t('område', 'territory')}: ${r.fill()}`,
      `- ${r.t('eventuella ensamrätter eller särskilda rättigheter', 'any exclusive or special rights')}: ${r.fill()}`,
      `- ${r.t('hur ersättningen beräknas, kontrolleras och ses över', 'how the compensation is calculated, monitored and reviewed')}: ${r.fill()}`,
      `- ${r.t('hur överkompensation undviks och återkrävs', 'how overcompensation is avoided and recovered')}: ${r.fill()}`,
    ].join('\n'),
  ];
}
