// The auditor's page in the browser: an auditor downloads the bundle, picks it in the file
// input, and the browser's own verification says it passes; a copy with one byte of one entry
// changed, and one with an entry removed, fail and name the same first bad position as the
// command line's verifier (`recourse verify --bundle`); a verifier key other than the ledger's
// fails. In English, French and Arabic, at 360 px and 1280 px, axe-core clean. Without
// JavaScript the page still offers the download, the key and the command. A small demo ledger
// (20 complaints) keeps it cheap.

'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const {
  ROOT, STAFF, startServer, launchBrowser, phoneContext, assertAccessible, screenshot, signIn, text,
} = require('./server');

const BIN = process.env.RECOURSE_BIN || path.join(ROOT, 'target', 'debug', 'recourse');
const DESK = { width: 1280, height: 900 };

let server;
let browser;
let work;
before(async () => {
  [server, browser] = await Promise.all([startServer({ complaints: 20 }), launchBrowser()]);
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'recourse-audit-'));
});
after(async () => {
  await browser?.close();
  await server?.stop();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

/** The translated messages the page hands its script. */
async function messages(page) {
  return page.evaluate(() => Object.fromEntries(
    Array.from(document.querySelectorAll('#audit-messages [data-id]'), (li) => [li.dataset.id, li.textContent]),
  ));
}

/** A message with the script's placeholders filled in, as the script does. */
function fill(template, values) {
  let out = template;
  for (const [k, v] of Object.entries(values)) out = out.split(`{${k}}`).join(String(v));
  return out;
}

/** Picks `file` in the file input, with `vkey` as the trusted key; the result's outcome and text. */
async function verifyInPage(page, file, vkey) {
  if (vkey !== undefined) await page.fill('#audit-vkey', vkey);
  await page.setInputFiles('#audit-file', file);
  await page.click('#audit-run');
  await page.waitForSelector('#audit-result[data-outcome=ok], #audit-result[data-outcome=failed]', { timeout: 120_000 });
  return {
    outcome: await page.getAttribute('#audit-result', 'data-outcome'),
    // Exactly as shown (French keeps its non-breaking spaces).
    text: ((await page.textContent('#audit-result')) || '').trim(),
  };
}

/** What `recourse verify --bundle` says of `file`: its exit status and the position it names. */
function cliVerify(file, vkey) {
  const r = spawnSync(BIN, ['verify', '--bundle', file, '--vkey', vkey], { encoding: 'utf8' });
  const m = /at position (\d+)/.exec(r.stdout + r.stderr);
  return { status: r.status, position: m ? Number(m[1]) : null, output: r.stdout + r.stderr };
}

/** A valid verifier key for `name` that is not the ledger's: a fresh Ed25519 key. */
function otherVkey(name) {
  const { publicKey } = crypto.generateKeyPairSync('ed25519');
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  const id = crypto.createHash('sha256')
    .update(Buffer.concat([Buffer.from(name), Buffer.from([0x0a, 0x01]), raw])).digest().subarray(0, 4);
  return `${name}+${id.toString('hex')}+${Buffer.concat([Buffer.from([1]), raw]).toString('base64')}`;
}

/** Opens the auditor's page in `lang`, signed in as the demo's auditor. */
async function auditPage(viewport, lang, { bypassCSP = false } = {}) {
  // bypassCSP only where axe-core is injected (an inline script, as in a11y.test.js); the
  // tampering test runs the page's script under the server's real policy.
  const context = await phoneContext(browser, server.url, { viewport, acceptDownloads: true, bypassCSP });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  await signIn(page, STAFF.auditor);
  await page.goto(`/staff/audit?lang=${lang}`);
  return { context, page, errors };
}

test('an auditor downloads the bundle and the browser verifies it; tampered copies and a wrong key fail', async () => {
  const { context, page, errors } = await auditPage({ width: 360, height: 740 }, 'en');
  assert.equal(await text(page, 'h1'), 'Audit the ledger');
  const vkey = await page.inputValue('#audit-vkey-shown');
  assert.equal(await page.getAttribute('#audit-vkey-shown', 'readonly'), '', 'the key field is read-only');
  assert.equal(await page.inputValue('#audit-vkey'), vkey, 'the browser check trusts the key shown');
  const command = await text(page, '#audit-command');
  assert.ok(command.endsWith(`--vkey '${vkey}'`), command);

  // The download: what the command shown names, and the command line verifies it.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#audit-download')]);
  const bundle = path.join(work, download.suggestedFilename());
  await download.saveAs(bundle);
  assert.ok(command.includes(`--bundle ${download.suggestedFilename()} `), `${command} names the file`);
  const bytes = fs.readFileSync(bundle);
  const lines = bytes.toString('utf8').split('\n').slice(0, -1);
  const header = JSON.parse(lines[0]);
  assert.equal(header.format, 'recourse-bundle/v1');
  assert.equal(lines.length, header.size + 1, 'one line per entry after the header');
  assert.equal(cliVerify(bundle, vkey).status, 0, 'the command line verifies the download');

  const m = await messages(page);
  // It passes in the browser.
  let r = await verifyInPage(page, bundle);
  assert.deepEqual(r, { outcome: 'ok', text: fill(m['audit-js-ok'], { size: header.size }) });

  // One byte of entry 5 changed (a digit of its timestamp's year): it fails at 5, as the CLI says.
  const changed = Buffer.from(bytes);
  const lineStart = (n) => { let at = 0; for (let i = 0; i < n; i++) at = changed.indexOf(0x0a, at) + 1; return at; };
  const at = changed.indexOf('"at":"', lineStart(6)) + 9;
  changed[at] = changed[at] === 0x39 ? 0x38 : changed[at] + 1;
  const tampered = path.join(work, 'tampered.jsonl');
  fs.writeFileSync(tampered, changed);
  const cliTampered = cliVerify(tampered, vkey);
  assert.equal(cliTampered.position, 5, cliTampered.output);
  r = await verifyInPage(page, tampered);
  assert.equal(r.outcome, 'failed');
  assert.equal(r.text, fill(m['audit-js-failed-at'], { position: 5, reason: m['audit-why-signature'] }));

  // Entry 1 removed: the browser names the position the command line names.
  const removed = path.join(work, 'removed.jsonl');
  fs.writeFileSync(removed, [...lines.slice(0, 2), ...lines.slice(3)].join('\n') + '\n');
  const cliRemoved = cliVerify(removed, vkey);
  assert.equal(cliRemoved.status, 1, cliRemoved.output);
  assert.notEqual(cliRemoved.position, null, cliRemoved.output);
  r = await verifyInPage(page, removed);
  assert.equal(r.outcome, 'failed');
  assert.ok(r.text.startsWith(fill(m['audit-js-failed-at'], { position: cliRemoved.position, reason: '' }).trim()),
    `${r.text} names position ${cliRemoved.position}`);
  await screenshot(page, 'audit-failed-en-360');

  // The last entry removed: the bundle is short of its checkpoint.
  const truncated = path.join(work, 'truncated.jsonl');
  fs.writeFileSync(truncated, lines.slice(0, -1).join('\n') + '\n');
  r = await verifyInPage(page, truncated);
  assert.equal(r.text, fill(m['audit-js-failed-at'], { position: header.size - 1, reason: m['audit-why-truncated'] }));

  // Another key than the ledger's: the checkpoint is not signed by it; nothing in the bundle helps.
  r = await verifyInPage(page, bundle, otherVkey(header.origin));
  assert.deepEqual(r, { outcome: 'failed', text: fill(m['audit-js-failed'], { reason: m['audit-why-note'] }) });
  r = await verifyInPage(page, bundle, 'not a key');
  assert.deepEqual(r, { outcome: 'failed', text: fill(m['audit-js-failed'], { reason: m['audit-why-vkey'] }) });

  // A bundle received from another ledger passes with that ledger's key pasted, and fails with
  // this one's: the key decides, not the page or the bundle.
  const other = path.join(work, 'other');
  let cli = spawnSync(BIN, ['init', '--origin', 'other.example/ledger', '--data', other], { encoding: 'utf8' });
  assert.equal(cli.status, 0, cli.stderr);
  const otherBundle = path.join(work, 'other.jsonl');
  cli = spawnSync(BIN, ['export', '--out', otherBundle, '--data', other], { encoding: 'utf8' });
  assert.equal(cli.status, 0, cli.stderr);
  const otherKey = fs.readFileSync(path.join(other, 'ledger.vkey'), 'utf8').trim();
  const otherSize = JSON.parse(fs.readFileSync(otherBundle, 'utf8').split('\n')[0]).size;
  r = await verifyInPage(page, otherBundle, otherKey);
  assert.deepEqual(r, { outcome: 'ok', text: fill(m['audit-js-ok'], { size: otherSize }) });
  r = await verifyInPage(page, otherBundle, vkey);
  assert.deepEqual(r, { outcome: 'failed', text: fill(m['audit-js-failed'], { reason: m['audit-why-note'] }) });

  // With JavaScript, the copy buttons are offered.
  assert.ok(await page.isVisible('button[data-copy=audit-vkey-shown]'), 'the key has a copy button');
  assert.ok(await page.isVisible('button[data-copy=audit-command]'), 'the command has a copy button');

  assert.deepEqual(errors, [], 'no script errors');
  await context.close();
});

for (const lang of ['en', 'fr', 'ar']) {
  for (const viewport of [{ width: 360, height: 740 }, DESK]) {
    test(`the browser check passes in ${lang} at ${viewport.width} px, axe-core clean`, async () => {
      const { context, page, errors } = await auditPage(viewport, lang, { bypassCSP: true });
      assert.equal(await page.getAttribute('html', 'lang'), lang);
      assert.equal(await page.getAttribute('html', 'dir'), lang === 'ar' ? 'rtl' : 'ltr');
      const bundle = path.join(work, `bundle-${lang}-${viewport.width}.jsonl`);
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#audit-download')]);
      await download.saveAs(bundle);
      const size = JSON.parse(fs.readFileSync(bundle, 'utf8').split('\n')[0]).size;
      const m = await messages(page);
      const r = await verifyInPage(page, bundle);
      assert.deepEqual(r, { outcome: 'ok', text: fill(m['audit-js-ok'], { size }) });
      if (lang === 'fr') assert.ok(r.text.startsWith('Le paquet est vérifié'), r.text);
      if (lang === 'ar') assert.ok(r.text.startsWith('الحزمة سليمة'), r.text);
      await assertAccessible(page, `audit page (${lang}, ${viewport.width} px)`);
      if (viewport.width === 360) {
        await screenshot(page, `audit-${lang}-360`);
      } else {
        fs.mkdirSync(path.join(ROOT, 'test-artifacts', 'screenshots'), { recursive: true });
        await page.screenshot({ path: path.join(ROOT, 'test-artifacts', 'screenshots', `audit-${lang}-1280.png`), fullPage: true });
      }
      assert.deepEqual(errors, [], 'no script errors');
      await context.close();
    });
  }
}

test('without JavaScript the page offers the download, the key and the command', async () => {
  const context = await phoneContext(browser, server.url, { javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, STAFF.auditor);
  await page.goto('/staff/audit');
  const vkey = await page.inputValue('#audit-vkey-shown');
  assert.match(vkey, /^[^+\s]+\+[0-9a-f]{8}\+[A-Za-z0-9+/=]+$/);
  assert.ok((await text(page, '#audit-command')).includes(`--vkey '${vkey}'`));
  assert.equal(await page.getAttribute('#audit-download', 'href'), '/staff/audit/bundle');
  assert.equal(await page.isVisible('#audit-form'), false, 'the browser check needs JavaScript');
  assert.ok((await text(page, 'main')).includes('needs JavaScript'), 'and the page says so');
  const response = await page.request.get('/staff/audit/bundle');
  assert.equal(response.status(), 200);
  assert.match(response.headers()['content-disposition'], /^attachment; filename="recourse-.+\.jsonl"$/);
  await screenshot(page, 'audit-nojs-en-360');
  await context.close();
});
