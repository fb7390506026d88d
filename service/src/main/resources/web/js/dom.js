// Small DOM helpers. Text from the server only ever becomes text nodes or attribute values:
// nothing here parses HTML.

/**
 * Builds an element: el('p', {class: 'x'}, 'text', child). Attributes are set with setAttribute
 * (null/false skip one, true sets it empty); string and number children become text nodes.
 */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) {
      continue;
    }
    if (Array.isArray(c)) {
      append(node, c);
    } else if (c instanceof Node) {
      node.appendChild(c);
    } else {
      node.appendChild(document.createTextNode(String(c)));
    }
  }
}

/** Replaces an element's children. */
export function replace(node, ...children) {
  node.replaceChildren();
  append(node, children);
}

let ids = 0;
/** A fresh id for aria-describedby / aria-controls links. */
export function uid(prefix) {
  ids += 1;
  return `${prefix}-${ids}`;
}

/** A number with at most one decimal, without a trailing ".0". */
export function num(x) {
  if (typeof x !== 'number' || !Number.isFinite(x)) {
    return '';
  }
  return String(Math.round(x * 10) / 10);
}

/** Pluralises: plural(3, 'year') is "3 years". */
export function plural(n, word, many = `${word}s`) {
  return `${num(n)} ${n === 1 ? word : many}`;
}
