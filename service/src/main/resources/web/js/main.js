// Entry point: the role tabs, the API key field, and both views.
import { api, apiKey, setApiKey } from './api.js';
import { initCandidate } from './candidate.js';
import { initRecruiter } from './recruiter.js';

const ROLES = ['recruiter', 'candidate'];

function initTabs(onShow) {
  const tabs = ROLES.map((r) => document.getElementById(`tab-${r}`));
  const panels = ROLES.map((r) => document.getElementById(`panel-${r}`));

  function show(role, focus) {
    const i = Math.max(0, ROLES.indexOf(role));
    tabs.forEach((t, j) => {
      t.setAttribute('aria-selected', String(i === j));
      t.tabIndex = i === j ? 0 : -1;
      panels[j].hidden = i !== j;
    });
    if (focus) {
      tabs[i].focus();
    }
    if (location.hash !== `#${ROLES[i]}`) {
      history.replaceState(null, '', `#${ROLES[i]}`);
    }
    onShow(ROLES[i]);
  }

  tabs.forEach((t, i) => {
    t.addEventListener('click', () => show(ROLES[i], false));
    t.addEventListener('keydown', (ev) => {
      const moves = { ArrowRight: 1, ArrowLeft: -1, Home: -i, End: tabs.length - 1 - i };
      if (ev.key in moves) {
        ev.preventDefault();
        show(ROLES[(i + moves[ev.key] + tabs.length) % tabs.length], true);
      }
    });
  });
  window.addEventListener('hashchange', () => show(location.hash.slice(1), false));
  show(location.hash.slice(1), false);
}

function initKey(onChange) {
  const form = document.getElementById('key-form');
  const input = document.getElementById('api-key');
  const clear = document.getElementById('key-clear');
  const status = document.getElementById('key-status');
  const describe = () => {
    status.textContent = apiKey() ? 'A key is set for this tab and sent with every call.' : 'No key: calls go without one.';
  };
  input.value = apiKey();
  describe();
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    input.value = setApiKey(input.value);
    describe();
    onChange();
  });
  clear.addEventListener('click', () => {
    input.value = setApiKey('');
    describe();
    onChange();
  });
}

async function showModel() {
  try {
    const h = await api.health();
    const line = document.getElementById('model-line');
    line.textContent = `Service up · ${h.taxonomySkills} skills in the taxonomy · model ${h.model}`;
  } catch {
    // the footer is only informative
  }
}

const recruiter = initRecruiter();
initCandidate();
let postingsLoaded = false;
initTabs((role) => {
  if (role === 'recruiter' && !postingsLoaded) {
    postingsLoaded = true;
    recruiter.load();
  }
});
initKey(() => {
  postingsLoaded = true;
  recruiter.load(); // the list may now be readable with the new key
});
showModel();
document.documentElement.dataset.ready = 'true';
