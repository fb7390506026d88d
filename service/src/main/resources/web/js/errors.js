// Showing a Problem: a summary box (role=alert) with the title, the detail and every field at
// fault, and the message again under each form field it names.
import { el, replace, uid } from './dom.js';

/** Removes a shown problem and the field messages it added. */
export function clearProblem(slot, fields = {}) {
  replace(slot);
  for (const input of Object.values(fields)) {
    if (!input) {
      continue;
    }
    input.removeAttribute('aria-invalid');
    const msgId = input.dataset.errorId;
    if (msgId) {
      document.getElementById(msgId)?.remove();
      const rest = (input.getAttribute('aria-describedby') || '').split(/\s+/).filter((t) => t && t !== msgId);
      if (rest.length) {
        input.setAttribute('aria-describedby', rest.join(' '));
      } else {
        input.removeAttribute('aria-describedby');
      }
      delete input.dataset.errorId;
    }
  }
}

/**
 * Shows a problem in slot. fields maps a field name of the API ("text", "k") to the form control
 * that holds it; a field error naming one is shown under that control too.
 */
export function showProblem(slot, problem, fields = {}) {
  clearProblem(slot, fields);
  const title = problem && problem.title ? problem.title : 'Something went wrong';
  const detail = problem && problem.detail ? problem.detail : problem && problem.message ? problem.message : '';
  const errors = problem && Array.isArray(problem.errors) ? problem.errors : [];
  const status = problem && problem.status ? problem.status : null;

  let firstInvalid = null;
  for (const e of errors) {
    const input = fields[e.field];
    if (!input || input.dataset.errorId) {
      continue;
    }
    const id = uid('field-error');
    input.insertAdjacentElement('afterend', el('p', { class: 'field-error', id }, String(e.message ?? '')));
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', [input.getAttribute('aria-describedby'), id].filter(Boolean).join(' '));
    input.dataset.errorId = id;
    firstInvalid = firstInvalid || input;
  }

  const box = el(
    'div',
    { class: 'problem', role: 'alert', 'data-status': status },
    el('p', { class: 'problem-title' }, title, status ? el('span', { class: 'problem-status' }, ` (HTTP ${status})`) : null),
    detail ? el('p', { class: 'problem-detail' }, detail) : null,
    errors.length
      ? el(
          'ul',
          { class: 'problem-fields' },
          errors.map((e) => el('li', {}, el('code', {}, String(e.field ?? '')), ': ', String(e.message ?? ''))),
        )
      : null,
  );
  replace(slot, box);
  if (firstInvalid) {
    firstInvalid.focus();
  }
}
