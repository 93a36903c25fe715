// Bakgrund: the partnership's area, priority area, initiative, dialogue and the documents relied on.
import { PRIORITY_AREA_LABELS } from '../../domain/case.js';
import { conditionLeaves } from '../../rules/rule-schema.js';
import { inForce } from '../../rules/rule-set.js';
import { valueLabel } from '../../verdict/render.js';
import { md, type R } from './context.js';

const PRIORITY_AREAS = 'partnership.priorityAreas';

/**
 * Whether a rule in the rule set, in force on the draft's date, reads the board's priority areas
 * (in Rinkeby-Kista IOP-RK-001, for the plan years 2022–2023). The rule holds the dates: outside
 * them the areas come from the board's plan for the year, not from the case's list.
 */
function priorityAreasInForce(r: R): boolean {
  return r.ctx.set.rules.some(({ rule }) => inForce(rule.effective, r.ctx.asOf) && [...conditionLeaves(rule.conditions), ...conditionLeaves(rule.appliesTo)].some((l) => l.fact === PRIORITY_AREAS));
}

export function background(r: R): string[] {
  const { sv: k, en: e } = r.mun;
  const p = r.input.partnership ?? {};
  const area = p.area ? valueLabel(p.area, r.locale) : r.missingFact('partnership.area');
  const s: string[] = [`${r.t('Partnerskapet', 'The partnership')} *${r.str('partnership.title')}* ${r.t('gäller verksamhetsområdet', 'concerns the area of')} ${area}.`];
  // The board's wording for a known id (never the machine id), else the text as written.
  const areas = (p.priorityAreas ?? []).filter((a) => a.trim() !== '').map((a) => {
    const label = Object.hasOwn(PRIORITY_AREA_LABELS, a.trim()) ? PRIORITY_AREA_LABELS[a.trim()] : undefined;
    return label ? label[r.locale] : md(a);
  });
  // The case's areas are printed only while a rule on the board's priority areas is in force;
  // after that the year's plan names them (docs/decisions/0020-draft-as-data.md).
  const areasInForce = areas.length > 0 && priorityAreasInForce(r);
  if (areasInForce) s.push(`${r.t(areas.length > 1 ? 'Det avser nämndens prioriterade områden:' : 'Det avser nämndens prioriterade område', "It addresses the board's priority area" + (areas.length > 1 ? 's:' : ''))} ${areas.join('; ')}.`);
  else if (areas.length) s.push(`${r.t('Det avser nämndens prioriterade område enligt nämndens verksamhetsplan för året:', "It addresses the board's priority area under the board's operational plan for the year:")} ${r.fill(r.t('området med verksamhetsplanens formulering', 'the area as the plan words it'))}.`);
  const by = p.initiatedBy;
  const initiator = by === 'organisation' ? r.t('organisationen', 'the organisation') : by === 'city' ? r.t(k.def, e.def) : by === 'joint' ? r.t('parterna gemensamt', 'the parties jointly') : r.missingFact('partnership.initiatedBy');
  s.push(`${r.t('Initiativet togs av', 'The initiative was taken by')} ${initiator}.`);
  const dialogue = r.get('partnership.initialDialogueHeld');
  if (dialogue === true) {
    const open = r.get('partnership.dialogueOpenToOthers') === true;
    s.push(open
      ? r.t('Parterna har fört en inledande dialog om behov, mål och insatser, som var öppen för andra intresserade organisationer.', 'The parties have held an initial dialogue on needs, goals and contributions, open to other interested organisations.')
      : r.t('Parterna har fört en inledande dialog om behov, mål och insatser.', 'The parties have held an initial dialogue on needs, goals and contributions.'));
  } else if (dialogue === false) {
    s.push(r.t('Enligt ärendet har ingen inledande dialog hållits.', 'According to the case, no initial dialogue has been held.'));
  } else {
    s.push(`${r.t('Inledande dialog:', 'Initial dialogue:')} ${r.missingFact('partnership.initialDialogueHeld')}.`);
  }
  const year = r.get('organisation.latestAnnualReportYear');
  const report = typeof year === 'number'
    ? r.t(`organisationens årsredovisning för ${year}`, `the organisation's annual report for ${year}`)
    : `${r.t('organisationens årsredovisning för', "the organisation's annual report for")} ${r.missing(r.t('räkenskapsåret för den senaste årsredovisningen', 'the financial year of the latest annual report'))}`;
  const areasNote = areas.length > 0 && !areasInForce
    ? [r.note(
        `Ärendet anger prioriterat område, men per ${r.ctx.asOf} gäller ingen regel i regeluppsättningen om nämndens prioriterade områden. Ta området ur nämndens verksamhetsplan för det år överenskommelsen gäller.`,
        `The case names a priority area, but as of ${r.ctx.asOf} no rule in the rule set on the board's priority areas is in force. Take the area from the board's operational plan for the year the agreement covers.`,
      )]
    : [];
  return [
    s.join(' '),
    ...areasNote,
    `${r.t('Samhällsutmaningen och det gemensamma behovet:', 'The social challenge and the shared need:')} ${r.fill(r.t('vilken samhällsutmaning partnerskapet ska möta och varför parterna behöver samverka', 'which social challenge the partnership is to meet and why the parties need to cooperate'))}.`,
    `${r.t('Överenskommelsen bygger på initiativet till partnerskapet, en beskrivning av organisationen, organisationens budget för verksamheten och', "The agreement rests on the initiative for the partnership, a description of the organisation, the organisation's budget for the activity and")} ${report}.`,
  ];
}
