// A client files a complaint on a phone, with JavaScript off and with it on, in short steps,
// gets a receipt code, and follows the complaint with it. The complaint form page must stay
// under 50 KB, everything included.

'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const {
  useServerAndBrowser, screenshot, text, assertAccessible, assertFitsPhone, STAFF, DEMO_PASSWORD,
} = require('./server');

const app = useServerAndBrowser();

const RECEIPT = /^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/;

/** Clicks a submit button and waits for the page the form leads to. */
async function submit(page, selector) {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

const next = 'main form button[name=go][value=next]';
const back = 'main form button[name=go][value=back]';
const send = 'main form button[name=go][value=send]';

/** The text of every element matching `selector`, joined (the check page has one list a step). */
async function allText(page, selector) {
  return (await page.locator(selector).allTextContents()).join(' ').replace(/\s+/g, ' ').trim();
}

/** The step the form is at, from the step list (aria-current="step"). */
async function currentStep(page) {
  return text(page, 'ol.steps [aria-current=step]');
}

/** Follows a complaint with its receipt code; returns the status line. */
async function track(page, code) {
  await page.goto('/track');
  await page.fill('#code', code);
  await submit(page, 'main form button[type=submit]');
  assert.equal(await text(page, 'h1'), 'Your complaint', 'the tracking page shows the case');
  const status = await text(page, 'main p:has(> strong)');
  const events = await page.locator('ol.timeline > li').count();
  assert.ok(events >= 1, 'the timeline shows at least the filing');
  assert.match(await text(page, 'ol.timeline > li'), /you made your complaint/i, 'the timeline starts with the filing');
  return status;
}

test('file a complaint with JavaScript off, step by step, then track it by its receipt code', async () => {
  const context = await app.context({ javaScriptEnabled: false });
  const page = await context.newPage();
  const what = 'The worker refused to book an interpreter for my appointment (no JS).';

  await page.goto('/');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await screenshot(page, 'landing');
  await Promise.all([page.waitForNavigation(), page.click('main a[href="/complain"]')]);
  assert.match(await currentStep(page), /^1\./);
  await screenshot(page, 'complain-step-1');

  // Nothing filled in: the errors are listed at the top, linked to their fields.
  await submit(page, next);
  assert.match(await currentStep(page), /^1\./, 'an incomplete step is shown again');
  assert.ok(await page.isVisible('.error-summary'), 'an error summary is shown');
  assert.ok((await page.locator('.error-summary a[href="#what"]').count()) === 1, 'the error links to its field');
  assert.equal(await page.getAttribute('#what', 'aria-invalid'), 'true');
  await screenshot(page, 'complain-step-1-errors');

  await page.fill('#what', what);
  await page.selectOption('#program', { index: 1 });
  await page.selectOption('#site', { index: 1 });
  await submit(page, next);
  assert.match(await currentStep(page), /^2\./);
  assert.equal(await page.locator('.error-summary').count(), 0);
  const right = await text(page, 'fieldset .check label strong');
  await page.check('fieldset .check input[name=rights] >> nth=0');
  await page.fill('#outcome', 'An interpreter at my next appointment.');
  await screenshot(page, 'complain-step-2');

  await submit(page, next);
  assert.match(await currentStep(page), /^3\./);
  await page.check('input[name=identity][value=anonymous]');
  await page.check('input[name=contact][value=none]');
  await screenshot(page, 'complain-step-3');

  await submit(page, next);
  assert.match(await currentStep(page), /^4\./);
  const summary = await allText(page, 'dl.facts');
  assert.ok(summary.includes(what), 'the summary shows what happened');
  assert.ok(summary.includes(right), 'the summary shows the right cited');

  // Back keeps every answer.
  await submit(page, back);
  assert.match(await currentStep(page), /^3\./);
  assert.ok(await page.isChecked('input[name=identity][value=anonymous]'), 'answers survive going back');
  await submit(page, next);
  assert.match(await currentStep(page), /^4\./);
  assert.ok((await allText(page, 'dl.facts')).includes(what));
  await screenshot(page, 'complain-step-4');

  // Consent is needed to send.
  await submit(page, send);
  assert.match(await currentStep(page), /^4\./);
  assert.ok(await page.isVisible('.error-summary a[href="#consent_handle"]'));
  await page.check('#consent_handle');
  await submit(page, send);

  assert.equal(await text(page, 'h1'), 'We received your complaint');
  const code = await text(page, '#receipt-code');
  assert.match(code, RECEIPT, 'a receipt code is shown');
  assert.ok(await page.isHidden('button[data-copy]'), 'without JavaScript the copy button stays hidden');
  await screenshot(page, 'receipt');

  assert.equal(await track(page, code), 'Where it is now: Received');
  await screenshot(page, 'track-case');
  // The code also works typed in lower case without dashes.
  assert.equal(await track(page, code.replace(/-/g, '').toLowerCase()), 'Where it is now: Received');
  await context.close();
});

test('file a complaint with JavaScript on, named with an email, then track it', async () => {
  const context = await app.context();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  const what = 'My documents were left on the reception desk where anyone could read them (JS).';

  await page.goto('/complain');
  assert.match(await currentStep(page), /^1\./);
  await page.fill('#what', what);
  await page.selectOption('#program', { index: 1 });
  await page.selectOption('#site', { index: 2 });
  await page.selectOption('#stream', { index: 1 });
  await submit(page, next);
  assert.match(await currentStep(page), /^2\./);
  await page.check('input[name=rights] >> nth=1');
  await page.check('input[name=rights] >> nth=2');
  await submit(page, next);
  assert.match(await currentStep(page), /^3\./);
  await page.check('input[name=identity][value=named]');
  await page.fill('#name', 'Amina Example');
  await page.check('input[name=contact][value=email]');
  // A wrong email is caught, with the step kept.
  await page.fill('#email', 'not-an-email');
  await submit(page, next);
  assert.match(await currentStep(page), /^3\./);
  assert.ok(await page.isVisible('.error-summary a[href="#email"]'));
  await page.fill('#email', 'amina@example.org');
  await page.check('input[name=accommodations][value=interpreter]');
  await page.selectOption('#interpreter', 'ar');
  await submit(page, next);
  assert.match(await currentStep(page), /^4\./);
  const summary = await allText(page, 'dl.facts');
  assert.ok(summary.includes('Amina Example') && summary.includes(what));
  await page.check('#consent_handle');
  await page.check('#consent_contact');
  await submit(page, send);

  const code = await text(page, '#receipt-code');
  assert.match(code, RECEIPT);
  assert.ok(await page.isVisible('button[data-copy]'), 'with JavaScript the copy button is offered');
  assert.ok(await page.isVisible('button[data-print]'), 'with JavaScript the print button is offered');
  assert.equal(await track(page, code), 'Where it is now: Received');
  assert.deepEqual(errors, [], 'no script error on any page');
  await context.close();
});

test('the complaint form page weighs under 50 KB, everything included', async () => {
  const context = await app.context();
  const page = await context.newPage();
  const bodies = [];
  page.on('response', (response) => bodies.push(
    response.body().then((b) => ({ url: response.url(), bytes: b.length }), () => ({ url: response.url(), bytes: 0 }))));
  await page.goto('/complain', { waitUntil: 'networkidle' });
  const responses = await Promise.all(bodies);
  const total = responses.reduce((sum, r) => sum + r.bytes, 0);
  const paths = responses.map((r) => new URL(r.url).pathname);
  for (const r of responses) console.log(`  ${new URL(r.url).pathname}: ${r.bytes} bytes`);
  console.log(`  /complain page weight: ${total} bytes (${(total / 1024).toFixed(1)} KB) in ${responses.length} responses`);
  assert.ok(paths.includes('/complain') && paths.includes('/static/style.css') && paths.includes('/static/app.js'),
    `HTML, CSS and JavaScript are all counted: ${paths.join(', ')}`);
  assert.ok(total < 50 * 1024, `the complaint form weighs ${total} bytes: over 50 KB`);
  await context.close();
});

// ## intake: the receipt is a page of its own, a draft is filed once, a language switch keeps the
// draft, the check page shows every answer with Change links, the receipt code wraps only
// between its groups, and the browser's own (English) validation bubbles never show.

/** The ledger's size, from its signed checkpoint (second line of the note). */
async function ledgerSize(page) {
  const r = await page.request.get('/ledger/checkpoint');
  assert.equal(r.status(), 200);
  return Number((await r.text()).split('\n')[1]);
}

/** Fills steps 1 to 3 (named, with email, phone and an Arabic interpreter); ends at step 4. */
async function fillToCheck(page, lang, what) {
  await page.goto(`/complain?lang=${lang}`);
  await page.fill('#what', what);
  await page.selectOption('#program', { index: 1 });
  await page.selectOption('#site', { index: 1 });
  await submit(page, next);
  await page.check('input[name=rights] >> nth=0');
  await submit(page, next);
  await page.check('input[name=identity][value=named]');
  await page.fill('#name', 'Amina Example');
  await page.check('input[name=contact][value=email]');
  await page.fill('#email', 'amina@example.org');
  await page.fill('#phone', '+1 514 555 0100');
  await page.check('input[name=accommodations][value=interpreter]');
  await page.selectOption('#interpreter', 'ar');
  await submit(page, next);
  assert.match(await currentStep(page), /^4\./);
}

/** Sends the complaint from the check page; returns the receipt code. */
async function sendIt(page) {
  await page.check('#consent_handle');
  await page.check('#consent_contact');
  await submit(page, send);
  assert.equal(new URL(page.url()).pathname, '/complain/receipt', 'the receipt is a page of its own');
  const code = await text(page, '#receipt-code');
  assert.match(code, RECEIPT);
  return code;
}

test('reloading the receipt, or going back and sending again, files nothing new', async () => {
  for (const javaScriptEnabled of [false, true]) {
    // bypassCSP: axe-core is injected as a script (with JavaScript on).
    const context = await app.context({ javaScriptEnabled, bypassCSP: true });
    const page = await context.newPage();
    await fillToCheck(page, 'en', `Reload test (JS ${javaScriptEnabled}).`);
    const code = await sendIt(page);
    const size = await ledgerSize(page);

    await page.reload();
    assert.equal(await text(page, '#receipt-code'), code, 'a reload shows the same receipt');
    assert.equal(await ledgerSize(page), size, 'a reload files nothing');

    // Back: the last step says the complaint was sent; nothing is posted again.
    await page.goBack();
    assert.equal(await text(page, 'h1'), 'Your complaint was already sent');
    assert.equal(await ledgerSize(page), size, 'Back files nothing');
    if (javaScriptEnabled) await assertAccessible(page, 'already sent');
    await screenshot(page, `complain-already-sent-js-${javaScriptEnabled}`);
    await submit(page, 'main a[href="/complain/receipt"]');
    assert.equal(await text(page, '#receipt-code'), code, 'the receipt again, from this browser');
    assert.equal(await ledgerSize(page), size);
    await context.close();
  }
});

test('switching language mid-form keeps what was typed and the step, with and without JavaScript', async () => {
  for (const javaScriptEnabled of [false, true]) {
    const context = await app.context({ javaScriptEnabled });
    const page = await context.newPage();
    const what = `Nobody came to interpret (JS ${javaScriptEnabled}).`;
    await page.goto('/complain?lang=en');
    await page.fill('#what', what);
    await page.selectOption('#program', { index: 1 });
    await page.selectOption('#site', { index: 1 });
    await submit(page, next);
    assert.match(await currentStep(page), /^2\./);
    await page.check('input[name=rights] >> nth=1');
    await page.fill('#outcome', 'An interpreter next time.');
    // Tap العربية in the header, with the answer typed but not sent.
    await submit(page, 'header nav.langs [lang=ar]');
    assert.equal(await page.getAttribute('html', 'lang'), 'ar');
    assert.match(await currentStep(page), /^2\./, 'still at step 2');
    assert.equal(await page.inputValue('#outcome'), 'An interpreter next time.', 'what was typed is kept');
    assert.ok(await page.isChecked('input[name=rights] >> nth=1'), 'the right ticked is kept');
    await screenshot(page, `complain-step-2-ar-after-switch-js-${javaScriptEnabled}`);
    await submit(page, back);
    assert.equal(await page.inputValue('#what'), what, 'the first step is kept too');
    await context.close();
  }
});

test('the check page shows every answer, each step with a Change link; 360 px screenshots in en, fr and ar', async () => {
  for (const lang of ['en', 'fr', 'ar']) {
    const context = await app.context();
    const page = await context.newPage();
    const what = `Check page test in ${lang}.`;
    await fillToCheck(page, lang, what);
    const summary = await allText(page, 'dl.facts');
    for (const shown of [what, 'Amina Example', 'amina@example.org', '+1 514 555 0100', 'العربية']) {
      assert.ok(summary.includes(shown), `${lang}: the check page shows ${shown}`);
    }
    assert.equal(await page.locator('main a[href^="/complain?step="]').count(), 3, `${lang}: a Change link per step`);
    await screenshot(page, `complain-check-${lang}`);
    // Change the phone number, come back: the new answer is on the check page.
    await submit(page, 'main a[href="/complain?step=3"]');
    assert.match(await currentStep(page), /^3\./);
    assert.equal(await page.inputValue('#email'), 'amina@example.org', `${lang}: the answers are kept`);
    await page.fill('#phone', '+1 514 555 0199');
    await submit(page, next);
    assert.ok((await allText(page, 'dl.facts')).includes('+1 514 555 0199'));
    const code = await sendIt(page);
    // The receipt code wraps only between its groups, and nothing overflows a 360 px phone.
    const groups = await page.$$eval('#receipt-code .group', (gs) => gs.map((g) => [g.textContent, g.getClientRects().length]));
    assert.equal(groups.map(([t]) => t).join(''), code);
    assert.equal(groups.length, 5, `${lang}: the code is in five groups`);
    for (const [t, lines] of groups) assert.equal(lines, 1, `${lang}: the group ${t} is on one line`);
    await screenshot(page, `receipt-${lang}`);
    await context.close();
  }
});

test('no English browser bubble on French and Arabic forms: the page says what is wrong', async () => {
  const context = await app.context({ locale: 'en-US', bypassCSP: true });
  const page = await context.newPage();
  for (const [lang, error] of [['fr', 'Veuillez dire ce qui s'], ['ar', 'يُرجى ذكر ما حدث']]) {
    await page.goto(`/complain?lang=${lang}`);
    await submit(page, next);
    assert.ok((await text(page, '.error-summary')).includes(error), `${lang}: the page's own error`);
    assert.equal(await page.getAttribute('#what', 'aria-invalid'), 'true');
    // The tracking form too: sent empty, the server answers in the page's language.
    await page.goto(`/track?lang=${lang}`);
    await submit(page, 'main form button[type=submit]');
    assert.ok(await page.isVisible('.error-summary'), `${lang}: the tracking form's own error`);
    assert.equal(await page.getAttribute('#code', 'aria-invalid'), 'true');
    await assertAccessible(page, `track form with its error in ${lang}`);
  }
  await context.close();
});

// --- track ---------------------------------------------------------------------------------

/** A decided case with a staff message, an opening and a verified corrective action, through
 * the JSON API (as the chair and a reviewer); returns its receipt code. */
async function decidedCase() {
  const context = await app.context();
  const api = context.request;
  const ok = async (r, what) => {
    assert.ok(r.ok(), `${what}: ${r.status()} ${await r.text()}`);
    return r.json();
  };
  const filed = await ok(await api.post('/api/v1/complaints', { data: {
    language: 'en', name: 'Amina Example', email: 'amina@example.org', program: 'settlement',
    site: 'downtown', rights: ['respect'], what_happened: 'The interpreter never came, twice.',
    outcome_wanted: 'A new appointment with an interpreter.', contact_preference: 'email',
    accommodations: [], consent_handle: true, consent_contact: true,
  } }), 'filing');
  const signIn = async (login) => {
    const c = await app.context();
    const s = await ok(await c.request.post('/api/v1/session', { data: { login, password: DEMO_PASSWORD } }), login);
    return { c, csrf: s.csrf, id: s.staff.id };
  };
  const chair = await signIn(STAFF.chair);
  const owner = await signIn(STAFF.reviewer);
  const act = async (who, action, data) => ok(await who.c.request.post(
    `/api/v1/cases/${filed.case}/actions/${action}`, { data, headers: { 'x-csrf-token': who.csrf } }), action);
  await act(chair, 'acknowledge', {});
  await act(chair, 'assign', { reviewer: chair.id });
  await ok(await chair.c.request.post(`/api/v1/cases/${filed.case}/open`,
    { data: { purpose: 'handling' }, headers: { 'x-csrf-token': chair.csrf } }), 'open');
  await act(chair, 'message', { audience: 'client', body: 'Could you tell us the dates of both appointments?' });
  await act(chair, 'finding', { substantiated: true, summary: 'Two bookings were never made.' });
  await act(chair, 'decide', { outcome: 'upheld', reasons: 'The interpreter bookings were never made: we apologize, and your next appointment will have one.' });
  await act(chair, 'action-open', { owner: owner.id, due: '2030-04-30', framework_item: 'ethics.need-based', description: 'Check every interpreter booking the day before.' });
  await act(owner, 'action-complete', { action: 1, note: 'Done.' });
  await act(chair, 'action-verify', { action: 1, note: 'Checked.' });
  for (const c of [context, chair.c, owner.c]) await c.close();
  return filed.receipt_code;
}

test('the tracking page at 360 px in en, fr and ar: status first, the decision card, accessible, no sideways scroll', async () => {
  const code = await decidedCase();
  for (const lang of ['en', 'fr', 'ar']) {
    // <details> opens without script; axe-core needs script (and CSP bypassed) to run.
    const context = await app.context({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`/track?lang=${lang}`);
    await page.fill('#code', code);
    await submit(page, 'main form button[type=submit]');
    assert.ok(await page.isVisible('#track-status'), `${lang}: the status`);
    const top = async (selector) => (await page.locator(selector).first().boundingBox()).y;
    const status = await top('#track-status');
    const decision = await top('.track-decision');
    const message = await top('form[action="/track/message"]');
    assert.ok(status < decision && decision < message, `${lang}: status, then decision, then the message box`);
    assert.ok(decision < 740, `${lang}: the decision starts on the first screen (${decision}px)`);
    // The other forms are closed choices; opened with a click, no script needed
    assert.equal(await page.isVisible('form[action="/track/appeal"]'), false, `${lang}: the appeal form is behind its choice`);
    await page.click('#appeal > summary');
    assert.ok(await page.isVisible('form[action="/track/appeal"]'), `${lang}: the choice opens`);
    await page.click('#appeal > summary');
    assert.equal(await page.locator('.track-openings li').count(), 1, `${lang}: one opening`);
    assert.equal(await page.locator('.track-actions li').count(), 1, `${lang}: one verified action`);
    await assertAccessible(page, `tracking page in ${lang}`);
    await assertFitsPhone(page, `tracking page in ${lang}`);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    console.log(`tracking page height at 360 px in ${lang}: ${height}px`);
    await screenshot(page, `track-${lang}-360`);
    await context.close();
  }
});
