// Bilagor and Underskrifter: the attachments list and the signature table.
import type { ClauseId } from '../../domain/case.js';
import { UNKNOWN } from '../../facts/types.js';
import type { R } from './context.js';

export function signatures(r: R): string[] {
  const { sv: k, en: e } = r.mun;
  const signed = r.get('agreement.signedOn');
  const place = r.mun.seat ? `${r.mun.seat} ` : '';
  const d = typeof signed === 'string' ? `${place}${signed}` : '';
  return [
    r.t(`Överenskommelsen har upprättats i två likalydande exemplar, av vilka parterna har tagit var sitt. Den som undertecknar för organisationen är firmatecknare enligt registreringsbevis eller styrelsebeslut; den som undertecknar för ${k.def} har behörighet enligt nämndens delegationsordning.`, `The agreement has been drawn up in two identical copies, of which each party has taken one. The signatory for the organisation is an authorised signatory under its registration certificate or a board decision; the signatory for ${e.def} is authorised under the board's delegation rules.`),
    [
      `| | ${r.t(`För ${k.def}`, `For ${e.def}`)} | ${r.t('För organisationen', 'For the organisation')} |`,
      '|---|---|---|',
      `| ${r.t('Ort och datum', 'Place and date')} | ${d} | ${d} |`,
      `| ${r.t('Underskrift', 'Signature')} | | |`,
      `| ${r.t('Namnförtydligande', 'Name in print')} | | |`,
      `| ${r.t('Befattning och behörighet', 'Position and authority')} | | |`,
    ].join('\n'),
  ];
}

export function attachments(r: R, clauses: readonly ClauseId[]): string[] {
  const { sv: k, en: e } = r.mun;
  const list: string[] = [];
  if (clauses.includes('activities') && r.get('partnership.activityPlan') === true) list.push(r.t('Gemensam verksamhetsplan', 'Joint activity plan'));
  // A processor agreement is attached only when the organisation is a processor (or may be one).
  const forCity = r.get('partnership.handlesPersonalDataForCity');
  if (clauses.includes('personal-data') && forCity !== false) {
    const open = forCity === UNKNOWN || r.ctx.needs.get('personal-data')?.open === true;
    list.push(r.t('Personuppgiftsbiträdesavtal', 'Processor agreement') + (open ? r.t(` (om organisationen behandlar personuppgifter för ${k.gen} räkning)`, ` (if the organisation processes personal data on ${e.gen} behalf)`) : ''));
  }
  return list.map((x, i) => `${i + 1}. ${x}`);
}
