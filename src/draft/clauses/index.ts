// The clause writers by clause id: each takes the draft's renderer and returns the clause's
// paragraphs. src/draft/draft-agreement.ts orders them, adds the headings and the preamble.
import type { ClauseId } from '../../domain/case.js';
import { activities } from './activities.js';
import { background } from './background.js';
import type { R } from './context.js';
import { contributions } from './contributions.js';
import { financing, repayment } from './finance.js';
import { followUp, knowledge } from './follow-up.js';
import { changes, communication, disputes, insurance, insyn } from './general.js';
import { parties } from './parties.js';
import { period, termination } from './period.js';
import { personalData } from './personal-data.js';
import { purposeGoals } from './purpose.js';
import { entrustment } from './state-aid.js';

export const SECTIONS: Record<ClauseId, (r: R) => string[]> = {
  parties,
  background,
  'purpose-goals': purposeGoals,
  activities,
  contributions,
  financing,
  period,
  'follow-up': followUp,
  repayment,
  'knowledge-building': knowledge,
  'personal-data': personalData,
  insyn,
  'entrustment-act': entrustment,
  insurance,
  communication,
  changes,
  termination,
  disputes,
};
