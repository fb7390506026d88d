// Calls to the skillmatch HTTP API. Every /v1 call carries the API key, when one is set, as
// "Authorization: Bearer <key>"; errors come back as Problem (the service's problem+json shape).

const KEY_STORAGE = 'skillmatch.apiKey';

/** The API key kept for this browser tab, or "" when none. */
export function apiKey() {
  try {
    return sessionStorage.getItem(KEY_STORAGE) || '';
  } catch {
    return ''; // storage disabled: behave as if no key were set
  }
}

/** Keeps the key for this tab only (sessionStorage); an empty key removes it. */
export function setApiKey(key) {
  const k = (key || '').trim();
  try {
    if (k) {
      sessionStorage.setItem(KEY_STORAGE, k);
    } else {
      sessionStorage.removeItem(KEY_STORAGE);
    }
  } catch {
    // storage disabled: the key cannot be kept
  }
  return k;
}

/** An API error: status, title, detail and the fields at fault ({field, message}). */
export class Problem extends Error {
  constructor(status, title, detail, errors = []) {
    super(detail ? `${title}: ${detail}` : title);
    this.name = 'Problem';
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.errors = Array.isArray(errors) ? errors.filter((e) => e && typeof e === 'object') : [];
  }
}

const HINTS = {
  401: 'This service asks for an API key: enter yours in "API key" at the top of the page.',
  403: 'Your API key is not allowed to do this.',
};

/** Sends a request; resolves with the parsed JSON body (null for 204), rejects with a Problem. */
export async function call(method, path, body) {
  const headers = { Accept: 'application/json, application/problem+json' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const key = apiKey();
  if (key && path.startsWith('/v1/')) {
    headers.Authorization = `Bearer ${key}`;
  }
  let res;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch (e) {
    throw new Problem(0, 'Could not reach the service', e && e.message ? e.message : String(e));
  }
  if (res.status === 204) {
    return null;
  }
  const type = res.headers.get('Content-Type') || '';
  let data = null;
  if (type.includes('json')) {
    try {
      data = await res.json();
    } catch {
      data = null;
    }
  }
  if (!res.ok) {
    const p = data && typeof data === 'object' ? data : {};
    const title = typeof p.title === 'string' && p.title ? p.title : `HTTP ${res.status}`;
    let detail = typeof p.detail === 'string' ? p.detail : res.statusText || '';
    if (HINTS[res.status]) {
      detail = detail ? `${detail} — ${HINTS[res.status]}` : HINTS[res.status];
    }
    throw new Problem(res.status, title, detail, p.errors);
  }
  if (data === null) {
    throw new Problem(res.status, 'Unexpected response', `expected JSON from ${method} ${path}, got ${type || 'nothing'}`);
  }
  return data;
}

export const api = {
  health: () => call('GET', '/health'),
  model: () => call('GET', '/v1/model'),
  postings: (limit, cursor) =>
    call('GET', `/v1/postings?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`),
  createPosting: (title, text) => call('POST', '/v1/postings', title ? { title, text } : { text }),
  candidatesFor: (postingId, k) => call('GET', `/v1/postings/${encodeURIComponent(postingId)}/candidates?k=${encodeURIComponent(k)}`),
  candidate: (id) => call('GET', `/v1/candidates/${encodeURIComponent(id)}`),
  createCandidate: (text) => call('POST', '/v1/candidates', { text }),
  deleteCandidate: (id) => call('DELETE', `/v1/candidates/${encodeURIComponent(id)}`),
  matchesFor: (candidateId, k) => call('GET', `/v1/candidates/${encodeURIComponent(candidateId)}/matches?k=${encodeURIComponent(k)}`),
};
