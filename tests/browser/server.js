// Helpers shared by the browser tests: start a real `recourse serve --demo` on a fresh data
// folder, launch Debian's headless Chromium through playwright-core, run axe-core on a page,
// take phone-width screenshots, sign staff in.
//
// Nothing here is mocked: the server is the project's binary (the debug build cargo test made), the browser is /usr/bin/chromium.

'use strict';

const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const assert = require('node:assert/strict');
const { chromium } = require('playwright-core');

const ROOT = path.resolve(__dirname, '..', '..');
const BIN = process.env.RECOURSE_BIN || path.join(ROOT, 'target', 'debug', 'recourse');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const SCREENSHOTS = path.join(ROOT, 'test-artifacts', 'screenshots');

/** Every demo staff account's password (src/cli/serve.rs, DEMO_PASSWORD). */
const DEMO_PASSWORD = 'recourse-demo-password';

/** Demo sign-in names (src/demo.rs). */
const STAFF = {
  intake: 'ahaddad',
  reviewer: 'praman',
  chair: 'gnakamura',
  chair2: 'stesfaye',
  board: 'hbouchard',
  auditor: 'cokafor',
  admin: 'fsiddiqui',
};

/** Phone width for screenshots and the overflow check. */
const PHONE = { width: 360, height: 740 };

/** Builds the binary when it is missing (scripts/browser-test.sh builds it first). */
function ensureBinary() {
  if (process.env.RECOURSE_BIN) return;
  if (fs.existsSync(BIN) && process.env.RECOURSE_BUILD !== '1') return;
  const r = spawnSync('cargo', ['build', '--quiet'], { cwd: ROOT, stdio: 'inherit' });
  assert.equal(r.status, 0, 'cargo build failed');
}

/**
 * Starts `recourse serve --demo` on a fresh temporary data folder and resolves once it says
 * it is running. Port 0: the system picks a free port and the server prints the address.
 */
async function startServer({ complaints = 150 } = {}) {
  ensureBinary();
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'recourse-browser-'));
  const child = spawn(
    BIN,
    [
      'serve',
      '--data', data,
      '--listen', '127.0.0.1:0',
      '--demo',
      '--demo-complaints', String(complaints),
      '--limits', '1000000,1000000,1000000',
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, RUST_LOG: process.env.RUST_LOG || 'warn' } },
  );
  let output = '';
  const url = await new Promise((resolve, reject) => {
    const seen = (chunk) => {
      output += chunk.toString();
      const m = output.match(/Recourse is running at (http:\/\/[^\s/]+)\//);
      if (m) resolve(m[1]);
    };
    child.stdout.on('data', seen);
    child.stderr.on('data', (chunk) => { output += chunk.toString(); });
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      reject(new Error(`recourse serve exited (${code ?? signal}) before it was running:\n${output}`)));
  });
  // Keep draining the pipes so the server never blocks on a full pipe.
  child.stdout.removeAllListeners('data');
  child.stdout.on('data', () => {});
  child.stderr.on('data', (chunk) => { if (process.env.RECOURSE_LOG) process.stderr.write(chunk); });

  async function stop() {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(data, { recursive: true, force: true });
  }
  return { url, data, stop };
}

/** Launches Debian's Chromium, headless. */
function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true });
}

/** A fresh browser context at phone size; `javaScriptEnabled: false` for the no-JS path. */
function phoneContext(browser, url, options = {}) {
  return browser.newContext({ baseURL: url, viewport: PHONE, locale: 'en-CA', ...options });
}

/**
 * Runs axe-core on the page (WCAG 2.0/2.1/2.2 A and AA rules) and returns its violations,
 * each as a readable block (id, impact, help, and every failing target with its summary).
 */
async function axeViolations(page) {
  // A script element: the page's context must have JavaScript on (a11y.test.js does; the
  // no-JavaScript filing runs in client.test.js, on the same HTML).
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) {
    await page.addScriptTag({ path: require.resolve('axe-core') });
  }
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
    }));
  });
  return result;
}

/** Formats violations for an assertion message. */
function describeViolations(where, violations) {
  return violations
    .map((v) =>
      `${where}: [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n` +
      v.nodes.map((n) => `    at ${n.target}\n      ${String(n.summary).replace(/\n/g, '\n      ')}`).join('\n'))
    .join('\n');
}

/** Asserts axe-core finds no violation on the page, printing each one when it does. */
async function assertAccessible(page, where) {
  const violations = await axeViolations(page);
  if (violations.length > 0) console.error(describeViolations(where, violations));
  assert.equal(
    violations.length,
    0,
    `axe-core: ${violations.length} violation(s) on ${where}:\n${describeViolations(where, violations)}`,
  );
}

/** Nothing wider than the phone: the page never scrolls sideways. */
async function assertFitsPhone(page, where) {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  assert.ok(scroll <= PHONE.width, `${where}: page is ${scroll}px wide (viewport ${client}px): it overflows a ${PHONE.width}px phone`);
}

/** Full-page screenshot at phone width, after checking nothing overflows. */
async function screenshot(page, name) {
  await assertFitsPhone(page, name);
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Signs a demo staff member in through the sign-in form; resolves on the page it lands on. */
async function signIn(page, login, next) {
  await page.goto(next ? `/staff/login?next=${encodeURIComponent(next)}` : '/staff/login');
  await page.fill('#login', login);
  await page.fill('#password', DEMO_PASSWORD);
  await Promise.all([page.waitForNavigation(), page.click('main form button[type=submit]')]);
  assert.ok(!page.url().includes('/staff/login'), `${login} could not sign in: still on ${page.url()}`);
}

/** Signs out through the header's sign-out button. */
async function signOut(page) {
  await Promise.all([page.waitForNavigation(), page.click('header form[action="/staff/logout"] button')]);
}

/** The text content of an element, whitespace collapsed. */
async function text(page, selector) {
  const t = await page.textContent(selector);
  return (t || '').replace(/\s+/g, ' ').trim();
}

/**
 * Starts the server and the browser before the calling file's tests and stops both after them.
 * Returns `{ context(options) }`: a fresh phone-sized browser context on the server.
 */
function useServerAndBrowser() {
  const { before, after } = require('node:test');
  let server;
  let browser;
  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });
  return { context: (options) => phoneContext(browser, server.url, options) };
}

module.exports = {
  useServerAndBrowser,
  ROOT,
  STAFF,
  PHONE,
  DEMO_PASSWORD,
  startServer,
  launchBrowser,
  phoneContext,
  axeViolations,
  assertAccessible,
  assertFitsPhone,
  screenshot,
  signIn,
  signOut,
  text,
};
