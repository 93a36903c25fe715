// State aid: the de minimis notice (under Finansiering) and the SGEI entrustment act.
import type { R } from './context.js';

/**
 * The written de minimis notice (Regulation 1407/2013 art. 6.1; from 2024-01-01 Regulation
 * 2023/2831): the amount, its de minimis character with a reference to the regulation, and the
 * organisation's declaration of other de minimis aid. Only when the case's route is `de-minimis`.
 */
export function deMinimisNotice(r: R): string[] {
  if (r.get('partnership.stateAid.route') !== 'de-minimis') return [];
  const granted = r.get('partnership.stateAid.grantedOn');
  const day = typeof granted === 'string' ? granted : r.ctx.asOf;
  const [reg, period] = day >= '2024-01-01'
    ? [r.t('kommissionens förordning (EU) 2023/2831', 'Commission Regulation (EU) 2023/2831'), r.t('de senaste tre åren', 'the last three years')]
    : [r.t('kommissionens förordning (EU) nr 1407/2013', 'Commission Regulation (EU) No 1407/2013'), r.t('de två föregående beskattningsåren och det pågående beskattningsåret', 'the two previous fiscal years and the current fiscal year')];
  return [
    `${r.t('Stödet är stöd av mindre betydelse enligt', 'The support is de minimis aid under')} ${reg}. ${r.t('Stödets belopp är', 'The amount of the aid is')} ${r.sek('partnership.cityContribution.fundingSek')} (${r.t('bruttobidragsekvivalent', 'gross grant equivalent')}). ${r.t('Organisationen har före beslutet skriftligen uppgett vilket annat stöd av mindre betydelse den har fått under', 'Before the decision, the organisation declared in writing which other de minimis aid it has received during')} ${period}.`,
  ];
}

export function entrustment(r: R): string[] {
  const { sv: k, en: e } = r.mun;
  const route = r.get('partnership.stateAid.route');
  const basis =
    route === 'sgei-decision'
      ? r.t('Denna punkt är uppdragsakt enligt kommissionens beslut 2012/21/EU (SGEI-beslutet).', 'This clause is the entrustment act under Commission Decision 2012/21/EU (the SGEI Decision).')
      : route === 'sgei-de-minimis'
        ? r.ctx.asOf >= '2024-01-01'
          ? r.t('Genom denna punkt anförtros organisationen tjänsten enligt kommissionens förordning (EU) 2023/2832 om stöd av mindre betydelse för tjänster av allmänt ekonomiskt intresse.', 'By this clause the service is entrusted to the organisation under Commission Regulation (EU) 2023/2832 on de minimis aid for services of general economic interest.')
          : r.t('Genom denna punkt anförtros organisationen tjänsten enligt kommissionens förordning (EU) nr 360/2012 om stöd av mindre betydelse för tjänster av allmänt ekonomiskt intresse.', 'By this clause the service is entrusted to the organisation under Commission Regulation (EU) No 360/2012 on de minimis aid for services of general economic interest.')
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
