// The case officer's web app: plain DOM, built by esbuild from the package's own ESM entry (dist/index.js).
// Every value from a case or verdict is written with textContent, never as HTML.
import {
  assess,
  caseJsonSchema,
  compareRuleSets,
  describeFact,
  draftAgreement,
  formatVerdict,
  groupIssuesByField,
  listRuleSets,
  validateCase,
} from 'iop-rules';
import type { Verdict } from 'iop-rules';
import fryshuset from '../examples/fryshuset-conditional.json';
import husby from '../examples/husby-atelje-not-eligible.json';
import loparakademin from '../examples/loparakademin-eligible.json';
import rinkeby from '../examples/rinkeby-folkets-hus-incomplete.json';
import studieframjandet from '../examples/studieframjandet-procurement.json';
import { T, type Locale, type Texts } from './texts.js';

type Json = Record<string, unknown>;

const EXAMPLES: Record<string, Json> = {
  'loparakademin-eligible': loparakademin,
  'fryshuset-conditional': fryshuset,
  'rinkeby-folkets-hus-incomplete': rinkeby,
  'husby-atelje-not-eligible': husby,
  'studieframjandet-procurement': studieframjandet,
};

const STORE = 'iop-rules-app/v1';

/** What the last answer changed: kept as data so a language switch re-renders it. */
interface Change {
  from: Verdict['outcome'];
  to: Verdict['outcome'];
  qFrom: number;
  qTo: number;
}

interface State {
  locale: Locale;
  caseData: Json;
  asOf: string;
  ruleSet: string; // '' = default
  skipped: string[];
  current: string | null; // the question the officer picked, or null for the most decisive one
  change: Change | null | 'pending'; // what the last answer changed
  pasteError: string | null;
}

function today(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

function load(): State {
  const base: State = { locale: 'sv', caseData: {}, asOf: today(), ruleSet: '', skipped: [], current: null, change: null, pasteError: null };
  try {
    const raw = localStorage.getItem(STORE);
    if (!raw) return base;
    const s = JSON.parse(raw) as Partial<State>;
    return {
      ...base,
      locale: s.locale === 'en' ? 'en' : 'sv',
      caseData: s.caseData && typeof s.caseData === 'object' ? s.caseData : {},
      asOf: typeof s.asOf === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s.asOf) ? s.asOf : base.asOf,
      ruleSet: typeof s.ruleSet === 'string' ? s.ruleSet : '',
      skipped: Array.isArray(s.skipped) ? s.skipped.filter((x): x is string => typeof x === 'string') : [],
    };
  } catch {
    return base;
  }
}

const state: State = load();
let verdict: Verdict | null = null;
let comparison: Awaited<ReturnType<typeof compareRuleSets>> | null = null;
let lastError: string | null = null;
let pickedExample = Object.keys(EXAMPLES)[0] ?? '';

function save(): void {
  const { locale, caseData, asOf, ruleSet, skipped } = state;
  try {
    localStorage.setItem(STORE, JSON.stringify({ locale, caseData, asOf, ruleSet, skipped }));
  } catch {
    /* storage full or disabled: the app still works for this visit */
  }
}

// ---------------------------------------------------------------------------------------------
// Small DOM helpers (text only)
// ---------------------------------------------------------------------------------------------

type Attrs = Record<string, string | boolean | undefined>;
function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Array<Node | string | null | undefined | false>): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) e.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return e;
}
function button(label: string, onClick: () => void, attrs: Attrs = {}): HTMLButtonElement {
  const b = el('button', { type: 'button', ...attrs }, label);
  b.addEventListener('click', onClick);
  return b;
}
let idSeq = 0;
function labelled(label: string, control: HTMLElement): HTMLElement {
  const id = control.id || `f${++idSeq}`;
  control.id = id;
  return el('div', { class: 'field' }, el('label', { for: id }, label), control);
}

// ---------------------------------------------------------------------------------------------
// The case: paths and schema
// ---------------------------------------------------------------------------------------------

function getPath(obj: Json, path: string): unknown {
  let cur: unknown = obj;
  for (const k of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Json)[k];
  }
  return cur;
}
function setPath(obj: Json, path: string, value: unknown): void {
  const keys = path.split('.');
  let cur = obj;
  keys.slice(0, -1).forEach((k) => {
    const next = cur[k];
    if (next === null || typeof next !== 'object' || Array.isArray(next)) cur[k] = {};
    cur = cur[k] as Json;
  });
  cur[keys[keys.length - 1] as string] = value;
}

/** The schema node of a field (by dotted path), from the library's own form-ready schema. */
const schemas: Partial<Record<Locale, Json>> = {};
function schemaNode(path: string): Json | undefined {
  let node: Json | undefined = (schemas[state.locale] ??= caseJsonSchema({ locale: state.locale }));
  for (const k of path.split('.')) {
    const props = node?.properties as Json | undefined;
    node = props?.[k] as Json | undefined;
    if (!node) return undefined;
  }
  return node;
}
function types(node: Json): string[] {
  const t = node.type;
  return Array.isArray(t) ? (t as string[]) : typeof t === 'string' ? [t] : [];
}

// ---------------------------------------------------------------------------------------------
// Assessing
// ---------------------------------------------------------------------------------------------

async function reassess(): Promise<void> {
  const before = verdict;
  const opts = { asOf: state.asOf, locale: state.locale, ...(state.ruleSet ? { ruleSet: state.ruleSet } : {}) };
  try {
    verdict = await assess(state.caseData, opts);
    lastError = null;
  } catch (e) {
    verdict = null;
    lastError = e instanceof Error ? e.message : String(e);
  }
  if (state.change === 'pending') {
    state.change = before && verdict ? { from: before.outcome, to: verdict.outcome, qFrom: before.missingFacts.length, qTo: verdict.missingFacts.length } : null;
  }
  comparison = null;
  save();
  render();
}

function startCase(data: Json): void {
  state.caseData = data;
  state.skipped = [];
  state.current = null;
  state.change = null;
  state.pasteError = null;
  void reassess();
}

function answer(fact: string, value: unknown): void {
  setPath(state.caseData, fact, value);
  if (value === null) state.skipped = [...new Set([...state.skipped, fact])];
  else state.skipped = state.skipped.filter((f) => f !== fact);
  state.current = null;
  state.change = 'pending'; // reassess fills it in
  void reassess();
}

// ---------------------------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------------------------

const root = document.getElementById('app') as HTMLElement;

function render(): void {
  const t = T[state.locale];
  document.documentElement.lang = state.locale;
  document.title = t.appTitle;
  const focusId = document.activeElement?.id;
  root.replaceChildren(
    el(
      'header',
      {},
      el('h1', {}, t.appTitle),
      button(t.language, () => {
        state.locale = state.locale === 'sv' ? 'en' : 'sv';
        void reassess();
      }, { id: 'lang-switch', lang: state.locale === 'sv' ? 'en' : 'sv', title: t.languageLabel }),
      el('p', {}, t.intro),
      el('p', { class: 'note' }, t.privacy),
    ),
    el('main', {}, caseSection(t), settingsSection(t), interviewSection(t), verdictSection(t), compareSection(t), downloadSection(t)),
  );
  if (focusId) document.getElementById(focusId)?.focus();
}

function caseSection(t: Texts): HTMLElement {
  const select = el('select', { id: 'example' });
  select.addEventListener('change', () => (pickedExample = select.value));
  for (const id of Object.keys(EXAMPLES)) {
    const org = (EXAMPLES[id]?.organisation as Json | undefined)?.name;
    select.append(el('option', { value: id, selected: id === pickedExample }, `${typeof org === 'string' ? org : id} (${id})`));
  }
  const file = el('input', { type: 'file', id: 'upload', accept: 'application/json,.json' });
  file.addEventListener('change', () => {
    const f = file.files?.[0];
    if (f) void f.text().then(usePasted);
  });
  const paste = el('textarea', { id: 'paste', rows: '4', spellcheck: 'false' });
  const validation = validateCase(state.caseData, { locale: state.locale });
  const name = (state.caseData.organisation as Json | undefined)?.name;
  return el(
    'section',
    { 'aria-labelledby': 'h-case' },
    el('h2', { id: 'h-case' }, t.caseHeading),
    el('p', { 'data-testid': 'org-name' }, `${t.orgName}: `, el('strong', {}, typeof name === 'string' && name ? name : t.noName)),
    el('div', { class: 'row' }, labelled(t.example, select), button(t.loadExample, () => startCase(structuredClone(EXAMPLES[select.value] ?? {})), { id: 'load-example' }), button(t.emptyCase, () => startCase({}), { id: 'empty-case' })),
    labelled(t.upload, file),
    labelled(t.paste, paste),
    button(t.usePasted, () => usePasted(paste.value), { id: 'use-pasted' }),
    state.pasteError ? el('p', { role: 'alert', class: 'error' }, state.pasteError) : null,
    validation.ok ? null : issuesList(t, validation.issues),
  );
}

function usePasted(text: string): void {
  const t = T[state.locale];
  try {
    const data = JSON.parse(text) as unknown;
    if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new Error('not an object');
    startCase(data as Json);
  } catch {
    state.pasteError = t.notJson;
    render();
  }
}

function issuesList(t: Texts, issues: Parameters<typeof groupIssuesByField>[0]): HTMLElement {
  const g = groupIssuesByField(issues);
  const list = el('ul', {});
  for (const m of g.formErrors) list.append(el('li', {}, `${t.wholeCase}: ${m}`));
  for (const [field, msgs] of Object.entries(g.fieldErrors)) list.append(el('li', {}, el('code', {}, field), `: ${msgs.join('; ')}`));
  return el('div', { role: 'alert', class: 'error', 'data-testid': 'case-issues' }, el('p', {}, t.invalidCase), list);
}

function settingsSection(t: Texts): HTMLElement {
  const sets = listRuleSets();
  const select = el('select', { id: 'rule-set' }, el('option', { value: '' }, t.defaultRuleSet));
  for (const s of sets) select.append(el('option', { value: s.id, selected: s.id === state.ruleSet }, s.title[state.locale]));
  select.addEventListener('change', () => {
    state.ruleSet = select.value;
    void reassess();
  });
  const date = el('input', { type: 'date', id: 'as-of', value: state.asOf, required: true });
  date.addEventListener('change', () => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(date.value)) {
      state.asOf = date.value;
      void reassess();
    }
  });
  return el('section', { 'aria-labelledby': 'h-settings' }, el('h2', { id: 'h-settings' }, t.settings), el('div', { class: 'row' }, labelled(t.ruleSet, select), labelled(t.asOf, date)));
}

function interviewSection(t: Texts): HTMLElement {
  const sec = el('section', { 'aria-labelledby': 'h-interview', 'data-testid': 'interview' }, el('h2', { id: 'h-interview' }, t.interview));
  const ch = state.change;
  if (ch && ch !== 'pending') sec.append(el('p', { role: 'status', 'data-testid': 'change' }, t.changed(t.outcome[ch.from], t.outcome[ch.to], ch.qFrom, ch.qTo)));
  if (!verdict) return sec;
  if (!ch || ch === 'pending') sec.append(el('p', {}, `${t.outcomeIs}: `, el('strong', {}, t.outcome[verdict.outcome])));
  const open = verdict.missingFacts.filter((m) => !state.skipped.includes(m.fact));
  const q = open.find((m) => m.fact === state.current) ?? open[0];
  if (!q && !verdict.missingFacts.length) {
    sec.append(el('p', {}, t.noQuestions));
    return sec;
  }
  if (q) sec.append(questionForm(t, q));
  else sec.append(el('p', {}, t.allSkipped));
  const rest = verdict.missingFacts.filter((m) => m.fact !== q?.fact);
  if (rest.length) {
    const list = el('ol', { 'data-testid': 'remaining' });
    for (const m of rest.slice(0, 12)) {
      list.append(
        el(
          'li',
          { 'data-fact': m.fact },
          button(m.question, () => {
            state.current = m.fact;
            render();
            document.getElementById('q-input')?.focus();
          }, { class: 'link' }),
          m.decisive ? el('em', {}, ` (${t.decisive})`) : null,
          state.skipped.includes(m.fact) ? el('em', {}, ` (${t.skipped})`) : null,
        ),
      );
    }
    sec.append(el('h3', {}, `${t.remaining} (${rest.length})`), list);
  }
  return sec;
}

function questionForm(t: Texts, q: Verdict['missingFacts'][number]): HTMLElement {
  const node = schemaNode(q.fact) ?? {};
  const ty = types(node);
  const form = el('form', { 'data-testid': 'question', 'data-fact': q.fact });
  const legend = el('legend', {}, q.question);
  const fs = el('fieldset', {}, legend);
  form.append(fs);
  const meta = el('p', { class: 'note' }, `${String(node.title ?? q.fact)} · ${t.neededBy}: ${q.neededBy.join(', ')}`, q.decisive ? ` · ${t.decisive}` : '');
  let read: () => unknown = () => null;
  const current = getPath(state.caseData, q.fact);

  if (ty.includes('boolean')) {
    const name = 'q-bool';
    const opts: Array<[string, boolean | null]> = [
      [t.yes, true],
      [t.no, false],
      [t.dontKnow, null],
    ];
    opts.forEach(([label, v], i) => {
      const id = i === 0 ? 'q-input' : `q-input-${i}`;
      const r = el('input', { type: 'radio', name, id, value: String(v), checked: current === v });
      fs.append(el('div', { class: 'choice' }, r, el('label', { for: id }, label)));
    });
    read = () => {
      const v = (form.querySelector(`input[name=${name}]:checked`) as HTMLInputElement | null)?.value;
      return v === 'true' ? true : v === 'false' ? false : null;
    };
  } else if (Array.isArray(node.oneOf)) {
    const sel = el('select', { id: 'q-input' }, el('option', { value: '' }, t.choose));
    for (const o of node.oneOf as Json[]) if (o.const !== null) sel.append(el('option', { value: String(o.const), selected: current === o.const }, String(o.title)));
    fs.append(labelled(String(node.title ?? q.fact), sel));
    read = () => (sel.value ? sel.value : null);
  } else if (ty.includes('array') && Array.isArray((node.items as Json | undefined)?.oneOf)) {
    const chosen = Array.isArray(current) ? current : [];
    ((node.items as Json).oneOf as Json[]).forEach((o, i) => {
      const id = i === 0 ? 'q-input' : `q-input-${i}`;
      fs.append(el('div', { class: 'choice' }, el('input', { type: 'checkbox', id, value: String(o.const), checked: chosen.includes(o.const) }), el('label', { for: id }, String(o.title))));
    });
    read = () => [...form.querySelectorAll<HTMLInputElement>('input[type=checkbox]:checked')].map((c) => c.value);
  } else if (ty.includes('array')) {
    const ta = el('textarea', { id: 'q-input', rows: '4', spellcheck: 'false' });
    ta.value = current === undefined || current === null ? '' : JSON.stringify(current, null, 2);
    const fields = Object.entries(((node.items as Json | undefined)?.properties as Json | undefined) ?? {}).map(([k, v]) => `"${k}" (${String((v as Json).title ?? k)})`);
    fs.append(labelled(`${t.listJson}${fields.length ? ` – ${t.listFields}: ${fields.join(', ')}` : ''}`, ta));
    read = () => {
      if (!ta.value.trim()) return null;
      try {
        return JSON.parse(ta.value) as unknown;
      } catch {
        return ta.value; // validateCase will say what is wrong
      }
    };
  } else if (ty.includes('number') || ty.includes('integer')) {
    const input = el('input', { type: 'number', id: 'q-input', step: ty.includes('integer') ? '1' : 'any', min: node.minimum !== undefined ? String(node.minimum) : undefined, inputmode: 'decimal' });
    if (typeof current === 'number') input.value = String(current);
    const unit = /Sek$/.test(q.fact) ? ` (${t.kronor})` : '';
    fs.append(labelled(`${String(node.title ?? q.fact)}${unit}`, input));
    read = () => (input.value === '' ? null : Number(input.value));
  } else if (node.format === 'date') {
    const input = el('input', { type: 'date', id: 'q-input' });
    if (typeof current === 'string') input.value = current;
    fs.append(labelled(String(node.title ?? q.fact), input));
    read = () => input.value || null;
  } else {
    const input = el('input', { type: 'text', id: 'q-input' });
    if (typeof current === 'string') input.value = current;
    fs.append(labelled(String(node.title ?? q.fact), input));
    read = () => (input.value === '' ? null : input.value);
  }
  const errBox = el('div', { 'aria-live': 'polite' });
  form.append(meta, errBox, el('div', { class: 'row' }, el('button', { type: 'submit', id: 'answer' }, t.answer), button(t.skip, () => answer(q.fact, null), { id: 'skip' })));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const value = read();
    // Check the one field before assessing: the message names the field, in the app's language.
    const trial = structuredClone(state.caseData);
    setPath(trial, q.fact, value);
    const v = validateCase(trial, { locale: state.locale });
    const mine = v.ok ? [] : v.issues.filter((i) => i.path === q.fact || i.path.startsWith(`${q.fact}.`) || i.path.startsWith(`${q.fact}[`));
    if (mine.length) {
      errBox.replaceChildren(el('p', { role: 'alert', class: 'error' }, mine.map((i) => i.text).join('; ')));
      return;
    }
    answer(q.fact, value);
  });
  return form;
}

function statusText(t: Texts, status: keyof Texts['statusWord']): string {
  return t.statusWord[status];
}

function verdictSection(t: Texts): HTMLElement {
  const sec = el('section', { 'aria-labelledby': 'h-verdict', 'data-testid': 'verdict' }, el('h2', { id: 'h-verdict' }, t.verdict));
  if (lastError) {
    sec.append(el('p', { role: 'alert', class: 'error' }, `${t.error}: ${lastError}`));
    return sec;
  }
  if (!verdict) return sec;
  const v = verdict;
  sec.append(
    el('p', { class: `outcome outcome-${v.outcome}`, 'data-testid': 'outcome', 'data-outcome': v.outcome }, `${t.outcomeIs}: `, el('strong', {}, t.outcome[v.outcome])),
    el('p', {}, t.outcomeHelp[v.outcome]),
    el('p', { class: 'note' }, `${v.ruleSet.title} · ${t.asOf}: ${v.asOf}`),
    el('p', {}, `${t.recommendation}: `, el('strong', { 'data-testid': 'form' }, t.form[v.recommendation.form])),
  );
  if (v.recommendation.reasons.length) sec.append(el('ul', {}, ...v.recommendation.reasons.map((r) => el('li', {}, r))));

  const table = el('table', {}, el('caption', {}, t.areas), el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t.area), el('th', { scope: 'col' }, t.status), el('th', { scope: 'col' }, t.counts))));
  const body = el('tbody', {});
  for (const [area, res] of Object.entries(v.areas) as Array<[keyof Texts['areaName'], (typeof v.areas)[keyof typeof v.areas]]>) {
    body.append(el('tr', {}, el('th', { scope: 'row' }, t.areaName[area]), el('td', { class: `st-${res.status}` }, statusText(t, res.status)), el('td', {}, `${res.counts.pass} / ${res.counts.fail} / ${res.counts.unknown}`)));
  }
  table.append(body);
  sec.append(table);

  sec.append(el('h3', {}, t.toEligible));
  if (!v.toEligible.length) sec.append(el('p', {}, t.noChanges));
  else {
    const list = el('ol', {});
    for (const cs of v.toEligible.slice(0, 5)) {
      const changes = cs.changes.map((c) => `${describeFact(c.fact, state.locale)?.label ?? c.fact}: ${fmt(c.from)} → ${fmt(c.to)}`).join('; ');
      list.append(el('li', {}, `${changes} (${t.settles} ${cs.settles.join(', ')})`));
    }
    sec.append(list);
  }

  sec.append(el('h3', {}, t.findings));
  const order = { fail: 0, unknown: 1, pass: 2, 'not-applicable': 3 } as const;
  const sev = { blocker: 0, major: 1, advisory: 2, info: 3 } as const;
  const findings = [...v.findings].sort((a, b) => order[a.status] - order[b.status] || sev[a.severity] - sev[b.severity] || (a.ruleId < b.ruleId ? -1 : 1));
  for (const f of findings) {
    const sources = el('ul', {});
    for (const s of f.sources) {
      sources.append(el('li', {}, s.url && /^https?:\/\//.test(s.url) ? el('a', { href: s.url, rel: 'noopener noreferrer', target: '_blank' }, s.ref) : s.ref, s.title && s.title !== s.ref ? ` – ${s.title}` : ''));
    }
    sec.append(
      el(
        'details',
        { class: `finding st-${f.status}`, 'data-rule': f.ruleId, open: f.status === 'fail' },
        el('summary', {}, el('span', { class: 'badge' }, `${statusText(t, f.status)} · ${t.severityWord[f.severity]}`), ` ${f.ruleId}: ${f.title}`),
        el('p', {}, f.explanation),
        f.remedy && f.status !== 'pass' ? el('p', {}, el('strong', {}, `${t.remedy}: `), f.remedy) : null,
        el('p', {}, el('strong', {}, `${t.sources}:`)),
        sources,
      ),
    );
  }
  return sec;
}

function fmt(x: unknown): string {
  if (x === null || x === undefined) return '—';
  if (typeof x === 'boolean') return x ? T[state.locale].yes : T[state.locale].no;
  return Array.isArray(x) ? x.join(', ') : String(x);
}

function compareSection(t: Texts): HTMLElement {
  const sets = listRuleSets();
  const mk = (id: string, pick: string) => {
    const s = el('select', { id });
    for (const r of sets) s.append(el('option', { value: r.id, selected: r.id === pick }, r.title[state.locale]));
    return s;
  };
  const from = mk('compare-from', sets[0]?.id ?? '');
  const to = mk('compare-to', sets[sets.length - 1]?.id ?? '');
  const sec = el(
    'section',
    { 'aria-labelledby': 'h-compare' },
    el('h2', { id: 'h-compare' }, t.compare),
    el('div', { class: 'row' }, labelled(t.from, from), labelled(t.to, to), button(t.compareButton, () => {
      compareRuleSets(state.caseData, { from: from.value, to: to.value, asOf: state.asOf, locale: state.locale })
        .then((c) => {
          comparison = c;
          render();
        })
        .catch((e: unknown) => {
          lastError = e instanceof Error ? e.message : String(e);
          render();
        });
    }, { id: 'compare' })),
  );
  if (comparison) {
    const c = comparison;
    sec.append(el('p', { 'data-testid': 'comparison' }, `${c.from.ruleSet}: ${t.outcome[c.from.outcome]} → ${c.to.ruleSet}: ${t.outcome[c.to.outcome]}`));
    if (!c.changes.length) sec.append(el('p', {}, t.noDifferences));
    else {
      const tb = el('tbody', {});
      for (const ch of c.changes) {
        const cell = (x: typeof ch.from) => (x ? `${statusText(t, x.status)} (${t.severityWord[x.severity]})` : t.missingRule);
        tb.append(el('tr', {}, el('th', { scope: 'row' }, `${ch.ruleId}: ${ch.title}`), el('td', {}, cell(ch.from)), el('td', {}, cell(ch.to))));
      }
      sec.append(el('table', {}, el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t.rule), el('th', { scope: 'col' }, c.from.ruleSet), el('th', { scope: 'col' }, c.to.ruleSet))), tb));
    }
  }
  return sec;
}

function download(name: string, type: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Whether the verdict lets the case be signed as an IOP (what the library's draft requires). */
function signable(v: Verdict): boolean {
  return (v.outcome === 'eligible' || v.outcome === 'conditional') && v.recommendation.form === 'iop';
}

/**
 * A held draft: eligible or conditional, but a procurement indicator leaves the form open. The
 * library drafts it without draftAnyway, headed as not to be signed until that question has been
 * assessed and documented (docs/decisions/0020-draft-as-data.md).
 */
function held(v: Verdict): boolean {
  return (v.outcome === 'eligible' || v.outcome === 'conditional') && v.recommendation.form === 'undetermined';
}

function downloadSection(t: Texts): HTMLElement {
  const v = verdict;
  const opts = { asOf: state.asOf, locale: state.locale, ...(state.ruleSet ? { ruleSet: state.ruleSet } : {}) };
  const sec = el('section', { 'aria-labelledby': 'h-downloads' }, el('h2', { id: 'h-downloads' }, t.downloads));
  const row = el('div', { class: 'row' });
  if (v) {
    row.append(
      button(t.report, () => download(`iop-${state.locale}.html`, 'text/html', formatVerdict(v, { format: 'html', locale: state.locale })), { id: 'dl-report' }),
      button(t.verdictJson, () => download('iop-verdict.json', 'application/json', `${JSON.stringify(v, null, 2)}\n`), { id: 'dl-verdict' }),
      // The library refuses a draft the verdict does not let be signed as an IOP; the app then
      // offers the document headed as not to be signed, and says so on the button. A held draft
      // needs no override; the button says what its heading says.
      button(signable(v) ? t.draft : held(v) ? t.draftHeld : t.draftNotSignable, () => {
        try {
          download(`iop-draft-${state.locale}.md`, 'text/markdown', draftAgreement(state.caseData, { ...opts, draftAnyway: !signable(v) && !held(v) }));
        } catch (e) {
          lastError = `${t.draftFailed}: ${e instanceof Error ? e.message : String(e)}`;
          render();
        }
      }, { id: 'dl-draft' }),
    );
  }
  row.append(button(t.caseJson, () => download('iop-case.json', 'application/json', `${JSON.stringify(state.caseData, null, 2)}\n`), { id: 'dl-case' }));
  sec.append(row);
  return sec;
}

render();
void reassess();
