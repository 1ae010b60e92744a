// The client's tracking page is post, then redirect, then get: after sending a message, a
// reload, Back and Forward show the page again and send nothing twice, with no "Confirm form
// resubmission" dialog; the notice shows once. At 360 px, in English and in Arabic, axe-core
// clean.

'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { useServerAndBrowser, screenshot, text, assertAccessible, assertFitsPhone } = require('./server');

const app = useServerAndBrowser();

/** Files a complaint through the JSON API; its receipt code. */
async function filed() {
  const context = await app.context();
  const r = await context.request.post('/api/v1/complaints', { data: {
    language: 'en', name: 'Amina Example', email: 'amina@example.org', program: 'settlement',
    site: 'downtown', rights: ['respect'], what_happened: 'The interpreter never came, twice.',
    outcome_wanted: 'A new appointment with an interpreter.', contact_preference: 'email',
    accommodations: [], consent_handle: true, consent_contact: true,
  } });
  assert.ok(r.ok(), `filing: ${r.status()} ${await r.text()}`);
  const code = (await r.json()).receipt_code;
  await context.close();
  return code;
}

for (const [lang, sent] of [['en', 'Your message was sent.'], ['ar', 'أُرسلت رسالتك.']]) {
  test(`${lang}: a message sent on the tracking page, then reload, Back and Forward: one message, no resubmission`, async () => {
    const code = await filed();
    // bypassCSP: axe-core is injected as a script.
    const context = await app.context({ bypassCSP: true });
    const page = await context.newPage();
    const dialogs = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });

    await page.goto(`/track?lang=${lang}`);
    await page.fill('#code', code);
    await Promise.all([page.waitForNavigation(), page.click('main form button[type=submit]')]);
    assert.match(page.url(), /\/track\/case(\?|$)/, 'the code leads to the case page');
    assert.ok(!page.url().includes(code) && !page.url().includes(code.replace(/-/g, '')), 'no code in the address');
    if (lang === 'ar') assert.equal(await page.getAttribute('html', 'dir'), 'rtl');

    const message = `Reload test in ${lang}: when is my next appointment?`;
    const mine = page.locator(`ol.timeline > li:has-text("${message}")`);
    await page.fill('#message-text', message);
    await Promise.all([page.waitForNavigation(), page.click('form[action="/track/message"] button[type=submit]')]);
    assert.match(page.url(), /\/track\/case(\?|$)/, 'the message leads to the case page (303)');
    assert.equal(await text(page, 'p.notice'), sent, 'the notice');
    assert.equal(await mine.count(), 1, 'one message');
    await assertAccessible(page, `tracking page after a message in ${lang}`);
    await assertFitsPhone(page, `tracking page after a message in ${lang}`);
    await screenshot(page, `track-reload-${lang}-360`);

    await page.reload();
    assert.equal(await mine.count(), 1, 'a reload sends nothing again');
    assert.equal(await page.locator('p.notice').count(), 0, 'the notice shows once');

    await page.goBack();
    assert.match(page.url(), /\/track\/case(\?|$)/);
    assert.equal(await mine.count(), 1, 'Back: the case page, fetched again by a GET, with one message');
    await page.goForward();
    assert.equal(await mine.count(), 1, 'Forward: one message');
    assert.deepEqual(dialogs, [], 'no dialog');

    // "I'm done" forgets the visit: Back shows the code form, not the case
    await Promise.all([page.waitForNavigation(), page.click('form[action="/track/done"] button[type=submit]')]);
    assert.ok(await page.isVisible('#code'), 'the code form');
    await page.goBack();
    assert.equal(await mine.count(), 0, 'Back after "I\'m done" shows no case');
    assert.ok(await page.isVisible('#code'), 'the code form again');
    await context.close();
  });
}
