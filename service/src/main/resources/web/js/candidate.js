// The candidate's view: paste a resume, see the stored jobs ranked for it, what it meets and what
// to learn next.
import { api } from './api.js';
import { el, num, replace } from './dom.js';
import { clearProblem, showProblem } from './errors.js';
import { chips, countsLine, learnNextList, loading, requirementsDetails, resultCard, skillsOf } from './render.js';

export function initCandidate() {
  const form = document.getElementById('candidate-form');
  const textInput = document.getElementById('resume-text');
  const kInput = document.getElementById('candidate-k');
  const submit = document.getElementById('candidate-submit');
  const errorSlot = document.getElementById('candidate-error');
  const results = document.getElementById('candidate-results');
  const fields = { text: textInput, k: kInput };
  let busy = false;

  function profileSummary(created) {
    const p = created.profile || {};
    const facts = [];
    if (p.titles && p.titles.length) {
      facts.push(p.titles[0]);
    }
    if (p.seniority) {
      facts.push(p.seniority);
    }
    if (typeof p.totalYears === 'number') {
      facts.push(`${num(p.totalYears)} years of experience`);
    }
    const skills = (p.skills || []).map((s) => (typeof s.years === 'number' ? `${s.skill} · ${num(s.years)} yrs` : s.skill));
    const status = el('p', { class: 'muted small', role: 'status' });
    const del = el('button', { type: 'button', class: 'secondary small', 'data-action': 'delete-resume' }, 'Delete my resume from the service');
    del.addEventListener('click', async () => {
      del.disabled = true;
      try {
        await api.deleteCandidate(created.id);
        status.textContent = 'Your resume was deleted from the service.';
        del.remove();
      } catch (e) {
        del.disabled = false;
        showProblem(errorSlot, e, {});
      }
    });
    return el(
      'div',
      { class: 'card profile-summary' },
      el('h3', {}, 'What we read in your resume'),
      el('p', {}, facts.length ? facts.join(' · ') : 'No job titles or dates were found.'),
      chips(`${skills.length} skills found`, skills, 'chips-skills'),
      (p.warnings || []).length ? el('ul', { class: 'warnings' }, p.warnings.map((w) => el('li', {}, w))) : null,
      el('p', { class: 'muted small' }, 'Stored as candidate ', el('code', {}, created.id), '. '),
      del,
      status,
    );
  }

  function jobCard(m, rank, open) {
    const reqs = m.requirements || [];
    const facts = [m.seniority, typeof m.minYears === 'number' ? `${m.minYears}+ years` : null].filter(Boolean);
    return resultCard(
      { idAttr: 'data-posting-id', id: m.postingId, rank, title: m.title || `Posting ${m.postingId}`, facts },
      m.score,
      countsLine(reqs),
      el(
        'div',
        { class: 'two-col' },
        el(
          'div',
          {},
          chips('You meet', skillsOf(reqs, 'met'), 'chips-met'),
          chips('Partly', skillsOf(reqs, 'partial'), 'chips-partial'),
          chips('Missing must-haves', skillsOf(reqs, 'missing', 'required'), 'chips-missing'),
        ),
        learnNextList(m.learnNext),
      ),
      requirementsDetails(reqs, `Requirements of ${m.title || m.postingId}`, open),
    );
  }

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (busy) {
      return;
    }
    busy = true;
    submit.disabled = true;
    clearProblem(errorSlot, fields);
    results.setAttribute('aria-busy', 'true');
    replace(results, loading('Reading your resume and ranking jobs…'));
    try {
      const created = await api.createCandidate(textInput.value);
      const summary = profileSummary(created);
      replace(results, summary, loading('Ranking jobs…'));
      const data = await api.matchesFor(created.id, kInput.value.trim());
      const list = data.matches || [];
      replace(
        results,
        summary,
        el('h3', {}, 'Jobs for you'),
        list.length
          ? el('p', { class: 'muted' }, `${list.length} best of the stored postings, best first. Scores run from 0 (no fit) to 100 (strong fit).`)
          : el('p', { class: 'empty' }, 'No postings are stored yet.'),
        el('ol', { class: 'result-list' }, list.map((m, i) => jobCard(m, i + 1, false))),
        list.length && list[0].model ? el('p', { class: 'muted small' }, 'Scored by model ', el('code', {}, list[0].model)) : null,
      );
    } catch (e) {
      const summary = results.querySelector('.profile-summary');
      replace(results, summary);
      showProblem(errorSlot, e, fields);
    } finally {
      results.setAttribute('aria-busy', 'false');
      busy = false;
      submit.disabled = false;
    }
  });
}
