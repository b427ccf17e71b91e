// The core flows of Slant in Debian's firefox-esr, driven over WebDriver BiDi by puppeteer-core (which
// downloads no browser). Run by FirefoxCoreFlowsIT, which starts the real server and this script once:
//
//   node core-flows.mjs        (environment: SLANT_FIREFOX = the browser, SLANT_SCREENSHOTS = a folder)
//
// It launches one headless Firefox, prints {"ready": true, "version": …} on stdout, then reads one request a
// line on stdin, {"flow": NAME, "baseUrl": …, …}, runs that flow in a browser context of its own (its own
// cookies, so its own sign-in), and answers one line: {"ok": true, "result": …} or {"ok": false, "message": …}.
// A failed flow leaves a screenshot, SLANT_SCREENSHOTS/firefox-NAME.png. Log lines go to stderr.
//
// Only real input reaches the page: typing, key presses, mouse moves, drags and clicks through the protocol's
// input actions. Scripts in the page only read what it shows, find where a phrase is drawn, and call the API.
import puppeteer from 'puppeteer-core';
import { createInterface } from 'node:readline';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const FIREFOX = process.env.SLANT_FIREFOX || '/usr/bin/firefox-esr';
const SCREENSHOTS = process.env.SLANT_SCREENSHOTS || 'screenshots';
const FLOW_TIMEOUT_MS = Number(process.env.SLANT_FLOW_TIMEOUT_MS || 90_000);

const log = (...args) => console.error('[firefox]', ...args);
const reply = (obj) => process.stdout.write(JSON.stringify(obj) + '\n');

class FlowFailure extends Error {}

function check(condition, message) {
  if (!condition) throw new FlowFailure(message);
}

function checkEqual(actual, expected, what) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  check(a === e, `${what}: expected ${e} but was ${a}`);
}

/** Polls fn (in Node) until it returns a truthy value; fails naming what was awaited and what was seen last. */
async function eventually(what, fn, timeoutMs = 10_000) {
  const until = Date.now() + timeoutMs;
  let last;
  for (;;) {
    last = await fn();
    if (last && last.ok !== false) return last;
    if (Date.now() > until) {
      throw new FlowFailure(`${what}: not so after ${timeoutMs} ms` + (last?.seen !== undefined ? `; seen: ${JSON.stringify(last.seen)}` : ''));
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Code point offsets of the n-th occurrence of phrase in text (what the server stores), end exclusive. */
function codePointRange(text, phrase, occurrence = 0) {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(phrase, at + 1);
    if (at < 0) throw new FlowFailure(`"${phrase}" does not occur ${occurrence + 1} times in the document`);
  }
  const start = [...text.slice(0, at)].length;
  return { start, end: start + [...phrase].length, utf16: at };
}

/**
 * The secret inside a CSRF token as Spring Security renders it: each rendering masks the one secret anew
 * (base64url of random bytes, then those bytes XOR the secret), so two renderings of one token differ.
 */
function csrfSecret(token) {
  if (!token) return null;
  const bytes = Buffer.from(token, 'base64url');
  const half = bytes.length / 2;
  return Buffer.from(bytes.subarray(half).map((b, i) => b ^ bytes[i])).toString('latin1');
}

// ---- the page ----

async function signIn(page, baseUrl, user, password) {
  await page.goto(`${baseUrl}/login`);
  await submitLogin(page, user, password);
}

/** Types into the login form of the page shown (Vaadin draws it after load) and presses Enter. */
async function submitLogin(page, user, password) {
  const name = await page.waitForSelector("vaadin-login-form input[name='username']", { visible: true });
  await name.type(user);
  await page.type("vaadin-login-form input[name='password']", password);
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  check(!page.url().includes('/login'), `signing in as ${user} stayed on ${page.url()}`);
}

/** Opens a document and waits until the annotator has drawn its text (and knows it). */
async function openDocument(page, baseUrl, id) {
  await page.goto(`${baseUrl}/documents/${id}`);
  await page.waitForSelector('slant-annotator p');
  await page.waitForFunction(() => document.querySelector('slant-annotator').text?.length > 0);
}

/** GET from the API with the page's session, as the page's own scripts would. */
async function api(page, path) {
  return page.evaluate(async (p) => {
    const r = await fetch(p, { headers: { Accept: 'application/json' } });
    return { status: r.status, body: await r.text() };
  }, path);
}

async function apiJson(page, path) {
  const { status, body } = await api(page, path);
  check(status === 200, `GET ${path} answered ${status}: ${body}`);
  return JSON.parse(body);
}

async function layer(page, docId, annotator) {
  return apiJson(page, `/api/documents/${encodeURIComponent(docId)}/layers/${encodeURIComponent(annotator)}`);
}

async function documentText(page, docId) {
  return (await apiJson(page, `/api/documents/${encodeURIComponent(docId)}/export?format=json`)).document.text;
}

/**
 * Where the n-th occurrence of a phrase is drawn: a point inside the left edge of its first character and one
 * inside the right edge of its last (a press there puts the caret before, a release after). Scrolls it into view.
 */
async function phrasePoints(page, phrase, occurrence = 0) {
  const found = await page.evaluate((phrase, occurrence) => {
    const root = document.querySelector('slant-annotator');
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => (n.parentElement.closest('.tag, .kb-status, [hidden]') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT) });
    const nodes = [];
    let all = '';
    for (let n = walker.nextNode(); n; n = walker.nextNode()) { nodes.push([n, all.length]); all += n.data; }
    let at = -1;
    for (let i = 0; i <= occurrence; i++) { at = all.indexOf(phrase, at + 1); if (at < 0) return { error: `"${phrase}" is not shown ${occurrence + 1} times` }; }
    const locate = (pos) => { for (const [n, o] of nodes) if (pos < o + n.data.length) return [n, pos - o]; return null; };
    // one character (a whole surrogate pair when it is one) as a DOM range
    const charRange = (pos) => {
      const [n, o] = locate(pos);
      const code = n.data.codePointAt(o);
      const r = document.createRange();
      r.setStart(n, o);
      r.setEnd(n, o + (code > 0xffff ? 2 : 1));
      return r;
    };
    let lastPos = at + phrase.length - 1;
    const low = phrase.charCodeAt(phrase.length - 1);
    if (low >= 0xdc00 && low <= 0xdfff) lastPos--; // the phrase ends in an astral character
    charRange(at).startContainer.parentElement.scrollIntoView({ block: 'center', behavior: 'instant' });
    const first = charRange(at).getBoundingClientRect();
    const last = charRange(lastPos).getBoundingClientRect();
    return {
      from: { x: first.left + Math.min(1, first.width / 4), y: first.top + first.height / 2 },
      to: { x: last.right - Math.min(1, last.width / 4), y: last.top + last.height / 2 },
      middle: { x: (first.left + first.right) / 2, y: first.top + first.height / 2 },
    };
  }, phrase, occurrence);
  check(!found.error, found.error);
  return found;
}

/** Selects a phrase as a person does: presses the mouse before its first character and drags past its last. */
async function dragSelect(page, phrase, occurrence = 0) {
  const { from, to } = await phrasePoints(page, phrase, occurrence);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 3 });
  await page.mouse.move(to.x, to.y, { steps: 3 });
  await page.mouse.up();
  const selected = await page.evaluate(() => {
    const root = document.querySelector('slant-annotator');
    const r = root.selectedRange();
    return { dom: window.getSelection().toString(), element: r && root.text.substring(r[0], r[1]) };
  });
  checkEqual(selected, { dom: phrase, element: phrase }, `dragging over "${phrase}" selects (in the page, in the annotator)`);
}

/** The text of every highlighted segment carrying the label, in document order. */
async function highlighted(page, label) {
  return page.evaluate((label) => [...document.querySelectorAll('slant-annotator .seg')]
    .filter((e) => e.dataset.labels.split(' ').includes(label)).map((e) => e.textContent), label);
}

async function waitForHighlight(page, label, text, what) {
  await eventually(what, async () => {
    const seen = (await highlighted(page, label)).join('');
    return seen === text ? true : { ok: false, seen };
  });
}

/** What a span looks like: its tint, underline and the tag drawn before it. */
async function looks(page, label) {
  return page.evaluate((label) => {
    const seg = document.querySelector(`slant-annotator .seg[data-labels~="${label}"]`);
    const tag = seg && document.querySelector(`slant-annotator .tag[data-tag-for="${seg.dataset.ids.split(' ')[0]}"]`);
    const style = seg && getComputedStyle(seg);
    return seg && { background: style.backgroundColor, decoration: style.textDecorationStyle, tag: tag?.textContent ?? null,
      tagIsBefore: !!tag && tag.nextElementSibling === seg };
  }, label);
}

async function checkLooks(page, label, tagWord, decoration) {
  const seen = await looks(page, label);
  check(seen, `no segment labelled ${label} is drawn`);
  check(seen.background !== 'rgba(0, 0, 0, 0)' && seen.background !== 'transparent', `the ${label} span has no tint: ${JSON.stringify(seen)}`);
  checkEqual(seen.decoration, decoration, `the ${label} span's underline`);
  check(seen.tag?.includes(tagWord) && seen.tagIsBefore, `the ${label} span has no ${tagWord} tag right before it: ${JSON.stringify(seen)}`);
}

/** Checks the saved layer holds exactly the expected spans, by label, text and code point offsets. */
async function checkSaved(page, docId, annotator, expected, what) {
  const text = await documentText(page, docId);
  const want = expected.map(({ label, phrase, occurrence }) => ({ label, text: phrase, ...codePointRange(text, phrase, occurrence) }))
    .map(({ label, text: t, start, end }) => ({ label, start, end, text: t }))
    .sort((a, b) => a.start - b.start);
  await eventually(`${what}: the layer ${annotator} of ${docId} holds ${JSON.stringify(want)}`, async () => {
    const spans = (await layer(page, docId, annotator)).spans.map(({ label, start, end, text: t }) => ({ label, start, end, text: t }))
      .sort((a, b) => a.start - b.start);
    return JSON.stringify(spans) === JSON.stringify(want) ? true : { ok: false, seen: spans };
  });
  return want;
}

async function status(page) {
  return page.$eval('slant-annotator .kb-status', (e) => e.textContent);
}

async function keys(page, ...names) {
  for (const k of names) await page.keyboard.press(k);
}

async function shift(page, key, times) {
  await page.keyboard.down('Shift');
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
  await page.keyboard.up('Shift');
}

// ---- the flows ----

const flows = {
  /** The login form as a browser submits it: the page's CSRF token goes with the name and password. */
  async signIn(page, { baseUrl, user, password }) {
    const posts = [];
    page.on('request', (r) => { if (r.method() === 'POST' && new URL(r.url()).pathname === '/login') posts.push(r); });
    await page.goto(`${baseUrl}/login`);
    const token = await page.$eval('meta[name="_csrf"]', (m) => m.content).catch(() => null);
    check(token, 'the login page carries no CSRF token (<meta name="_csrf">)');
    checkEqual((await api(page, '/api/documents')).status, 401, 'the API before signing in');
    await submitLogin(page, user, password);
    checkEqual(posts.length, 1, 'sign-in form posts to /login');
    const form = new URLSearchParams(await posts[0].fetchPostData());
    checkEqual({ csrf: csrfSecret(form.get('_csrf')), username: form.get('username') }, { csrf: csrfSecret(token), username: user },
      'the form posted with the page\'s CSRF token');
    const list = await apiJson(page, '/api/documents');
    check(list.documents.some((d) => d.id === 'peace-talks'), `signed in, the document list lacks the sample: ${JSON.stringify(list)}`);
    return { landedOn: new URL(page.url()).pathname };
  },

  /** The sample document: drag over a phrase, press a label key; it is highlighted with its tag, saved, and still there after a reload. */
  async labelWithTheMouse(page, { baseUrl, user, password, document: doc, phrase, key, label, tagWord, decoration }) {
    await signIn(page, baseUrl, user, password);
    await openDocument(page, baseUrl, doc);
    await dragSelect(page, phrase);
    await page.keyboard.press(key);
    await waitForHighlight(page, label, phrase, `after ${key}, "${phrase}" is highlighted as ${label}`);
    await checkLooks(page, label, tagWord, decoration);
    const saved = await checkSaved(page, doc, user, [{ label, phrase }], `after ${key}`);
    await page.reload();
    await page.waitForSelector('slant-annotator p');
    await waitForHighlight(page, label, phrase, `after a reload, "${phrase}" is still highlighted as ${label}`);
    await checkLooks(page, label, tagWord, decoration);
    return { saved };
  },

  /** Keyboard only: Tab into the article, arrows to a word, Shift+arrows to a phrase, a label key; then S for a sentence. */
  async labelWithTheKeyboard(page, { baseUrl, user, password, document: doc }) {
    await signIn(page, baseUrl, user, password);
    await openDocument(page, baseUrl, doc);
    const focused = () => page.evaluate(() => document.activeElement?.localName === 'slant-annotator');
    for (let i = 0; i < 40 && !(await focused()); i++) await page.keyboard.press('Tab');
    check(await focused(), 'Tab never reaches the article');
    checkEqual(await status(page), 'Talks', 'the caret at the start');
    await keys(page, 'ArrowDown');
    checkEqual(await status(page), 'Officials', 'ArrowDown: the caret at the next sentence');
    await keys(page, 'ArrowDown', 'ArrowRight', 'ArrowRight', 'ArrowRight');
    checkEqual(await status(page), 'a', 'ArrowDown, ArrowRight ×3: the caret');
    await shift(page, 'ArrowRight', 4);
    checkEqual(await status(page), 'Selected: a cruel auction" on', 'Shift+ArrowRight ×4');
    await shift(page, 'ArrowLeft', 1);
    checkEqual(await status(page), 'Selected: a cruel auction', 'Shift+ArrowLeft');
    checkEqual(await page.evaluate(() => window.getSelection().toString()), 'a cruel auction', 'the page\'s selection');
    await keys(page, '1');
    await waitForHighlight(page, 'sensational', 'a cruel auction', 'after 1, the phrase is highlighted as sensational');
    await checkSaved(page, doc, user, [{ label: 'sensational', phrase: 'a cruel auction' }], 'after 1');
    await keys(page, 'ArrowDown');
    checkEqual(await status(page), 'The', 'ArrowDown after labelling: the caret at the last sentence');
    await keys(page, 's');
    checkEqual(await status(page), 'Selected: The 🚀 envoy left early.', 'S selects the sentence');
    await keys(page, '4');
    await waitForHighlight(page, 'fact', 'The 🚀 envoy left early.', 'after 4, the sentence is highlighted as fact');
    return { saved: await checkSaved(page, doc, user, [{ label: 'sensational', phrase: 'a cruel auction' },
      { label: 'fact', phrase: 'The 🚀 envoy left early.' }], 'after 4') };
  },

  /** Drag and label a phrase after emoji, click the span to select it, Delete removes it, Ctrl+Z brings it back. */
  async deleteAndUndo(page, { baseUrl, user, password, document: doc, phrase }) {
    await signIn(page, baseUrl, user, password);
    await openDocument(page, baseUrl, doc);
    await dragSelect(page, phrase);
    await page.keyboard.press('2');
    await waitForHighlight(page, 'attribution', phrase, `after 2, "${phrase}" is highlighted as attribution`);
    const saved = await checkSaved(page, doc, user, [{ label: 'attribution', phrase }], 'after 2');
    const selectedId = () => page.evaluate(() => document.querySelector('slant-annotator').selectedId ?? null);
    await keys(page, 'Escape');
    await eventually('Escape clears the selected span', async () => ((await selectedId()) === null ? true : { ok: false, seen: await selectedId() }));
    const { middle } = await phrasePoints(page, phrase);
    await page.mouse.click(middle.x, middle.y);
    const id = await eventually('a click on the span selects it', async () => (await selectedId()) ?? { ok: false, seen: null });
    await keys(page, 'Delete');
    await waitForHighlight(page, 'attribution', '', 'after Delete, the span is not drawn');
    await checkSaved(page, doc, user, [], 'after Delete');
    await page.keyboard.down('Control');
    await page.keyboard.press('z');
    await page.keyboard.up('Control');
    await waitForHighlight(page, 'attribution', phrase, 'after Ctrl+Z, the span is drawn again');
    await checkSaved(page, doc, user, [{ label: 'attribution', phrase }], 'after Ctrl+Z');
    return { saved, deleted: id };
  },

  /** A student joins with a class code, labels a phrase with a drag and a key, submits, and reads the verdicts. */
  async joinAndSubmit(page, { baseUrl, code, name, password, phrase, key, label }) {
    await page.goto(`${baseUrl}/login`);
    await (await page.waitForSelector('#join-link', { visible: true })).click();
    await (await page.waitForSelector('#join-code input', { visible: true })).type(code.toLowerCase());
    await page.type('#join-name input', name);
    await page.type('#join-password input', password);
    await page.click('#join');
    const joined = await page.waitForSelector('#joined-user', { visible: true });
    const user = await joined.evaluate((e) => e.textContent);
    await page.click('#start-exercise');
    await page.waitForSelector('slant-annotator p');
    await page.waitForFunction(() => document.querySelector('slant-annotator').text?.length > 0);
    const exercise = new URL(page.url()).pathname;
    await dragSelect(page, phrase);
    await page.keyboard.press(key);
    await waitForHighlight(page, label, phrase, `after ${key}, "${phrase}" is highlighted as ${label}`);
    await page.click('#submit');
    const confirm = "vaadin-confirm-dialog vaadin-button[slot='confirm-button']";
    await (await page.waitForSelector(confirm, { visible: true })).click();
    await page.waitForSelector('#verdicts li[data-verdict]');
    const verdicts = await page.$$eval('#verdicts li', (lis) => lis.map((li) => ({ verdict: li.dataset.verdict, text: li.textContent })));
    const missed = await page.$eval('#missed', (e) => e.textContent);
    return { user, exercise, verdicts, missed };
  },
};

// ---- the loop ----

async function runFlow(browser, request) {
  const flow = flows[request.flow];
  if (!flow) throw new FlowFailure(`no flow called ${request.flow}; there are ${Object.keys(flows).join(', ')}`);
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width: 1400, height: 1000 });
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (e) => log(`${request.flow}: error in the page: ${e.message}`));
  let timer;
  try {
    return await Promise.race([flow(page, request),
      new Promise((_, reject) => { timer = setTimeout(() => reject(new FlowFailure(`did not finish within ${FLOW_TIMEOUT_MS} ms`)), FLOW_TIMEOUT_MS); })]);
  } catch (e) {
    try {
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: join(SCREENSHOTS, `firefox-${request.flow}.png`) });
      const shown = await page.evaluate(() => document.body?.innerText.replace(/\s+/g, ' ').trim().slice(0, 300)).catch(() => '?');
      e.message += ` (the page was at ${page.url()} and read: "${shown}"; screenshot: ${join(SCREENSHOTS, `firefox-${request.flow}.png`)})`;
    } catch (shot) {
      log(`no screenshot of ${request.flow}: ${shot.message}`);
    }
    throw e;
  } finally {
    clearTimeout(timer);
    await context.close().catch((e) => log(`closing the context of ${request.flow}: ${e.message}`));
  }
}

let browser;
try {
  browser = await puppeteer.launch({ browser: 'firefox', protocol: 'webDriverBiDi', executablePath: FIREFOX, headless: true });
} catch (e) {
  reply({ ready: false, message: `could not start ${FIREFOX} over WebDriver BiDi: ${e.message}` });
  process.exit(1);
}
reply({ ready: true, version: await browser.version() });

for await (const line of createInterface({ input: process.stdin })) {
  if (!line.trim()) continue;
  let request;
  try {
    request = JSON.parse(line);
  } catch (e) {
    reply({ ok: false, message: `not a JSON request: ${line}` });
    continue;
  }
  const started = Date.now();
  try {
    const result = await runFlow(browser, request);
    log(`${request.flow}: passed in ${Date.now() - started} ms`);
    reply({ ok: true, millis: Date.now() - started, result: result ?? null });
  } catch (e) {
    log(`${request.flow}: FAILED in ${Date.now() - started} ms: ${e.stack}`);
    reply({ ok: false, millis: Date.now() - started, message: e.message, stack: e instanceof FlowFailure ? null : e.stack });
  }
}
await browser.close();
