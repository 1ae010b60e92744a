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
const { spawn, spawnSync } = require('node:child_process');
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

// A real witness (`recourse witness serve`) added on the administration page cosigns the
// ledger: the "verify this case" page names it with the checkpoint it cosigned, and the client's
// tracking page says their complaint's record is countersigned by it, in English, French and
// Arabic, at 360 px and 1280 px, with no axe-core violation and nothing overflowing the phone;
// so does the receipt of a complaint sent through the form (Arabic, 360 px).
test('the verify page and the tracking page name the witness that cosigned', async () => {
  const name = 'umbrella.example/witness';
  const init = spawnSync(BIN, ['witness', 'init', '--name', name, '--data', path.join(witnessDir, 'umbrella')]);
  assert.equal(init.status, 0, String(init.stderr));
  const key = String(init.stdout).split('\n').map((l) => l.trim()).find((l) => l.startsWith('verifier key: ')).slice(14);
  const logKey = spawnSync(BIN, ['checkpoint', '--vkey', '--data', server.data]);
  assert.equal(logKey.status, 0, String(logKey.stderr));
  const witness = spawn(BIN, ['witness', 'serve', '--listen', '127.0.0.1:0', '--log', String(logKey.stdout).trim(),
    '--data', path.join(witnessDir, 'umbrella')], { stdio: ['ignore', 'pipe', 'ignore'] });
  try {
    const witnessUrl = await new Promise((resolve, reject) => {
      let out = '';
      witness.stdout.on('data', (chunk) => {
        out += chunk.toString();
        const m = out.match(/running at (http:\/\/[^\s/]+)/);
        if (m) resolve(m[1]);
      });
      witness.once('exit', (code) => reject(new Error(`witness serve exited (${code}): ${out}`)));
    });

    // Added on the administration page by an administrator.
    const admin = await phoneContext(browser, server.url);
    const page = await admin.newPage();
    await signIn(page, STAFF.admin, '/staff/admin/witnesses');
    await page.fill('#witness_url', witnessUrl);
    await page.fill('#witness_key', key);
    await submit(page, 'form[action="/staff/admin/witnesses/add"] button[type=submit]');
    assert.ok(page.url().includes('done=witness-added'), page.url());
    await admin.close();

    // A complaint, then every entry cosigned.
    const client = await phoneContext(browser, server.url, { bypassCSP: true });
    const filed = await client.request.post('/api/v1/complaints', { data: {
      language: 'ar', name: 'Amina Example', email: 'amina@example.org', program: 'settlement',
      site: 'downtown', rights: ['respect'], what_happened: 'My file was closed without a word to me.',
      outcome_wanted: 'An explanation.', contact_preference: 'email',
      accommodations: [], consent_handle: true, consent_contact: true,
    } });
    assert.ok(filed.ok(), `filing: ${filed.status()} ${await filed.text()}`);
    const { case: id, receipt_code: code } = await filed.json();
    let size;
    for (let i = 0; i < 300; i += 1) {
      const health = await (await client.request.get('/healthz')).json();
      const w = (health.witnesses || []).find((x) => x.name === name);
      if (w && w.cosigned_size >= health.ledger_entries) { size = w.cosigned_size; break; }
      await new Promise((r) => setTimeout(r, 200));
    }
    assert.ok(size, 'the witness cosigned every entry');

    const staff = await phoneContext(browser, server.url, { bypassCSP: true });
    const sp = await staff.newPage();
    await signIn(sp, STAFF.chair, '/staff');
    const cp = await client.newPage();
    for (const { lang, dir } of [{ lang: 'en', dir: 'ltr' }, { lang: 'fr', dir: 'ltr' }, { lang: 'ar', dir: 'rtl' }]) {
      await sp.setViewportSize({ width: 360, height: 740 });
      await sp.goto(`/staff/case/${id}/verify?lang=${lang}`);
      assert.equal(await sp.getAttribute('html', 'dir'), dir);
      const said = await text(sp, 'main ul.witnessed');
      assert.ok(said.includes(name) && said.includes(String(size)), `${lang}: ${said}`);
      assert.equal(await sp.locator('main ul.witnessed .verified').count(), 1, `${lang}: shown as cosigned`);
      await assertAccessible(sp, `verify, witnessed [${lang}]`);
      await assertFitsPhone(sp, `verify, witnessed [${lang}]`);
      await shot(sp, `verify-witnessed-${lang}-360`);
      await sp.setViewportSize({ width: 1280, height: 900 });
      await assertAccessible(sp, `verify, witnessed, desktop [${lang}]`);
      await sp.screenshot({ path: path.join(__dirname, '..', '..', 'test-artifacts', 'screenshots', `verify-witnessed-${lang}-1280.png`), fullPage: true });

      await cp.setViewportSize({ width: 360, height: 740 });
      await cp.goto(`/track?lang=${lang}`);
      await cp.fill('#code', code);
      await submit(cp, 'main form button[type=submit]');
      assert.equal(await cp.getAttribute('html', 'dir'), dir);
      const line = await text(cp, 'main p.witnessed');
      assert.ok(line.includes(name), `${lang}: ${line}`);
      await assertAccessible(cp, `tracking, witnessed [${lang}]`);
      await assertFitsPhone(cp, `tracking, witnessed [${lang}]`);
      await shot(cp, `track-witnessed-${lang}-360`);
      await cp.setViewportSize({ width: 1280, height: 900 });
      await assertAccessible(cp, `tracking, witnessed, desktop [${lang}]`);
      await cp.screenshot({ path: path.join(__dirname, '..', '..', 'test-artifacts', 'screenshots', `track-witnessed-${lang}-1280.png`), fullPage: true });
      // "I'm done": the next language starts from the code form again.
      await submit(cp, 'form[action="/track/done"] button[type=submit]');
    }
    // The receipt of a complaint sent through the form says the same, in Arabic.
    const receipt = await phoneContext(browser, server.url, { bypassCSP: true });
    const rp = await receipt.newPage();
    await rp.goto('/complain?lang=ar');
    await rp.fill('#what', 'A complaint whose receipt names the witness.');
    await rp.selectOption('#program', { index: 1 });
    await rp.selectOption('#site', { index: 1 });
    await submit(rp, 'main form button[name=go][value=next]');
    await rp.check('input[name=rights] >> nth=0');
    await submit(rp, 'main form button[name=go][value=next]');
    await rp.check('input[name=identity][value=anonymous]');
    await rp.check('input[name=contact][value=none]');
    await submit(rp, 'main form button[name=go][value=next]');
    await rp.check('#consent_handle');
    await submit(rp, 'main form button[name=go][value=send]');
    assert.ok(await rp.isVisible('#receipt-code'), 'the receipt');
    // Within minutes: the line names the witness either way (cosigned, or about to be).
    const line = await text(rp, 'main p.witnessed');
    assert.ok(line.includes(name), `receipt: ${line}`);
    await assertAccessible(rp, 'receipt, witnessed [ar]');
    await shot(rp, 'receipt-witnessed-ar-360');
    await staff.close();
    await client.close();
    await receipt.close();
  } finally {
    witness.kill('SIGKILL');
  }
});
