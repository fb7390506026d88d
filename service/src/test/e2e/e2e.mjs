// End-to-end test of the skillmatch web page in headless Chromium (Debian's binary, driven by
// playwright-core). It starts nothing: give it the base URL of a running service that holds the
// demo data (`./skillmatch serve --demo yes`); run.sh does all of that.
//
//   node e2e.mjs http://127.0.0.1:8099 [SCREENSHOT_DIR]
//
// Exits non-zero when any step fails; a failing step leaves e2e-failure-N.png in the screenshot
// folder's parent temp dir (printed).
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const base = (process.argv[2] || process.env.BASE_URL || '').replace(/\/+$/, '');
if (!/^https?:\/\/[^/]+$/.test(base)) {
  console.error('usage: node e2e.mjs BASE_URL [SCREENSHOT_DIR]   (e.g. http://127.0.0.1:8099)');
  process.exit(2);
}
const shotDir = resolve(process.argv[3] || process.env.SCREENSHOT_DIR || '.');
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const origin = new URL(base).origin;
const WAIT = 30_000;

const RESUME = `Dana Example
Backend Engineer

EXPERIENCE
Backend Engineer, Parcelworks, Jan 2020 - present
- Python (FastAPI) services on AWS (ECS, Lambda, DynamoDB) that consume Apache Kafka topics.
- PostgreSQL schema design and query tuning; Docker and Terraform for every service.

Software Developer, Ledgerline, Jun 2016 - Dec 2019
- Django REST APIs and Celery workers; SQL reporting.

SKILLS
Python (8 years), Kafka, AWS, PostgreSQL, Docker, Terraform, Git, Linux
`;

const XSS_POSTING = `Go Engineer (Postgres <img src=x onerror=window.__xss=1> team)

Requirements:
- 3+ years of Golang
- PostgreSQL
- Kubernetes is a plus`;

let passed = 0;
let failed = 0;
const failures = [];
const started = Date.now();

const userDataDir = mkdtempSync(join(tmpdir(), 'skillmatch-e2e-chromium-'));
const failDir = mkdtempSync(join(tmpdir(), 'skillmatch-e2e-failures-'));
mkdirSync(shotDir, { recursive: true });

const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath,
  headless: true,
  // this closed network: no QUIC, no background fetches, no component or sync traffic
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
  viewport: { width: 1280, height: 900 },
  deviceScaleFactor: 1,
  locale: 'en-US',
  timeout: 60_000,
});
const page = context.pages()[0] || (await context.newPage());
page.setDefaultTimeout(WAIT);

// Nothing may come from elsewhere (no CDN); record and refuse it.
const foreign = [];
await context.route('**/*', (route) => {
  const url = route.request().url();
  if (url.startsWith('data:') || new URL(url).origin === origin) {
    return route.continue();
  }
  foreign.push(url);
  return route.abort();
});

// Script errors and CSP refusals fail the run; "Failed to load resource" is the browser noting a
// 4xx the page asked for on purpose (the error flow), so it is left out.
const pageErrors = [];
page.on('pageerror', (e) => pageErrors.push(`pageerror: ${e.message}`));
page.on('console', (m) => {
  if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) {
    pageErrors.push(`console: ${m.text()}`);
  }
});

const v1Requests = [];
page.on('request', (r) => {
  const u = new URL(r.url());
  if (u.origin === origin && u.pathname.startsWith('/v1/')) {
    v1Requests.push({ path: u.pathname + u.search, auth: r.headers().authorization ?? null });
  }
});

function check(cond, message) {
  if (!cond) {
    throw new Error(message);
  }
}

async function step(name, fn) {
  const t0 = Date.now();
  try {
    await fn();
    passed += 1;
    console.log(`ok   ${name} (${Date.now() - t0} ms)`);
  } catch (e) {
    failed += 1;
    const shot = join(failDir, `e2e-failure-${failed}.png`);
    await page.screenshot({ path: shot, fullPage: true }).catch(() => {});
    failures.push(`${name}: ${e.message.split('\n')[0]}`);
    console.log(`FAIL ${name} (${Date.now() - t0} ms)\n     ${e.message.split('\n').join('\n     ')}\n     screenshot: ${shot}`);
  }
}

/** Scores shown on the cards of a result list, in order. */
async function scores(results) {
  return page.locator(`${results} .result .score`).evaluateAll((els) => els.map((e) => Number(e.dataset.score)));
}

function descending(xs) {
  return xs.every((x, i) => i === 0 || xs[i - 1] >= x);
}

await step('the page loads from the service with its modules and styles', async () => {
  const res = await page.goto(`${base}/`, { waitUntil: 'load' });
  check(res && res.status() === 200, `GET / answered ${res && res.status()}`);
  check((res.headers()['content-type'] || '').startsWith('text/html'), 'GET / is not text/html');
  check((await page.title()) === 'skillmatch', `title is "${await page.title()}"`);
  await page.waitForSelector('html[data-ready="true"]');
  check((await page.getAttribute('#tab-recruiter', 'aria-selected')) === 'true', 'the recruiter tab is not selected first');
  const bg = await page.evaluate(() => getComputedStyle(document.querySelector('.card')).borderTopStyle);
  check(bg === 'solid', 'styles.css did not apply');
});

await step('recruiter: the stored demo postings are offered', async () => {
  await page.waitForFunction(() => document.querySelectorAll('#posting-select option[value]:not([value=""])').length >= 1);
  const labels = await page.locator('#posting-select option').allTextContents();
  check(labels.includes('Senior Python Backend Engineer (AWS, Kafka)'), `demo posting missing from ${JSON.stringify(labels)}`);
});

await step('recruiter: a demo posting ranks candidates with met / partial / missing and evidence', async () => {
  await page.selectOption('#posting-select', { label: 'Senior Python Backend Engineer (AWS, Kafka)' });
  await page.fill('#recruiter-k', '5');
  await page.click('#recruiter-rank');
  await page.waitForSelector('#recruiter-results .result');
  const cards = page.locator('#recruiter-results .result');
  const n = await cards.count();
  check(n >= 2 && n <= 5, `expected 2-5 candidates, got ${n}`);
  const s = await scores('#recruiter-results');
  check(s.every((x) => x >= 0 && x <= 100), `scores out of 0-100: ${s}`);
  check(descending(s), `scores not best first: ${s}`);
  const heading = await page.textContent('#recruiter-results h3');
  check(heading.includes('Senior Python Backend Engineer'), `results heading: ${heading}`);
  const first = cards.first();
  check(await first.locator('details.req-details').evaluate((d) => d.open), 'first card is not expanded');
  const rows = first.locator('tbody tr');
  check((await rows.count()) >= 5, 'first card lists too few requirements');
  check((await first.locator('tr[data-status="met"] .status').first().textContent()).includes('Met'), 'no "Met" marker');
  check((await page.locator('#recruiter-results tr[data-status="missing"] .status').count()) >= 1, 'no "Missing" marker in any card');
  check((await first.locator('.req-evidence q').count()) >= 1, 'no evidence quoted');
  check(/\d+ met/.test(await first.locator('.counts').textContent()), 'no met count');
  const title = await first.locator('h4').textContent();
  check(title.replace('Rank 1:', '').trim().length > 0, 'first candidate has no label');
  await page.mouse.move(0, 0);
  await page.screenshot({ path: join(shotDir, 'screenshot.png'), fullPage: true, clip: { x: 0, y: 0, width: 1280, height: 1500 } });
});

await step('the API key is sent as a bearer token on /v1 calls, and not once cleared', async () => {
  v1Requests.length = 0;
  await page.fill('#api-key', 'e2e-test-key');
  await page.click('#key-form button[type="submit"]');
  await page.waitForFunction(() => document.querySelectorAll('#posting-select option').length > 1);
  await page.selectOption('#posting-select', { label: 'Junior Python Developer' });
  await page.click('#recruiter-rank');
  await page.waitForSelector('#recruiter-results h3:has-text("Junior Python Developer")');
  check(v1Requests.length >= 2, `too few /v1 requests seen: ${JSON.stringify(v1Requests)}`);
  check(v1Requests.every((r) => r.auth === 'Bearer e2e-test-key'), `a /v1 call went without the key: ${JSON.stringify(v1Requests)}`);
  check((await page.evaluate(() => sessionStorage.getItem('skillmatch.apiKey'))) === 'e2e-test-key', 'key not in sessionStorage');
  check((await page.textContent('#key-status')).includes('key is set'), 'key status not shown');
  v1Requests.length = 0;
  await page.click('#key-clear');
  await page.waitForFunction(() => document.querySelectorAll('#posting-select option').length > 1);
  await page.waitForTimeout(100);
  check(v1Requests.length >= 1 && v1Requests.every((r) => r.auth === null), `key still sent after clearing: ${JSON.stringify(v1Requests)}`);
  check((await page.evaluate(() => sessionStorage.getItem('skillmatch.apiKey'))) === null, 'key left in sessionStorage');
});

await step('error: an empty resume shows the service\'s field error next to the field', async () => {
  await page.click('#tab-candidate');
  check(await page.isVisible('#panel-candidate'), 'candidate panel not shown');
  check(await page.isHidden('#panel-recruiter'), 'recruiter panel still shown');
  check(new URL(page.url()).hash === '#candidate', `hash is ${new URL(page.url()).hash}`);
  await page.fill('#resume-text', '');
  await page.click('#candidate-submit');
  const alert = page.locator('#candidate-error [role="alert"]');
  await alert.waitFor();
  const text = await alert.textContent();
  check(text.includes('Unusable text') && text.includes('422'), `alert: ${text}`);
  check(text.includes('text') && text.includes('text is empty'), `alert lacks the field error: ${text}`);
  check((await page.getAttribute('#resume-text', 'aria-invalid')) === 'true', 'resume field not marked invalid');
  const describedBy = (await page.getAttribute('#resume-text', 'aria-describedby')) || '';
  const fieldMsg = page.locator('#candidate-form .field-error');
  check((await fieldMsg.textContent()) === 'text is empty', 'no message under the field');
  check(describedBy.split(' ').includes(await fieldMsg.getAttribute('id')), 'field message not linked by aria-describedby');
  check((await page.evaluate(() => document.activeElement && document.activeElement.id)) === 'resume-text', 'focus not on the field');
});

await step('candidate: a pasted resume gets ranked jobs with what it meets and what to learn next', async () => {
  await page.fill('#resume-text', RESUME);
  await page.fill('#candidate-k', '5');
  await page.click('#candidate-submit');
  await page.waitForSelector('#candidate-results .result');
  check((await page.locator('#candidate-error [role="alert"]').count()) === 0, 'old error still shown');
  check((await page.getAttribute('#resume-text', 'aria-invalid')) === null, 'field still marked invalid');
  const summary = await page.textContent('#candidate-results .profile-summary');
  check(summary.includes('Backend Engineer') && /skills found/.test(summary), `profile summary: ${summary}`);
  const cards = page.locator('#candidate-results .result');
  const n = await cards.count();
  check(n >= 2 && n <= 5, `expected 2-5 jobs, got ${n}`);
  const s = await scores('#candidate-results');
  check(s.every((x) => x >= 0 && x <= 100) && descending(s), `scores: ${s}`);
  const titles = await cards.locator('h4').allTextContents();
  check(titles.some((t) => t.includes('Python')), `no Python job among ${JSON.stringify(titles)}`);
  const first = cards.first();
  check((await first.locator('.chips-met .chip').count()) >= 1, 'first job shows nothing met');
  check((await page.locator('#candidate-results .learn-next li').count()) >= 1, 'no learnNext shown');
  check(/points/.test(await page.locator('#candidate-results .learn-next li').first().textContent()), 'learnNext gain missing');
  await page.mouse.move(0, 0);
  const top = await page.locator('#candidate-results').evaluate((e) => e.getBoundingClientRect().top + window.scrollY);
  await page.screenshot({
    path: join(shotDir, 'screenshot-candidate.png'),
    fullPage: true,
    clip: { x: 0, y: Math.max(0, top - 16), width: 1280, height: 1300 },
  });
  // the requirement table opens on demand
  await first.locator('details.req-details > summary').click();
  check(await first.locator('table.reqs').isVisible(), 'requirements table did not open');
});

await step('candidate: the stored resume can be deleted', async () => {
  await page.click('[data-action="delete-resume"]');
  await page.waitForSelector('#candidate-results .profile-summary [role="status"]:has-text("deleted")');
});

await step('recruiter: a pasted posting is saved and ranked, its text shown as text (no markup injected)', async () => {
  // after the candidate flow, so the screenshots show only the demo postings
  await page.click('#tab-recruiter');
  await page.fill('#posting-text', XSS_POSTING);
  await page.fill('#recruiter-k', '3');
  await page.click('#recruiter-save');
  await page.waitForSelector('#recruiter-results h3:has-text("Go Engineer")');
  await page.waitForSelector('#recruiter-results .result');
  const heading = await page.textContent('#recruiter-results h3');
  check(heading.includes('<img src=x onerror=window.__xss=1>'), `the title was not shown literally: ${heading}`);
  check((await page.locator('#recruiter-results img, #posting-select img').count()) === 0, 'server text became markup');
  check((await page.evaluate(() => window.__xss)) === undefined, 'injected script ran');
  check((await page.locator('#posting-select option:checked').textContent()).startsWith('Go Engineer'), 'new posting not selected');
  check((await page.locator('#recruiter-results tr[data-skill-id="go"]').count()) >= 1, 'Go requirement not shown');
});

await step('error: a k out of range shows the field error under "How many candidates"', async () => {
  await page.click('#tab-recruiter');
  await page.selectOption('#posting-select', { label: 'Junior Python Developer' });
  await page.fill('#recruiter-k', '500');
  await page.click('#recruiter-rank');
  const alert = page.locator('#recruiter-error [role="alert"]');
  await alert.waitFor();
  check((await alert.textContent()).includes('400'), `alert: ${await alert.textContent()}`);
  check((await page.getAttribute('#recruiter-k', 'aria-invalid')) === 'true', 'k not marked invalid');
  check(/between 1 and 100/.test(await page.locator('#recruiter-stored .field-error').textContent()), 'no k message');
  await page.fill('#recruiter-k', '3');
  await page.click('#recruiter-rank');
  await page.waitForSelector('#recruiter-results .result');
  check((await page.locator('#recruiter-error [role="alert"]').count()) === 0, 'error not cleared after success');
});

await step('error: a 401 from the service (keys configured) shows its problem and asks for a key', async () => {
  // the service answers 401 once API keys are configured; simulated here, as the demo runs open
  await page.route('**/v1/postings?*', (route) => route.fulfill({
    status: 401,
    contentType: 'application/problem+json',
    body: JSON.stringify({ type: 'https://skillmatch.dev/problems/unauthorized', title: 'Unauthorized', status: 401,
      detail: 'a valid API key is required', errors: [] }),
  }));
  try {
    await page.click('#key-clear');
    const alert = page.locator('#recruiter-error [role="alert"]');
    await alert.waitFor();
    const text = await alert.textContent();
    check(text.includes('Unauthorized') && text.includes('401') && text.includes('a valid API key is required'), `alert: ${text}`);
    check(text.includes('API key'), `no hint to enter a key: ${text}`);
  } finally {
    await page.unroute('**/v1/postings?*');
  }
  await page.click('#key-clear');
  await page.waitForFunction(() => document.querySelectorAll('#posting-select option').length > 1);
  check((await page.locator('#recruiter-error [role="alert"]').count()) === 0, 'error not cleared after reload');
});

await step('nothing was fetched from another origin, and no script error or CSP refusal', async () => {
  check(foreign.length === 0, `foreign requests: ${foreign.join(', ')}`);
  check(pageErrors.length === 0, pageErrors.join('\n'));
});

await context.close();
rmSync(userDataDir, { recursive: true, force: true });
if (!failed) {
  rmSync(failDir, { recursive: true, force: true });
}
console.log(`e2e: ${((Date.now() - started) / 1000).toFixed(1)} s, screenshots in ${shotDir}`);
for (const f of failures) {
  console.log(`  failed: ${f}`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
