// A complaint about the people at the top (issue 12): a client on a phone, in English and in
// Arabic, says the complaint is about the director or the chair and names a staff member in
// their own words; the tracking page says in plain words who handles it; a board member finds
// it in their queue, marked escalated, while a chair does not see it. Every changed page is
// axe-core clean; screenshots to test-artifacts/screenshots/escalation-*.png.

'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const {
  STAFF, useServerAndBrowser, screenshot, signIn, signOut, text, assertAccessible,
} = require('./server');

const app = useServerAndBrowser();

const next = 'main form button[name=go][value=next]';
const send = 'main form button[name=go][value=send]';

async function submit(page, selector) {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

/** Files a complaint about the leadership in `lang`; returns the receipt code. */
async function fileAboutTheLeadership(page, lang, what, who) {
  await page.goto(`/complain?lang=${lang}`);
  await page.fill('#what', what);
  await page.selectOption('#program', { index: 1 });
  await page.selectOption('#site', { index: 1 });
  await page.check('input[name=about][value=leadership]');
  await page.fill('#who', who);
  await assertAccessible(page, `complain step 1 (${lang})`);
  await screenshot(page, `escalation-step-1-${lang}`);
  await submit(page, next);
  assert.equal(await page.locator('.error-summary').count(), 0, `${lang}: step 1 is accepted`);
  await submit(page, next);
  await page.check('input[name=identity][value=anonymous]');
  await page.check('input[name=contact][value=none]');
  await submit(page, next);
  await page.check('#consent_handle');
  await submit(page, send);
  assert.equal(new URL(page.url()).pathname, '/complain/receipt');
  return text(page, '#receipt-code');
}

test('a client files about the director in English and Arabic; the board finds it, a chair does not', async () => {
  const context = await app.context({ bypassCSP: true });
  const page = await context.newPage();
  const codes = [];
  for (const [lang, what, who] of [
    ['en', 'The director told me my case was not worth their time.', 'Grace at reception, then the director'],
    ['ar', 'قال لي المدير إن قضيتي لا تستحق وقته.', 'غريس في الاستقبال'],
  ]) {
    const code = await fileAboutTheLeadership(page, lang, what, who);
    codes.push(code);
    // The tracking page says who handles it, in plain words, without a name.
    await page.goto(`/track?lang=${lang}`);
    await page.fill('#code', code);
    await submit(page, 'main form button[type=submit]');
    const handled = await text(page, 'main .handled-by');
    if (lang === 'en') assert.match(handled, /the board handles it, not the complaints committee/);
    else assert.match(handled, /مجلس الإدارة/);
    assert.equal(await page.getAttribute('html', 'dir'), lang === 'ar' ? 'rtl' : 'ltr');
    await assertAccessible(page, `tracking page (${lang})`);
    await screenshot(page, `escalation-track-${lang}`);
  }

  // A board member's queue lists both, marked escalated to the board.
  await signIn(page, STAFF.board, '/staff?lang=en');
  await page.goto('/staff?lang=en');
  const escalated = page.locator('main tbody tr', { hasText: 'Escalated: the board handles it' });
  assert.ok((await escalated.count()) >= 2, 'the board sees the escalated complaints');
  await assertAccessible(page, 'board queue');
  await screenshot(page, 'escalation-board-queue');
  const href = await escalated.first().locator('a[href^="/staff/case/"]').getAttribute('href');
  await page.goto(href);
  assert.match(await text(page, 'dl.facts'), /Escalated/);
  assert.match(await text(page, 'dl.facts'), /Staff member described/);
  await assertAccessible(page, 'escalated case page (board)');
  await screenshot(page, 'escalation-board-case');
  await signOut(page);

  // A chair sees neither in the queue, and is refused the case page.
  await signIn(page, STAFF.chair, '/staff?lang=en');
  await page.goto('/staff?lang=en');
  assert.equal(
    await page.locator('main tbody tr', { hasText: 'Escalated' }).count(), 0,
    'no escalated complaint in the chair\'s queue',
  );
  const refused = await page.goto(href);
  assert.equal(refused.status(), 403);
  await context.close();
});
