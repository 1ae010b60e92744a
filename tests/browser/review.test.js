// The whole framework review flow in the browser, in English, French and Arabic (right to
// left): the chair opens an area review, rates its items (one not met), is refused submission
// while that item has no follow-up, opens a systemic corrective action for it and submits; a
// board member returns the review with comments, the chair reads them and submits again, the
// board member approves, and the approved review refuses any change. Then the board member
// previews and publishes the transparency report, which the public page shows without signing
// in. Every page of the flow is axe-core clean and fits a 360 px phone, and is photographed
// there (test-artifacts/screenshots/review-flow-<step>-<lang>.png).

'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const {
  STAFF, useServerAndBrowser, assertAccessible, screenshot, signIn, text,
} = require('./server');

const app = useServerAndBrowser();

/** The framework area reviewed: three items keep the flow short. */
const AREA = 'monitoring';

const LANGUAGES = [
  { lang: 'en', dir: 'ltr' },
  { lang: 'fr', dir: 'ltr' },
  { lang: 'ar', dir: 'rtl' },
];

/** Submits the form `selector`'s button belongs to; resolves with the response. */
async function submit(page, selector) {
  const [response] = await Promise.all([page.waitForNavigation(), page.click(selector)]);
  return response;
}

/** A context where axe-core may be injected despite the pages' Content-Security-Policy. */
function axeContext() {
  return app.context({ bypassCSP: true });
}

/**
 * Checks the page is in `lang` and `dir`, axe-core clean, fits a phone, and photographs it as
 * `review-flow-<step>-<lang>`.
 */
async function check(page, step, { lang, dir }) {
  const where = `${step} [${lang}] ${new URL(page.url()).pathname}`;
  assert.equal(await page.getAttribute('html', 'lang'), lang, `${where} is in ${lang}`);
  assert.equal(await page.getAttribute('html', 'dir'), dir, `${where} is ${dir}`);
  await assertAccessible(page, where);
  await screenshot(page, `review-flow-${step}-${lang}`);
}

/** Signs `login` in, in `lang`, landing on `next`. */
async function signInIn(page, lang, login, next) {
  await page.goto(`/staff/login?lang=${lang}`);
  await signIn(page, login, next);
}

/** The review's status badge. */
async function status(page) {
  return page.getAttribute('main dl.facts .badge', 'class');
}

for (const language of LANGUAGES) {
  const { lang } = language;

  test(`the framework review flow, from opening to publication, in ${lang}`, async () => {
    const chairContext = await axeContext();
    const chair = await chairContext.newPage();
    const errors = [];
    chair.on('pageerror', (e) => errors.push(e));

    // 1. The chair opens an area review from the list of reviews.
    await signInIn(chair, lang, STAFF.chair, '/board/reviews');
    assert.equal(new URL(chair.url()).pathname, '/board/reviews');
    await check(chair, 'list', language);
    await chair.selectOption('#area', AREA);
    const opened = await submit(chair, 'main form[action="/board/reviews"][method=post] button[type=submit]');
    assert.equal(opened.status(), 200);
    assert.match(new URL(chair.url()).search, /done=review-opened/);
    const reviewPath = new URL(chair.url()).pathname;
    assert.match(reviewPath, /^\/board\/reviews\/[0-9a-f-]{36}$/);
    assert.match(await status(chair), /review-open/);
    await check(chair, 'opened', language);

    // 2. The chair rates every item: the first not met, the others met.
    const items = await chair.$$eval('main article.review-item', (as) => as.map((a) => a.id.replace(/^item-/, '')));
    assert.ok(items.length >= 2 && items.length <= 5, `an area review has a few items (found ${items.length})`);
    // The framework's texts exist in English and French only: on an Arabic page they say they
    // are English (screen readers switch voice, and the text keeps its own direction).
    const english = lang === 'ar' ? 'en' : null;
    for (const item of items) {
      assert.equal(await chair.$eval(`[id="item-${item}-title"] > span`, (e) => e.getAttribute('lang')), english,
        `${item}'s text is marked as ${english ?? 'the page\'s language'}`);
    }
    assert.equal(await chair.$eval(`[id="area-${AREA}-title"] > span`, (e) => e.getAttribute('lang')), english);
    const [shortfall, ...rest] = items;
    for (const item of items) {
      const form = chair.locator(`[id="item-${item}"] form[action$="/rate"]`);
      const rating = item === shortfall ? 'not_met' : 'met';
      await form.locator(`input[name=rating][value=${rating}]`).check();
      await form.locator('textarea[name=reasons]').fill(
        item === shortfall
          ? 'The periodic evaluation was not carried out this quarter.'
          : 'The committee saw the minutes and the figures bear it out.',
      );
      await submit(chair, `[id="item-${item}"] form[action$="/rate"] button[type=submit]`);
      assert.match(new URL(chair.url()).search, /done=review-rate/, `${item} is rated`);
    }
    for (const item of rest) {
      assert.equal(await chair.locator(`[id="item-${item}"] .rating-met`).count(), 1, `${item} shows met`);
    }
    const short = chair.locator(`[id="item-${shortfall}"]`);
    assert.equal(await short.locator('.rating-not_met').count(), 1, `${shortfall} shows not met`);
    const notMet = await text(chair, `[id="item-${shortfall}"] .rating-not_met`);
    // The committee's words keep their own direction (an English reason on an Arabic page).
    assert.deepEqual(await chair.$$eval('main dd.text', (es) => es.map((e) => e.getAttribute('dir'))), items.map(() => 'auto'),
      'each rating\'s reasons take their direction from their text');
    assert.equal(await short.locator('.field-error').count(), 1, 'the item not met asks for a follow-up');
    assert.equal(await chair.locator('#submit ul.refusals li').count(), 1, 'one thing blocks submission');
    await check(chair, 'rated', language);

    // Submitting now is refused, clearly: the rules' words in the page's language, not a 500.
    const refused = await submit(chair, '#submit form button[type=submit]');
    assert.equal(refused.status(), 409, 'submission without a follow-up is refused');
    const refusal = await text(chair, 'main [role=alert]');
    // In the page's own words: the rating as the review shows it.
    assert.ok(refusal.toLowerCase().includes(notMet.toLowerCase()), `the refusal says the item is "${notMet}": ${refusal}`);
    assert.ok(refusal.includes(shortfall), `the refusal names the item: ${refusal}`);
    assert.equal(await chair.getAttribute('main a[href^="/board/reviews/"]', 'href'), reviewPath, 'the refusal links back to the review');
    await check(chair, 'submit-refused', language);

    // The chair opens a systemic corrective action as the item's follow-up.
    await chair.goto(reviewPath);
    await Promise.all([chair.waitForNavigation(), short.locator('a[href^="/board/systemic/new?"]').click()]);
    assert.equal(new URL(chair.url()).pathname, '/board/systemic/new');
    assert.equal(await chair.inputValue('#framework_item'), shortfall, 'the action serves the item it follows up');
    await check(chair, 'systemic-new', language);
    const title = `Evaluate the complaints service every quarter (${lang})`;
    await chair.fill('#title', title);
    await chair.fill('#description', 'Schedule the periodic evaluation and report it to the board.');
    await chair.selectOption('#owner', { index: 1 });
    const min = await chair.getAttribute('#due', 'min');
    const due = new Date(`${min}T12:00:00Z`);
    due.setUTCDate(due.getUTCDate() + 60);
    await chair.fill('#due', due.toISOString().slice(0, 10));
    await submit(chair, 'main form[action="/board/systemic"] button[type=submit]');
    assert.match(new URL(chair.url()).search, /done=systemic-opened/);
    assert.equal(await text(chair, 'h1'), title);
    assert.equal(await chair.$eval('main p.note', (e) => e.getAttribute('dir')), 'auto', 'the description keeps its direction');
    assert.ok((await text(chair, 'main dl.facts')).includes(shortfall), 'the action names its framework item');
    await check(chair, 'systemic-opened', language);

    // The review shows the follow-up; nothing blocks submission any more; the chair submits.
    await chair.goto(reviewPath);
    assert.equal(await short.locator('.field-error').count(), 0, 'the follow-up is recorded');
    assert.ok((await text(chair, `[id="item-${shortfall}"]`)).includes(title), 'the item lists its follow-up');
    assert.equal(await chair.locator('#submit ul.refusals').count(), 0);
    await check(chair, 'ready', language);
    await submit(chair, '#submit form button[type=submit]');
    assert.match(new URL(chair.url()).search, /done=review-submit/);
    assert.match(await status(chair), /review-submitted/);
    assert.equal(await chair.locator('form[action$="/rate"]').count(), 0, 'a submitted review is not rated');
    await check(chair, 'submitted', language);

    // 3. A board member returns it with comments.
    const boardContext = await axeContext();
    const board = await boardContext.newPage();
    board.on('pageerror', (e) => errors.push(e));
    await signInIn(board, lang, STAFF.board, reviewPath);
    assert.equal(new URL(board.url()).pathname, reviewPath);
    await check(board, 'board-decides', language);
    const comments = `Say who carries out the evaluation and when (${lang}).`;
    await board.fill('#return-comments', comments);
    await submit(board, 'form[action$="/return"] button[type=submit]');
    assert.match(new URL(board.url()).search, /done=review-return/);
    assert.match(await status(board), /review-open/, 'a returned review is open again');
    await check(board, 'returned', language);

    // The chair sees the comments and submits again.
    await chair.goto(reviewPath);
    assert.ok((await text(chair, '#history + ol.timeline')).includes(comments), 'the chair reads the board\'s comments');
    assert.equal(await chair.$eval('#history + ol.timeline p.text', (e) => e.getAttribute('dir')), 'auto');
    await check(chair, 'comments', language);
    await submit(chair, '#submit form button[type=submit]');
    assert.match(new URL(chair.url()).search, /done=review-submit/);

    // The board member approves.
    await board.goto(reviewPath);
    await board.fill('#approve-comments', 'Approved with the systemic action.');
    await submit(board, 'form[action$="/approve"] button[type=submit]');
    assert.match(new URL(board.url()).search, /done=review-approve/);
    assert.match(await status(board), /review-approved/);
    const approved = await text(board, 'main dl.facts .badge');
    await check(board, 'approved', language);

    // The approved review refuses changes: no form to rate, and a rating posted is refused.
    await chair.goto(reviewPath);
    assert.equal(await chair.locator('form[action$="/rate"], form[action$="/attest"], form[action$="/submit"]').count(), 0,
      'an approved review offers no form');
    await check(chair, 'final', language);
    const csrf = await chair.getAttribute('header form[action="/staff/logout"] input[name=csrf]', 'value');
    const late = await chair.request.post(`${reviewPath}/rate`, {
      form: { csrf, item: shortfall, rating: 'met', reasons: 'Changed our minds.' },
      maxRedirects: 0,
    });
    assert.equal(late.status(), 409, 'a rating of an approved review is refused');
    const lateText = (await late.text()).replace(/\s+/g, ' ');
    assert.ok(lateText.toLowerCase().includes(approved.toLowerCase()), `the refusal says the review is "${approved}"`);
    await chair.goto(reviewPath);
    assert.equal(await short.locator('.rating-not_met').count(), 1, 'the rating did not change');
    await chairContext.close();

    // 4. The board member previews and publishes this quarter's transparency report, which
    // lists the systemic action opened today.
    await board.goto('/board/transparency');
    await check(board, 'transparency', language);
    const quarter = await board.getAttribute('#period option', 'value');
    assert.match(quarter, /^quarter:/);
    await board.selectOption('#period', quarter);
    await submit(board, 'main form[method=get] button[type=submit]');
    assert.ok((await text(board, 'main')).includes(title), 'the preview lists the systemic action');
    await check(board, 'transparency-preview', language);
    const published = await submit(board, 'main form[method=post] button[type=submit]');
    assert.equal(published.status(), 200);
    const reportPath = new URL(board.url()).pathname;
    assert.match(reportPath, /^\/transparency\/[0-9a-f-]{36}$/);
    await boardContext.close();

    // The public page, without signing in, shows it.
    const publicContext = await axeContext();
    const visitor = await publicContext.newPage();
    visitor.on('pageerror', (e) => errors.push(e));
    await visitor.goto(`${reportPath}?lang=${lang}`);
    assert.equal(await visitor.locator('header form[action="/staff/logout"]').count(), 0, 'nobody is signed in');
    assert.ok((await text(visitor, 'main')).includes(title), 'the public report lists the systemic action');
    // Its title is the chair's words, in whatever language: isolated from the status beside it
    // (else, on an Arabic page, an English title and its status are shuffled).
    assert.ok((await visitor.$$eval('main li > bdi', (es) => es.map((e) => e.textContent))).includes(title),
      'the systemic action\'s title is isolated (bdi)');
    const rated = await visitor.$$eval('main table.figures th[scope=row] > span', (es) => es.map((e) => e.getAttribute('lang')));
    assert.ok(rated.length > 0, 'the public report shows the latest approved review\'s ratings');
    assert.deepEqual([...new Set(rated)], [english], 'the framework items are marked with their language');
    await check(visitor, 'public-report', language);
    // The list of reports, when there are several (a period may be published more than once),
    // says when each was published; the one shown is not a link.
    const listed = await visitor.$$eval('main h2 + ul li', (ls) => ls.map((li) => li.textContent.trim()));
    if (listed.length > 1) {
      const published = await visitor.$$eval('main h2 + ul li:not(:has(a))', (ls) => ls.map((li) => li.textContent.trim()));
      assert.equal(published.length, 1, 'the report shown is marked in the list');
      assert.match(published[0], /\d{4}-\d{2}-\d{2}/, `the list says when the report shown was published: ${published[0]}`);
    }
    await visitor.goto('/transparency');
    assert.ok((await text(visitor, 'main')).includes(title), 'the latest report is the one just published');
    await publicContext.close();

    assert.deepEqual(errors, []);
  });
}
