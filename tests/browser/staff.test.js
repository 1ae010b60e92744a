// Staff in the browser: intake files a complaint for a client who phoned, acknowledges, triages
// and routes it; the reviewer records a finding and decides; the chair closes it. The status
// changes at each step, every event verifies, and the client sees the case closed with the
// receipt code intake gave them. A board member reads the dashboard's charts.

'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const {
  STAFF, useServerAndBrowser, screenshot, signIn, signOut, text,
} = require('./server');

const app = useServerAndBrowser();

/** Submits the case form posting to `/staff/case/<id>/<action>`; returns the notice shown. */
async function act(page, action) {
  const form = page.locator(`main form[action$="/${action}"]`);
  assert.equal(await form.count(), 1, `the case page offers "${action}"`);
  await Promise.all([page.waitForNavigation(), form.locator('button[type=submit]').last().click()]);
  assert.match(new URL(page.url()).search, new RegExp(`done=case-${action}`), `"${action}" was done`);
  return text(page, 'main .notice');
}

/** The case's status, from the facts list (its first fact). */
async function status(page) {
  assert.equal(await text(page, 'dl.facts dt >> nth=0'), 'Status');
  return text(page, 'dl.facts dd >> nth=0');
}

async function timelineLength(page) {
  return page.locator('ol.timeline > li').count();
}

test('a case goes from filing to closure through intake, reviewer and chair', async () => {
  const context = await app.context();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));

  // Intake: the queue, then a complaint filed for a client on the phone.
  await signIn(page, STAFF.intake);
  assert.equal(new URL(page.url()).pathname, '/staff', 'intake lands on the work queue');
  assert.equal(await text(page, 'h1'), 'Work queue');
  assert.ok((await page.locator('main table tbody tr').count()) > 0, 'the demo queue has cases');
  await screenshot(page, 'queue');

  await page.goto('/staff/file');
  await page.selectOption('#channel', 'phone');
  await page.fill('#what', 'The client says the settlement worker shouted at them at the front desk.');
  await page.selectOption('#program', { index: 1 });
  await page.selectOption('#site', { index: 1 });
  await page.check('input[name=identity][value=anonymous]');
  await page.check('input[name=contact][value=none]');
  await page.check('#consent_handle');
  await Promise.all([page.waitForNavigation(), page.click('main form button[type=submit]')]);
  const code = await text(page, '#receipt-code');
  assert.match(code, /^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/, 'intake gets a receipt code to give the client');
  const href = await page.getAttribute('main a[href^="/staff/case/"]', 'href');
  const id = href.split('/').pop();

  await page.goto(href);
  assert.equal(await status(page), 'New');
  await screenshot(page, 'case');
  let events = await timelineLength(page);

  await page.fill('#ack-note', 'Called the client back the same day.');
  assert.equal(await act(page, 'acknowledge'), 'Acknowledged.');
  assert.equal(await status(page), 'Acknowledged');
  assert.ok((await timelineLength(page)) > events);
  events = await timelineLength(page);

  await page.selectOption('#category', 'staff_conduct');
  await page.selectOption('#urgency', 'priority');
  assert.equal(await act(page, 'triage'), 'Triage recorded.');
  assert.equal(await status(page), 'Acknowledged', 'triage keeps the status');
  assert.ok((await text(page, 'dl.facts')).includes('Priority'), 'the triage shows in the facts');
  assert.ok((await timelineLength(page)) > events);

  await page.selectOption('#reviewer', { label: 'Priya Raman' });
  assert.equal(await act(page, 'assign'), 'Reviewer assigned.');
  assert.equal(await status(page), 'Under review');
  assert.ok((await text(page, 'dl.facts')).includes('Priya Raman'));
  assert.equal(await page.locator('main form[action$="/close"]').count(), 0, 'intake may not close');
  await signOut(page);

  // The reviewer: a finding, then the decision.
  await signIn(page, STAFF.reviewer, href);
  assert.equal(new URL(page.url()).pathname, href, 'sign-in returns to the case');
  assert.equal(await status(page), 'Under review');
  await page.check('input[name=substantiated][value=yes]');
  await page.fill('#summary', 'Two people at the desk confirm the worker raised their voice.');
  assert.equal(await act(page, 'finding'), 'Finding recorded.');
  assert.equal(await status(page), 'Under review');
  await page.selectOption('#outcome', 'upheld');
  await page.fill('#reasons', 'Raising one\'s voice at a client breaches the right to respectful service.');
  await page.fill('#remedy', 'An apology and a new appointment with another worker.');
  assert.equal(await act(page, 'decide'), 'Decision issued.');
  assert.equal(await status(page), 'Decided');
  await signOut(page);

  // The chair closes it, and checks it.
  await signIn(page, STAFF.chair, href);
  assert.equal(await status(page), 'Decided');
  // Closing asks first, on a page of its own (no script needed), with an optional note that
  // goes to the client.
  await Promise.all([page.waitForNavigation(), page.click('main form[action$="/close"] button')]);
  assert.equal(new URL(page.url()).pathname, `/staff/case/${id}/close`, 'closing asks for confirmation');
  assert.equal(await text(page, 'h1'), `Close the case? ${id}`);
  await page.fill('#close-note', 'Thank you for telling us. The front desk team has been spoken to.');
  await Promise.all([page.waitForNavigation(), page.click('main form[action$="/close"] button[type=submit]')]);
  assert.match(new URL(page.url()).search, /done=case-close/);
  assert.equal(await text(page, 'main .notice'), 'Case closed.');
  assert.equal(await status(page), 'Closed');
  await page.goto(`/staff/case/${id}/verify`);
  assert.ok(await page.isVisible('main .notice[role=status]'), 'the case verifies');
  assert.equal(await page.locator('main .unverified').count(), 0, 'no event fails verification');
  assert.ok((await page.locator('main table tbody tr').count()) >= 6, 'every event is listed');
  await signOut(page);
  assert.deepEqual(errors, []);
  await context.close();

  // The client, with the code intake gave them, sees the decision and the case closed.
  const client = await app.context();
  const tracking = await client.newPage();
  await tracking.goto('/track');
  await tracking.fill('#code', code);
  await Promise.all([tracking.waitForNavigation(), tracking.click('main form button[type=submit]')]);
  assert.equal(await text(tracking, 'main p:has(> strong)'), 'Where it is now: Closed');
  assert.match(await text(tracking, 'ol.timeline'), /decision/i, 'the decision is on the client\'s timeline');
  assert.ok((await text(tracking, 'main')).includes('The front desk team has been spoken to.'), 'the closing note reaches the client');
  await client.close();
});

test('a board member reads the dashboard: charts, no personal data, no case files', async () => {
  const context = await app.context();
  const page = await context.newPage();
  await signIn(page, STAFF.board, '/board');
  assert.equal(new URL(page.url()).pathname, '/board');
  const charts = page.locator('main figure.chart svg[role=img]');
  const n = await charts.count();
  assert.ok(n >= 4, `the dashboard shows charts (found ${n})`);
  for (let i = 0; i < n; i++) {
    const name = await charts.nth(i).evaluate((svg) => {
      const ids = (svg.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean);
      return svg.getAttribute('aria-label') ||
        ids.map((id) => document.getElementById(id)?.textContent || '').join(' ').trim() ||
        svg.querySelector(':scope > title')?.textContent || '';
    });
    assert.ok(name.trim().length > 0, `chart ${i + 1} has an accessible name`);
  }
  assert.ok((await page.locator('main dl.facts dd').count()) > 0, 'key figures are shown');
  await screenshot(page, 'dashboard');

  // The board sees no ordinary case: its queue lists only complaints about the director or
  // the chair routed to it (escalation), and the demo has none.
  const queue = await page.goto('/staff');
  assert.equal(queue.status(), 200, 'the board opens its queue of escalated complaints');
  assert.equal(await page.locator('main tbody tr').count(), 0, 'the board sees no ordinary case');
  await context.close();
});

test('a wrong password is refused with a clear message', async () => {
  const context = await app.context();
  const page = await context.newPage();
  await page.goto('/staff/login');
  await page.fill('#login', STAFF.intake);
  await page.fill('#password', 'not-the-password');
  await Promise.all([page.waitForNavigation(), page.click('main form button[type=submit]')]);
  assert.equal(new URL(page.url()).pathname, '/staff/login');
  assert.equal(await text(page, 'main .error-summary'), 'The sign-in name or password is not right.');
  await context.close();
});
