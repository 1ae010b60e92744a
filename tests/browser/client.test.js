// A client files a complaint on a phone, with JavaScript off and with it on, in short steps,
// gets a receipt code, and follows the complaint with it. The complaint form page must stay
// under 50 KB, everything included.

'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { useServerAndBrowser, screenshot, text } = require('./server');

const app = useServerAndBrowser();

const RECEIPT = /^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/;

/** Clicks a submit button and waits for the page the form leads to. */
async function submit(page, selector) {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

const next = 'main form button[name=go][value=next]';
const back = 'main form button[name=go][value=back]';
const send = 'main form button[name=go][value=send]';

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
  const summary = await text(page, 'dl.facts');
  assert.ok(summary.includes(what), 'the summary shows what happened');
  assert.ok(summary.includes(right), 'the summary shows the right cited');

  // Back keeps every answer.
  await submit(page, back);
  assert.match(await currentStep(page), /^3\./);
  assert.ok(await page.isChecked('input[name=identity][value=anonymous]'), 'answers survive going back');
  await submit(page, next);
  assert.match(await currentStep(page), /^4\./);
  assert.ok((await text(page, 'dl.facts')).includes(what));
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
  const summary = await text(page, 'dl.facts');
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
