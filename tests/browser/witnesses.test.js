// The administration's witness page in real Chromium, in English, French and Arabic (right to
// left), at phone (360 px) and desktop (1280 px) widths: axe-core finds no violation, nothing
// overflows the phone, a bad entry is shown at its fields, and a witness added through the
// form is listed (an unreachable one, with its error) and can be removed. Screenshots go to
// test-artifacts/screenshots/ (and to $SHOTS_DIR when set).

'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const {
  STAFF, startServer, launchBrowser, phoneContext, assertAccessible, assertFitsPhone, screenshot,
  signIn, text,
} = require('./server');

const BIN = process.env.RECOURSE_BIN || path.join(__dirname, '..', '..', 'target', 'debug', 'recourse');
const SHOTS = process.env.SHOTS_DIR;

let server;
let browser;
let vkey;
let witnessDir;
before(async () => {
  [server, browser] = await Promise.all([startServer({ complaints: 20 }), launchBrowser()]);
  witnessDir = fs.mkdtempSync(path.join(os.tmpdir(), 'recourse-witness-'));
  const r = spawnSync(BIN, ['witness', 'init', '--name', 'ocasi.example/witness', '--data', path.join(witnessDir, 'w')]);
  assert.equal(r.status, 0, String(r.stderr));
  vkey = String(r.stdout).split('\n').map((l) => l.trim()).find((l) => l.startsWith('verifier key: ')).slice(14);
});
after(async () => {
  await browser?.close();
  await server?.stop();
  if (witnessDir) fs.rmSync(witnessDir, { recursive: true, force: true });
});

async function shot(page, name) {
  await screenshot(page, name);
  if (SHOTS) {
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  }
}

async function submit(page, selector) {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

for (const { lang, dir } of [{ lang: 'en', dir: 'ltr' }, { lang: 'fr', dir: 'ltr' }, { lang: 'ar', dir: 'rtl' }]) {
  test(`the witness page in ${lang}`, async () => {
    const context = await phoneContext(browser, server.url, { bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`/staff/login?lang=${lang}`);
    await signIn(page, STAFF.admin, '/staff/admin/witnesses');
    assert.equal(await page.getAttribute('html', 'lang'), lang);
    assert.equal(await page.getAttribute('html', 'dir'), dir);
    assert.ok(await page.locator('nav.subnav a[href="/staff/admin/witnesses"][aria-current="page"]').count() === 1);
    await assertAccessible(page, `witnesses, none [${lang}]`);
    await shot(page, `witnesses-${lang}-360-empty`);

    // A bad entry: both fields refused, what was typed kept.
    await page.fill('#witness_url', 'ftp://nowhere');
    await page.fill('#witness_key', 'not a key');
    await submit(page, 'form[action="/staff/admin/witnesses/add"] button[type=submit]');
    assert.ok(await page.locator('#witness_url[aria-invalid="true"]').count() === 1);
    assert.ok(await page.locator('#witness_key[aria-invalid="true"]').count() === 1);
    assert.equal(await page.inputValue('#witness_url'), 'ftp://nowhere');
    await assertAccessible(page, `witnesses, refused [${lang}]`);
    await shot(page, `witnesses-${lang}-360-refused`);

    // Added: listed, with the error of a witness nobody answers at.
    await page.fill('#witness_url', 'http://127.0.0.1:9');
    await page.fill('#witness_key', vkey);
    await submit(page, 'form[action="/staff/admin/witnesses/add"] button[type=submit]');
    assert.ok(page.url().includes('done=witness-added'), page.url());
    assert.ok((await text(page, 'main')).includes('ocasi.example/witness'));
    // The cosigner tries within a second or so; the page is reloaded until it shows the error.
    for (let i = 0; i < 50 && (await page.locator('main section.witness .badge').count()) === 0; i += 1) {
      await new Promise((r) => setTimeout(r, 200));
      await page.reload();
    }
    assert.equal(await page.locator('main section.witness .badge').count(), 1, 'the unreachable witness shows its error');
    // Explained in the page's language, the technical error beside it.
    const explained = await text(page, 'main .witness-problem p');
    assert.ok(explained.length > 20, explained);
    assert.equal(explained.includes('cannot be reached'), lang === 'en', `${lang}: ${explained}`);
    await assertAccessible(page, `witnesses, one [${lang}]`);
    await assertFitsPhone(page, `witnesses, one [${lang}]`);
    await shot(page, `witnesses-${lang}-360-one`);
    await page.setViewportSize({ width: 1280, height: 900 });
    await assertAccessible(page, `witnesses, one, desktop [${lang}]`);
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `witnesses-${lang}-1280-one.png`), fullPage: true });

    // Removed.
    await submit(page, 'form[action="/staff/admin/witnesses/remove"] button[type=submit]');
    assert.ok(page.url().includes('done=witness-removed'), page.url());
    assert.equal(await page.locator('main section.witness').count(), 0);
    await context.close();
  });
}
