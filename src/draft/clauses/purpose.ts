// Syfte och mål: the purpose and the goals table (goal, indicator, target).
import { formatValue } from '../../verdict/render.js';
import { md, type R } from './context.js';

export function goalsTable(r: R): string {
  const goals = r.input.partnership?.goals;
  if (goals === null || goals === undefined) return r.missing(r.t('mål, indikatorer och målvärden', 'goals, indicators and targets'));
  if (goals.length === 0) return r.fill(r.t('minst ett gemensamt mål med indikator och målvärde', 'at least one shared goal with an indicator and a target'));
  const rows = goals.map((g, i) => {
    const n = i + 1;
    const desc = g.description?.trim() ? md(g.description) : r.missing(r.t(`beskrivning av mål ${n}`, `description of goal ${n}`));
    const ind = g.indicator?.trim() ? md(g.indicator) : r.missing(r.t(`indikator för mål ${n}`, `indicator for goal ${n}`));
    const target = typeof g.target === 'number' ? formatValue(g.target, 'number', r.locale) : typeof g.target === 'string' && g.target.trim() ? md(g.target) : r.missing(r.t(`målvärde för mål ${n}`, `target for goal ${n}`));
    return `| ${n} | ${desc} | ${ind} | ${target} |`;
  });
  return [`| ${r.t('Nr', 'No.')} | ${r.t('Mål', 'Goal')} | ${r.t('Indikator', 'Indicator')} | ${r.t('Målvärde', 'Target')} |`, '|---:|---|---|---|', ...rows].join('\n');
}

export function purposeGoals(r: R): string[] {
  const joint = r.get('partnership.jointGoal') === true;
  return [
    `${r.t('Partnerskapets syfte:', 'The purpose of the partnership:')} ${r.fill(r.t('syftet, med parternas egna ord', "the purpose, in the parties' own words"))}.`,
    joint ? r.t('Parterna har formulerat följande mål tillsammans:', 'The parties have formulated the following goals together:') : r.t('Partnerskapet har följande mål:', 'The partnership has the following goals:'),
    goalsTable(r),
  ];
}
