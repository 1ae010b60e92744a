// axe-core (WCAG 2.0, 2.1 and 2.2, levels A and AA) finds no violation on any page: every public
// page, each step of the complaint form, in English, French and Arabic (right to left), and the
// staff, administration and board pages. The pages are also photographed at phone width.

'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const {
  ROOT, STAFF, useServerAndBrowser, assertAccessible, assertFitsPhone, screenshot, signIn, text,
} = require('./server');

const app = useServerAndBrowser();

const LANGUAGES = [
  { lang: 'en', dir: 'ltr' },
  { lang: 'fr', dir: 'ltr' },
  { lang: 'ar', dir: 'rtl' },
];

/** A phone-sized context where axe-core can be injected despite the pages' strict
 * Content-Security-Policy (script-src 'self'): only the test's own script is let through. */
function axeContext() {
  return app.context({ bypassCSP: true });
}

/** Submits the form the button belongs to and waits for the next page. */
async function submit(page, selector) {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

/**
 * From the queue, a case the chair may open (not recused), preferring one with corrective
 * actions so that more of the case page is checked.
 */
async function richestCase(page) {
  const rows = await page.$$eval('main table tbody tr', (trs) => trs.map((tr) => ({
    href: tr.querySelector('a[href^="/staff/case/"]')?.getAttribute('href'),
    actions: Number.parseInt(tr.lastElementChild?.textContent || '', 10) || 0,
  })));
  rows.sort((a, b) => b.actions - a.actions);
  for (const { href } of rows.filter((r) => r.href)) {
    const response = await page.goto(href);
    if (response.ok() && (await page.locator('main form[action$="/open"]').count()) === 1) return href;
  }
  throw new Error('no case in the queue that the chair may open');
}

/** One subtest per page: axe-core finds nothing, and the page fits a phone. */
function checker(t, page, lang) {
  return async (name) => {
    await t.test(name, async () => {
      assert.equal(await page.getAttribute('html', 'lang'), lang, `${name} is in ${lang}`);
      await assertAccessible(page, `${name} [${lang}] ${new URL(page.url()).pathname}`);
      await assertFitsPhone(page, `${name} [${lang}]`);
    });
  };
}

for (const { lang, dir } of LANGUAGES) {
  test(`public pages in ${lang}`, async (t) => {
    const context = await axeContext();
    const page = await context.newPage();
    const check = checker(t, page, lang);

    await page.goto(`/?lang=${lang}`);
    assert.equal(await page.getAttribute('html', 'dir'), dir);
    await check('landing');
    if (lang === 'ar') await screenshot(page, 'landing-ar');

    // The language is remembered (cookie) for the pages that follow.
    await page.goto('/complain');
    await check('complaint step 1');
    await submit(page, 'main form button[name=go][value=next]');
    assert.ok(await page.isVisible('.error-summary'));
    await check('complaint step 1 with errors');
    await page.fill('#what', 'A test complaint for the accessibility check.');
    await page.selectOption('#program', { index: 1 });
    await page.selectOption('#site', { index: 1 });
    await submit(page, 'main form button[name=go][value=next]');
    await check('complaint step 2');
    await page.check('input[name=rights] >> nth=0');
    await submit(page, 'main form button[name=go][value=next]');
    await check('complaint step 3');
    await page.check('input[name=contact][value=email]');
    await submit(page, 'main form button[name=go][value=next]');
    assert.ok(await page.isVisible('.error-summary'));
    await check('complaint step 3 with errors');
    await page.check('input[name=identity][value=anonymous]');
    await page.check('input[name=contact][value=none]');
    await submit(page, 'main form button[name=go][value=next]');
    await check('complaint step 4');
    await page.check('#consent_handle');
    await submit(page, 'main form button[name=go][value=send]');
    const code = await text(page, '#receipt-code');
    assert.match(code, /^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
    await check('receipt');

    await page.goto('/track');
    await check('track form');
    await page.fill('#code', 'AAAA-BBBB-CCCC-DDDD-EEEE');
    await submit(page, 'main form button[type=submit]');
    await check('track form, code not found');
    await page.fill('#code', code);
    await submit(page, 'main form button[type=submit]');
    assert.ok((await page.locator('ol.timeline > li').count()) >= 1, 'the tracked case shows');
    await check('tracked case');

    await page.goto('/transparency');
    await check('transparency report (none published)');
    await page.goto('/staff/login');
    await check('staff sign-in');
    await context.close();
  });

  test(`staff, administration and board pages in ${lang}`, async (t) => {
    const context = await axeContext();
    const page = await context.newPage();
    const check = checker(t, page, lang);
    await page.goto(`/staff/login?lang=${lang}`);

    await signIn(page, STAFF.chair, '/staff');
    await check('work queue');
    const href = await richestCase(page);
    await page.goto(href);
    await check('case page');
    // items: with every list unfolded (the framework items under their areas), still clean.
    await page.$$eval('main details', (ds) => ds.forEach((d) => { d.open = true; }));
    await check('case page, lists unfolded');
    // items: a case the chair may still triage, its framework items under their four areas.
    await page.goto('/staff');
    const hrefs = await page.$$eval('main table tbody tr a[href^="/staff/case/"]', (as) => as.map((a) => a.getAttribute('href')));
    let triage = null;
    for (const h of hrefs) {
      const response = await page.goto(`${h}?lang=${lang}`);
      if (response.ok() && (await page.locator('main form[action$="/triage"]').count()) === 1) { triage = h; break; }
    }
    assert.ok(triage, 'a case the chair may triage');
    await page.$$eval('main details', (ds) => ds.forEach((d) => { d.open = true; }));
    assert.ok((await page.locator('main form[action$="/triage"] fieldset.item-area legend').count()) >= 4, 'the items under their areas');
    await check('case page, framework items unfolded');
    await screenshot(page, `case-items-${lang}`);
    await page.goto(`${href}/verify`);
    await check('verify page');
    // The sealed file, opened for a recorded purpose.
    await page.goto(href);
    await submit(page, 'main form[action$="/open"] button[type=submit]');
    await check('opened case file');
    // items: the case's corrective actions, each with its sealed texts beside it.
    assert.ok((await page.locator('main section.file-action').count()) > 0, 'the opened file lists the corrective actions');
    await screenshot(page, `file-${lang}`);
    await page.goto('/board');
    assert.ok((await page.locator('main svg[role=img]').count()) > 0);
    await check('board dashboard (chair)');
    await page.goto('/board?granularity=quarter&from=2030-01-01&to=2020-01-01');
    await check('board dashboard with errors');
    // Framework reviews and systemic actions, as the chair sees them (forms included).
    await page.goto('/board/reviews');
    await check('framework reviews');
    await page.goto(await page.getAttribute('main a[href^="/board/reviews/"]', 'href'));
    await check('a framework review');
    await page.goto('/board/systemic');
    await check('systemic actions');
    await page.goto(await page.getAttribute('main a[href^="/board/systemic/"]:not([href$="/new"])', 'href'));
    await check('a systemic action');
    await page.goto('/board/systemic/new');
    await check('open a systemic action');
    await page.goto('/staff/password');
    await check('change password');
    await page.context().clearCookies();

    await page.goto(`/staff/login?lang=${lang}`);
    await signIn(page, STAFF.intake, '/staff/file');
    await check('intake filing form');
    await submit(page, 'main form button[type=submit]');
    await check('intake filing form with errors');
    await page.context().clearCookies();

    await page.goto(`/staff/login?lang=${lang}`);
    await signIn(page, STAFF.board, '/board');
    await check('board dashboard');
    await page.goto('/board/transparency');
    const period = await page.getAttribute('#period option', 'value');
    await page.goto(`/board/transparency?period=${encodeURIComponent(period)}`);
    await check('transparency report preview');
    await page.context().clearCookies();

    await page.goto(`/staff/login?lang=${lang}`);
    await signIn(page, STAFF.admin, '/staff/admin');
    await check('administration: staff');
    const person = await page.getAttribute('main a[href^="/staff/admin?staff="]', 'href');
    await page.goto(person);
    await check('administration: a staff member');
    await page.goto('/staff/admin?view=enrol');
    await check('administration: enrol');
    await page.goto('/staff/admin?view=settings');
    await check('administration: settings');
    await page.goto('/staff/no-such-page');
    await check('not found');
    await context.close();
  });
}

test('screenshots of the staff pages and the dashboard in Arabic, at phone width', async () => {
  const context = await app.context();
  const page = await context.newPage();
  await page.goto('/staff/login?lang=ar');
  await signIn(page, STAFF.chair, '/staff');
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  await screenshot(page, 'queue-ar');
  await page.goto('/board');
  await screenshot(page, 'dashboard-ar');
  await page.goto('/board/reviews');
  await page.goto(await page.getAttribute('main a[href^="/board/reviews/"]', 'href'));
  await screenshot(page, 'review-ar');
  await page.goto('/board/systemic');
  await screenshot(page, 'systemic-ar');
  await context.close();
});

// casepage: the staff case page (timeline with its time zone, the next deadline only, the
// triage form holding the current triage) at phone and desk widths in English, French and
// Arabic: axe-core finds nothing, nothing overflows, and each is photographed.
test('the case page at 360 and 1280 px in en, fr and ar: accessible, no overflow, screenshots', async () => {
  const context = await axeContext();
  const page = await context.newPage();
  await signIn(page, STAFF.chair, '/staff');
  const href = await richestCase(page);
  for (const { lang, dir } of LANGUAGES) {
    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: width === 360 ? 740 : 900 });
      await page.goto(`${href}?lang=${lang}`);
      assert.equal(await page.getAttribute('html', 'dir'), dir);
      assert.equal(await page.locator('main p.hint', { hasText: 'America/Toronto' }).count(), 1);
      await assertAccessible(page, `case page [${lang}] at ${width} px`);
      if (width === 360) {
        await screenshot(page, `case-${lang}-${width}`);
      } else {
        // At a desk's width nothing scrolls sideways either.
        const { scroll, client } = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          client: document.documentElement.clientWidth,
        }));
        assert.ok(scroll <= client, `case page [${lang}] is ${scroll}px wide at ${client}px`);
        await page.screenshot({ path: path.join(ROOT, 'test-artifacts', 'screenshots', `case-${lang}-${width}.png`), fullPage: true });
      }
    }
  }
  await context.close();
});
