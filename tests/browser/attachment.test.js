// Documents and photos on a case: a client attaches a photo on the tracking page (at 360 px, in
// English and in Arabic), a reviewer sees the files listed on the case page and opens one with a
// purpose (a download), the access log shows the opening; the client erases the case and the
// files are gone, from the pages and from the data folder. axe-core on every changed page.

'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const {
  startServer, launchBrowser, phoneContext, screenshot, signIn, text, assertAccessible, STAFF, DEMO_PASSWORD, ROOT, PHONE,
} = require('./server');

let server;
let browser;
before(async () => {
  [server, browser] = await Promise.all([startServer({ complaints: 20 }), launchBrowser()]);
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

/** A JPEG's first bytes, then filler: what a phone's photo starts with. */
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0'), Buffer.alloc(2048, 7)]);

/** Clicks a submit button and waits for the page the form leads to. */
async function submit(page, selector) {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

/** A web complaint acknowledged and assigned to the demo reviewer; its case id and code. */
async function assignedCase() {
  const context = await phoneContext(browser, server.url);
  const api = context.request;
  const ok = async (r, what) => {
    assert.ok(r.ok(), `${what}: ${r.status()} ${await r.text()}`);
    return r.json();
  };
  const filed = await ok(await api.post('/api/v1/complaints', { data: {
    language: 'ar', name: 'Amina Example', email: 'amina@example.org', program: 'settlement',
    site: 'downtown', rights: ['respect'], what_happened: 'The letter refusing my file was never explained.',
    outcome_wanted: 'An explanation.', contact_preference: 'email',
    accommodations: [], consent_handle: true, consent_contact: true,
  } }), 'filing');
  const session = await ok(await api.post('/api/v1/session', { data: { login: STAFF.chair, password: DEMO_PASSWORD } }), 'chair');
  const reviewer = await phoneContext(browser, server.url);
  const r = await ok(await reviewer.request.post('/api/v1/session', { data: { login: STAFF.reviewer, password: DEMO_PASSWORD } }), 'reviewer');
  const act = async (action, data) => ok(await api.post(`/api/v1/cases/${filed.case}/actions/${action}`,
    { data, headers: { 'x-csrf-token': session.csrf } }), action);
  await act('acknowledge', {});
  await act('assign', { reviewer: r.staff.id });
  await context.close();
  await reviewer.close();
  return { id: filed.case, code: filed.receipt_code };
}

/** Opens the tracking page of `code` in `lang`. */
async function track(page, code, lang) {
  await page.goto(`/track?lang=${lang}`);
  await page.fill('#code', code);
  await submit(page, 'main form button[type=submit]');
  assert.ok(await page.isVisible('#track-status'), `${lang}: the tracking page`);
}

test('a client attaches a photo, a reviewer opens it with a recorded purpose, erasure removes it', async () => {
  const { id, code } = await assignedCase();

  // The client attaches a photo from the tracking page, in English, then in Arabic
  for (const [lang, note, words] of [['en', 'Your file was attached.', 'The letter they sent'], ['ar', 'أُرفق ملفك.', 'الرسالة التي أرسلوها']]) {
    const context = await phoneContext(browser, server.url, { bypassCSP: true });
    const page = await context.newPage();
    await track(page, code, lang);
    assert.equal(await page.isVisible('form[action="/track/attach"]'), false, `${lang}: the upload is behind its choice`);
    await page.click('#attach > summary');
    await page.setInputFiles('#attach-file', { name: `photo-${lang}.jpg`, mimeType: 'image/jpeg', buffer: JPEG });
    await page.fill('#attach-description', words);
    await assertAccessible(page, `tracking page's upload form in ${lang}`);
    await submit(page, 'form[action="/track/attach"] button[type=submit]');
    assert.ok((await text(page, 'main')).includes(note), `${lang}: the notice says the file was attached`);
    assert.equal(await page.getAttribute('html', 'dir'), lang === 'ar' ? 'rtl' : 'ltr');
    const items = await page.locator('ul.attachments > li').allTextContents();
    assert.equal(items.length, lang === 'en' ? 1 : 2, `${lang}: the list of the case's files`);
    assert.ok(items.every((i) => i.includes('JPEG')), `${lang}: listed as JPEG: ${items}`);
    await assertAccessible(page, `tracking page with its files in ${lang}`);
    await screenshot(page, `attachment-track-${lang}-360`);
    await context.close();
  }

  // The reviewer sees both on the case page and opens one for handling: a download
  const context = await phoneContext(browser, server.url, { bypassCSP: true, acceptDownloads: true });
  const page = await context.newPage();
  await signIn(page, STAFF.reviewer, `/staff/case/${id}`);
  await page.goto(`/staff/case/${id}`);
  assert.equal(await page.locator('ul.attachments > li').count(), 2, 'two files on the case page');
  assert.match(await text(page, 'ul.attachments > li'), /JPEG · 3 KB/);
  const accessLog = 'h2#access-title + div table tbody tr';
  const accessBefore = await page.locator(accessLog).count();
  await assertAccessible(page, 'case page with files');
  await screenshot(page, 'attachment-case-360');
  // At a desk's width too, without sideways scroll
  await page.setViewportSize({ width: 1280, height: 900 });
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(wide <= 1280, `the case page is ${wide}px wide at 1280 px`);
  await page.screenshot({ path: path.join(ROOT, 'test-artifacts', 'screenshots', 'attachment-case-1280.png'), fullPage: true });
  await page.setViewportSize(PHONE);
  const form = page.locator('ul.attachments > li form').first();
  await form.locator('select').selectOption('handling');
  const [download] = await Promise.all([page.waitForEvent('download'), form.locator('button').click()]);
  assert.match(download.suggestedFilename(), /^attachment-[0-9a-f-]+\.jpg$/, 'served under a safe name with its real type');
  const saved = await download.path();
  assert.deepEqual(fs.readFileSync(saved), JPEG, 'the bytes the client sent');

  // The access log on the case page shows the opening, with its purpose
  await page.goto(`/staff/case/${id}`);
  const log = await page.locator(accessLog).allTextContents();
  assert.equal(log.length, accessBefore + 1, 'one more opening in the access log');
  assert.match(log[log.length - 1], /Handling/i, `the opening's purpose: ${log}`);
  await screenshot(page, 'attachment-case-opened-360');

  // The client erases the case: the files are gone
  const client = await phoneContext(browser, server.url);
  const cp = await client.newPage();
  await track(cp, code, 'en');
  await cp.click('#erase > summary');
  await cp.check('form[action="/track/erase"] input[name=confirm]');
  await submit(cp, 'form[action="/track/erase"] button[type=submit]');
  await client.close();
  assert.equal(fs.existsSync(path.join(server.data, 'evidence', id)), false, 'the files are deleted');
  await page.goto(`/staff/case/${id}`);
  assert.equal(await page.locator('ul.attachments > li form').count(), 0, 'nothing left to open');
  assert.match(await text(page, 'ul.attachments'), /Erased/);
  await assertAccessible(page, 'case page after erasure');
  await screenshot(page, 'attachment-case-erased-360');
  await context.close();
});
