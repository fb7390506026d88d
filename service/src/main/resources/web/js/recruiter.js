// The recruiter's view: pick a stored posting or paste one, then see every stored candidate
// ranked for it, requirement by requirement.
import { api } from './api.js';
import { el, num, replace } from './dom.js';
import { clearProblem, showProblem } from './errors.js';
import { chips, countsLine, loading, requirementsDetails, resultCard, skillsOf } from './render.js';

const PAGE = 100;
const MAX_PAGES = 20; // a select with 2,000 postings is already too long to use

export function initRecruiter() {
  const storedForm = document.getElementById('recruiter-stored');
  const pasteForm = document.getElementById('recruiter-paste');
  const select = document.getElementById('posting-select');
  const selectStatus = document.getElementById('posting-select-status');
  const kInput = document.getElementById('recruiter-k');
  const titleInput = document.getElementById('posting-title');
  const textInput = document.getElementById('posting-text');
  const errorSlot = document.getElementById('recruiter-error');
  const results = document.getElementById('recruiter-results');
  const storedFields = { k: kInput, id: select };
  const pasteFields = { text: textInput, title: titleInput, k: kInput };
  const titles = new Map(); // posting id -> title, for the results heading
  let busy = false;

  function option(id, title) {
    titles.set(id, title);
    return el('option', { value: id }, title ? title : `(untitled) ${id}`);
  }

  async function loadPostings() {
    select.disabled = true;
    replace(select, el('option', { value: '' }, 'Loading postings…'));
    try {
      const opts = [];
      let cursor = null;
      let pages = 0;
      do {
        const page = await api.postings(PAGE, cursor);
        for (const item of page.items || []) {
          if (item && item.id) {
            opts.push(option(item.id, item.posting && item.posting.title));
          }
        }
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor && pages < MAX_PAGES);
      if (opts.length) {
        replace(select, el('option', { value: '' }, 'Choose a posting…'), opts);
        selectStatus.textContent = `${opts.length} stored ${opts.length === 1 ? 'posting' : 'postings'}${cursor ? ' (the first ones)' : ''}`;
      } else {
        replace(select, el('option', { value: '' }, 'No stored postings yet'));
        selectStatus.textContent = 'No postings are stored yet: paste one.';
      }
      clearProblem(errorSlot, storedFields);
    } catch (e) {
      replace(select, el('option', { value: '' }, 'Postings could not be loaded'));
      selectStatus.textContent = '';
      showProblem(errorSlot, e, storedFields);
    } finally {
      select.disabled = false;
    }
  }

  function candidateCard(c, rank, open) {
    const facts = [];
    if (c.seniority) {
      facts.push(c.seniority);
    }
    if (typeof c.totalYears === 'number') {
      facts.push(`${num(c.totalYears)} years of experience`);
    }
    const reqs = c.requirements || [];
    return resultCard(
      { idAttr: 'data-candidate-id', id: c.candidateId, rank, title: c.headline || 'Candidate', facts },
      c.score,
      countsLine(reqs),
      chips('Missing must-haves', skillsOf(reqs, 'missing', 'required'), 'chips-missing'),
      requirementsDetails(reqs, `Requirements for candidate ${c.candidateId}`, open),
    );
  }

  async function rank(postingId, heading) {
    const k = kInput.value.trim();
    results.setAttribute('aria-busy', 'true');
    replace(results, loading('Ranking candidates…'));
    try {
      const data = await api.candidatesFor(postingId, k);
      const list = data.candidates || [];
      clearProblem(errorSlot, { ...storedFields, ...pasteFields });
      replace(
        results,
        el('h3', {}, 'Candidates for ', el('span', { class: 'posting-name' }, heading || titles.get(postingId) || postingId)),
        list.length
          ? el('p', { class: 'muted' }, `${list.length} best of the stored candidates, best first. Scores run from 0 (no fit) to 100 (strong fit).`)
          : el('p', { class: 'empty' }, 'No candidates are stored yet.'),
        el('ol', { class: 'result-list' }, list.map((c, i) => candidateCard(c, i + 1, i === 0))),
        modelNote(list),
      );
    } catch (e) {
      replace(results);
      showProblem(errorSlot, e, storedFields);
    } finally {
      results.setAttribute('aria-busy', 'false');
    }
  }

  async function guard(button, work) {
    if (busy) {
      return;
    }
    busy = true;
    button.disabled = true;
    try {
      await work();
    } finally {
      busy = false;
      button.disabled = false;
    }
  }

  storedForm.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const id = select.value;
    if (!id) {
      showProblem(errorSlot, { title: 'Choose a posting', detail: 'Pick a stored posting from the list first.',
        errors: [{ field: 'id', message: 'choose a posting' }] }, storedFields);
      return;
    }
    guard(document.getElementById('recruiter-rank'), () => rank(id));
  });

  pasteForm.addEventListener('submit', (ev) => {
    ev.preventDefault();
    guard(document.getElementById('recruiter-save'), async () => {
      clearProblem(errorSlot, { ...storedFields, ...pasteFields });
      let created;
      try {
        created = await api.createPosting(titleInput.value.trim(), textInput.value);
      } catch (e) {
        showProblem(errorSlot, e, pasteFields);
        return;
      }
      const title = created.posting && created.posting.title;
      select.appendChild(option(created.id, title));
      select.value = created.id;
      selectStatus.textContent = `Saved as posting ${created.id}.`;
      await rank(created.id, title);
    });
  });

  return { load: loadPostings };
}

function modelNote(list) {
  const model = list.length ? list[0].model : null;
  return model ? el('p', { class: 'muted small' }, 'Scored by model ', el('code', {}, model)) : null;
}
