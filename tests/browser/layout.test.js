// Layout at a desk and on a phone (issue 12, defect 17): at 1280 px the work queue's table fits
// its column (no clipped last column, no sideways scroll), the content column and the
// dashboard's charts use the room there is, and dates never break inside ("2026-12-" / "31");
// at 360 px the person page's role buttons fit. Screenshots of the queue, the dashboard and
// the person page at both widths in English, French and Arabic.

'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, STAFF, useServerAndBrowser, signIn, assertFitsPhone } = require('./server');

const app = useServerAndBrowser();
const DESK = { width: 1280, height: 900 };
const SHOTS = path.join(ROOT, 'test-artifacts', 'screenshots');

async function shot(page, name) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** Nothing on the page is wider than the viewport. */
async function assertNoOverflow(page, where) {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  assert.ok(scroll <= client, `${where}: the page is ${scroll}px wide in a ${client}px viewport`);
}

/** Every element matching `selector` is on one line (a date never wraps inside). */
async function assertOneLine(page, selector, where) {
  const wrapped = await page.evaluate((sel) => [...document.querySelectorAll(sel)]
    .filter((e) => e.getClientRects().length > 1)
    .map((e) => e.textContent), selector);
  assert.deepEqual(wrapped, [], `${where}: these dates wrap: ${wrapped.join(', ')}`);
}

for (const lang of ['en', 'fr', 'ar']) {
  test(`the queue, the dashboard and the person page at 1280 px and 360 px in ${lang}`, async () => {
    const desk = await app.context({ viewport: DESK });
    const page = await desk.newPage();
    await signIn(page, STAFF.chair);
    await page.goto(`/staff?lang=${lang}`);

    // The queue's table fits its scrolling region: its last column is not clipped.
    const fit = await page.evaluate(() => {
      const region = document.querySelector('main .scroll');
      const table = region.querySelector('table');
      return {
        table: table.getBoundingClientRect().width,
        region: region.clientWidth,
        scrolls: region.scrollWidth > region.clientWidth,
        main: document.querySelector('main').getBoundingClientRect().width,
      };
    });
    assert.ok(!fit.scrolls && fit.table <= fit.region, `${lang}: the queue table is ${fit.table}px in a ${fit.region}px column`);
    assert.ok(fit.main >= 1100, `${lang}: the content column uses ${fit.main}px of 1280px`);
    await assertOneLine(page, 'main .date', `queue ${lang}`);
    await assertNoOverflow(page, `queue ${lang} at 1280 px`);
    await shot(page, `layout-queue-1280-${lang}`);

    // The dashboard's charts use the width of the column.
    await page.goto(`/board?lang=${lang}`);
    const charts = await page.evaluate(() => {
      const main = document.querySelector('main').getBoundingClientRect();
      const inner = main.width - 32;
      const rows = [...document.querySelectorAll('.charts')].map((grid) => {
        const svgs = [...grid.querySelectorAll('figure.chart svg')].map((s) => s.getBoundingClientRect());
        const top = Math.min(...svgs.map((r) => r.top));
        const first = svgs.filter((r) => Math.abs(r.top - top) < 2);
        return first.reduce((sum, r) => sum + r.width, 0) / Math.min(first.length, svgs.length);
      });
      const widths = [...document.querySelectorAll('figure.chart svg')].map((s) => s.getBoundingClientRect().width);
      return { inner, widths, count: widths.length };
    });
    assert.ok(charts.count > 0);
    for (const w of charts.widths) {
      assert.ok(w >= 0.28 * charts.inner, `${lang}: a chart is ${w}px wide in a ${charts.inner}px column`);
    }
    // Side by side: the charts of a section fill the column's width between them.
    const filled = await page.evaluate(() => {
      const grid = document.querySelector('.charts');
      const figs = [...grid.querySelectorAll('figure.chart')].map((f) => f.getBoundingClientRect());
      const top = Math.min(...figs.map((r) => r.top));
      const row = figs.filter((r) => Math.abs(r.top - top) < 2);
      return { used: row.reduce((s, r) => s + r.width, 0), of: grid.clientWidth, n: figs.length, inRow: row.length };
    });
    if (filled.n > 1) assert.ok(filled.inRow > 1, `${lang}: the charts are one under the other at 1280 px`);
    assert.ok(filled.used >= 0.6 * filled.of || filled.n === 1, `${lang}: the charts use ${filled.used}px of ${filled.of}px`);
    await assertNoOverflow(page, `dashboard ${lang} at 1280 px`);
    await shot(page, `layout-dashboard-1280-${lang}`);
    await desk.close();

    // On a phone: the queue, the dashboard, and the person page's role buttons fit.
    const phone = await app.context();
    const p = await phone.newPage();
    await signIn(p, STAFF.admin);
    await p.goto(`/staff/admin?lang=${lang}`);
    const person = await p.getAttribute('main a[href^="/staff/admin?staff="]', 'href');
    await p.goto(`${person}&lang=${lang}`);
    const buttons = await p.evaluate(() => [...document.querySelectorAll('main table button')].map((b) => {
      const r = b.getBoundingClientRect();
      return { left: r.left, right: r.right, text: b.textContent };
    }));
    assert.ok(buttons.length > 0, 'the person page offers roles');
    const width = await p.evaluate(() => document.documentElement.clientWidth);
    for (const b of buttons) {
      assert.ok(b.left >= 0 && b.right <= width, `${lang}: "${b.text}" is cut off (${b.left}..${b.right} of ${width}px)`);
    }
    await assertFitsPhone(p, `person ${lang}`);
    await shot(p, `layout-person-360-${lang}`);
    await phone.close();

    const phone2 = await app.context();
    const q = await phone2.newPage();
    await signIn(q, STAFF.chair);
    await q.goto(`/staff?lang=${lang}`);
    await assertFitsPhone(q, `queue ${lang} at 360 px`);
    await assertOneLine(q, 'main .date', `queue ${lang} at 360 px`);
    await shot(q, `layout-queue-360-${lang}`);
    await q.goto(`/board?lang=${lang}`);
    await assertFitsPhone(q, `dashboard ${lang} at 360 px`);
    await shot(q, `layout-dashboard-360-${lang}`);
    await phone2.close();
  });
}
