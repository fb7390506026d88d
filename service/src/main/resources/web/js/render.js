// Rendering of the API's match objects: {score, requirements[], learnNext[], model}.
import { el, num, plural, uid } from './dom.js';

const STATUS = {
  met: { icon: '✓', label: 'Met' },
  partial: { icon: '◐', label: 'Partial' },
  missing: { icon: '✗', label: 'Missing' },
};

/** A status marker: an icon for the eye and the word for everyone (colour is never the only cue). */
export function statusBadge(status) {
  const s = STATUS[status] || { icon: '?', label: String(status ?? 'unknown') };
  return el(
    'span',
    { class: `status status-${STATUS[status] ? status : 'unknown'}`, 'data-status': status },
    el('span', { class: 'status-icon', 'aria-hidden': 'true' }, s.icon),
    ' ',
    s.label,
  );
}

/** The 0-100 score, as a number and a meter. */
export function scoreBlock(score) {
  const value = typeof score === 'number' && Number.isFinite(score) ? Math.max(0, Math.min(100, score)) : 0;
  const shown = String(Math.round(value));
  return el(
    'div',
    { class: 'score', 'data-score': value, title: `score ${num(value)} of 100` },
    el('span', { class: 'score-value' }, shown),
    el('span', { class: 'score-max' }, '/100'),
    el('meter', {
      min: 0, max: 100, low: 40, high: 70, optimum: 100, value,
      'aria-label': `Fit score ${shown} out of 100`,
    }),
  );
}

/** Counts of met, partial and missing requirements, and must-haves missing. */
export function counts(requirements) {
  const c = { met: 0, partial: 0, missing: 0, requiredMissing: 0 };
  for (const r of requirements || []) {
    if (r.status in c) {
      c[r.status] += 1;
    }
    if (r.status === 'missing' && r.importance === 'required') {
      c.requiredMissing += 1;
    }
  }
  return c;
}

export function countsLine(requirements) {
  const c = counts(requirements);
  return el(
    'p',
    { class: 'counts' },
    el('span', { class: 'count count-met' }, `${c.met} met`),
    el('span', { class: 'count count-partial' }, `${c.partial} partial`),
    el('span', { class: 'count count-missing' }, `${c.missing} missing`),
    c.requiredMissing
      ? el('span', { class: 'count count-required-missing' }, `${plural(c.requiredMissing, 'must-have')} missing`)
      : null,
  );
}

/** Skill names as a list of chips, or nothing when the list is empty. */
export function chips(label, items, cls) {
  if (!items.length) {
    return null;
  }
  const id = uid('chips');
  return el(
    'div',
    { class: `chip-group ${cls || ''}` },
    el('p', { class: 'chip-label', id }, label),
    el('ul', { class: 'chips', 'aria-labelledby': id }, items.map((t) => el('li', { class: 'chip' }, t))),
  );
}

function importanceTag(r) {
  return r.importance === 'required'
    ? el('span', { class: 'tag tag-required' }, 'must-have')
    : el('span', { class: 'tag tag-preferred' }, 'nice to have');
}

/** Names of the other members of each any-of group ("g1" -> [Django, FastAPI, Flask]). */
function groups(requirements) {
  const g = new Map();
  for (const r of requirements || []) {
    if (r.anyOf) {
      if (!g.has(r.anyOf)) {
        g.set(r.anyOf, []);
      }
      g.get(r.anyOf).push(r.skill);
    }
  }
  return g;
}

function signed(x) {
  if (typeof x !== 'number' || !Number.isFinite(x)) {
    return '';
  }
  const v = Math.round(x * 10) / 10;
  if (v === 0) {
    return '0';
  }
  return v > 0 ? `+${v}` : `−${Math.abs(v)}`;
}

/** Every requirement of a posting read against a profile, in the posting's order. */
export function requirementsTable(requirements, caption) {
  const anyOf = groups(requirements);
  const rows = (requirements || []).map((r) => {
    const others = r.anyOf ? (anyOf.get(r.anyOf) || []).filter((s) => s !== r.skill) : [];
    return el(
      'tr',
      { class: `req req-${r.status}`, 'data-status': r.status, 'data-skill-id': r.skillId },
      el('td', {}, statusBadge(r.status)),
      el(
        'th',
        { scope: 'row', class: 'req-skill' },
        el('span', { class: 'skill-name' }, r.skill),
        el(
          'span',
          { class: 'tags' },
          importanceTag(r),
          typeof r.minYears === 'number' ? el('span', { class: 'tag' }, `${num(r.minYears)}+ ${r.minYears === 1 ? 'year' : 'years'}`) : null,
          others.length ? el('span', { class: 'tag tag-anyof' }, `or ${others.join(' / ')}`) : null,
        ),
      ),
      el('td', { class: 'req-why' }, r.why || ''),
      el(
        'td',
        { class: 'req-evidence' },
        r.evidence && r.evidence.text ? el('q', {}, r.evidence.text) : el('span', { class: 'muted' }, '—'),
      ),
      el('td', { class: 'req-points num' }, signed(r.contribution)),
    );
  });
  return el(
    'div',
    { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': caption },
    el(
      'table',
      { class: 'reqs' },
      el('caption', { class: 'visually-hidden' }, caption),
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          el('th', { scope: 'col' }, 'Status'),
          el('th', { scope: 'col' }, 'Requirement'),
          el('th', { scope: 'col' }, 'Why'),
          el('th', { scope: 'col' }, 'Evidence in the resume'),
          el('th', { scope: 'col', class: 'num', title: 'points of the score this requirement accounts for' }, 'Points'),
        ),
      ),
      el('tbody', {}, rows),
    ),
  );
}

/** The collapsible list of every requirement. */
export function requirementsDetails(requirements, caption, open) {
  return el(
    'details',
    { class: 'req-details', open: Boolean(open) },
    el('summary', {}, `All ${plural((requirements || []).length, 'requirement')}, with evidence`),
    requirementsTable(requirements, caption),
  );
}

/** What to learn next: skill, points it would add, and the closest skill the candidate has. */
export function learnNextList(learnNext) {
  const items = learnNext || [];
  if (!items.length) {
    return el('p', { class: 'learn-none muted' }, 'Nothing to learn for this job: every requirement is met.');
  }
  const id = uid('learn');
  return el(
    'div',
    { class: 'learn-next' },
    el('h5', { id }, 'What to learn next'),
    el(
      'ol',
      { 'aria-labelledby': id },
      items.map((l) =>
        el(
          'li',
          { 'data-skill-id': l.skillId },
          el('strong', {}, l.skill),
          ` — up to ${signed(l.gain)} points`,
          l.closest ? el('span', { class: 'muted' }, ` (closest you have: ${l.closest})`) : null,
        ),
      ),
    ),
  );
}

export function skillsOf(requirements, status, importance) {
  const seen = new Set();
  const out = [];
  for (const r of requirements || []) {
    if (r.status === status && (!importance || r.importance === importance) && !seen.has(r.skill)) {
      seen.add(r.skill);
      out.push(r.skill);
    }
  }
  return out;
}

export function loading(text) {
  return el('p', { class: 'loading', role: 'status' }, el('span', { class: 'spinner', 'aria-hidden': 'true' }), text);
}

/**
 * A ranked result: its rank, title, a muted line of facts and id, and the score, then the body.
 * idAttr names the data attribute that carries the id ("data-posting-id", "data-candidate-id").
 */
export function resultCard({ idAttr, id, rank, title, facts }, score, ...body) {
  const headingId = uid('result');
  return el(
    'li',
    { class: 'result card', [idAttr]: id, 'aria-labelledby': headingId },
    el(
      'div',
      { class: 'result-head' },
      el('span', { class: 'rank', 'aria-hidden': 'true' }, `#${rank}`),
      el(
        'div',
        { class: 'result-title' },
        el('h4', { id: headingId }, el('span', { class: 'visually-hidden' }, `Rank ${rank}: `), title),
        el('p', { class: 'muted' }, facts.join(' · '), facts.length ? ' · ' : '', 'id ', el('code', {}, id)),
      ),
      scoreBlock(score),
    ),
    ...body,
  );
}
