// The organization's identity (issue 12): an administrator gives the organization's name,
// address and contact and a French and Arabic name to a program on the settings page; a
// client on a phone, in French and in Arabic, sees the organization's name in the header and
// the program's own name on the complaint form, and the name, the tracking address and the
// contact on the receipt. axe-core on every changed page; 360 px screenshots.

'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const {
  useServerAndBrowser, screenshot, text, assertAccessible, signIn, signOut, STAFF,
} = require('./server');

const app = useServerAndBrowser();

const RECEIPT = /^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/;

/** CRC-32 of a buffer (PNG chunks). */
function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k += 1) c = (c >>> 1) ^ (0xEDB88320 & -(c & 1));
  }
  return ~c >>> 0;
}

/** A 120×40 PNG: a maple-red band with a white square, made here so the test has no binary file. */
function logoPng() {
  const zlib = require('node:zlib');
  const w = 120;
  const h = 40;
  const rows = [];
  for (let y = 0; y < h; y += 1) {
    const row = Buffer.alloc(1 + w * 3);
    for (let x = 0; x < w; x += 1) {
      const white = x > 10 && x < 30 && y > 10 && y < 30;
      row.set(white ? [255, 255, 255] : [180, 30, 40], 1 + x * 3);
    }
    rows.push(row);
  }
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const NAMES = {
  fr: { org: 'Services Érable pour les nouveaux arrivants', program: 'Accueil et intégration des nouveaux arrivants' },
  ar: { org: 'خدمات إيرابل للقادمين الجدد', program: 'الاستقبال والاندماج للقادمين الجدد' },
};

/** Clicks a submit button and waits for the page the form leads to. */
async function submit(page, selector) {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

/** Replaces the `settlement = ...` line of a names textarea. */
async function setSettlement(page, selector, name) {
  const lines = (await page.inputValue(selector)).split('\n').filter((l) => !l.startsWith('settlement'));
  await page.fill(selector, [`settlement = ${name}`, ...lines].join('\n'));
}

test('an administrator sets the identity and French and Arabic names; a client sees them on the form and the receipt', async () => {
  const context = await app.context({ bypassCSP: true });
  const page = await context.newPage();

  // The administrator, on the settings page (in English).
  await signIn(page, STAFF.admin, '/staff/admin?view=settings&lang=en');
  await page.goto('/staff/admin?view=settings&lang=en');
  await assertAccessible(page, 'settings (en)');
  // The names in French and Arabic are behind each language's disclosure.
  assert.equal(await page.isVisible('#programs_fr'), false, 'each language is folded');
  await page.click('details:has(#org_name_fr) > summary');
  await page.click('details:has(#org_name_ar) > summary');
  await page.fill('#org_name', 'Maple Services for Newcomers');
  await page.fill('#org_name_fr', NAMES.fr.org);
  await page.fill('#org_name_ar', NAMES.ar.org);
  await page.fill('#org_address', '200 Bay Street\nToronto ON  M5J 2J1');
  await page.fill('#org_phone', '+1 416 555 0142');
  await page.fill('#org_email', 'ecoute@maple.example');
  await page.fill('#org_website', 'https://maple.example');
  await setSettlement(page, '#programs_fr', NAMES.fr.program);
  await setSettlement(page, '#programs_ar', NAMES.ar.program);
  await screenshot(page, 'identity-settings-en');
  await submit(page, '#settings-form button[type=submit]');
  assert.match(page.url(), /done=admin-settings-saved/, 'the settings are saved');
  assert.equal(await text(page, 'header .brand'), 'Maple Services for Newcomers');

  // The logo: an SVG is refused, a PNG is shown in the header with the name as its text.
  await page.setInputFiles('#logo', { name: 'logo.svg', mimeType: 'image/svg+xml', buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>') });
  await submit(page, '#logo-form button[type=submit]');
  assert.match(await text(page, '.error-summary'), /not a PNG, JPEG or WebP/);
  await page.setInputFiles('#logo', { name: 'logo.png', mimeType: 'image/png', buffer: logoPng() });
  await submit(page, '#logo-form button[type=submit]');
  assert.match(page.url(), /done=admin-logo-saved/, 'the logo is saved');
  assert.equal(await page.getAttribute('header .brand img', 'alt'), 'Maple Services for Newcomers');
  assert.ok(await page.evaluate(() => document.querySelector('header .brand img').naturalWidth === 120), 'the logo loads');
  await assertAccessible(page, 'settings with a logo (en)');
  await page.goto('/staff/admin?view=settings&lang=ar');
  assert.equal(await page.inputValue('#org_name_ar'), NAMES.ar.org);
  await page.click('details:has(#org_name_ar) > summary');
  await assertAccessible(page, 'settings (ar)');
  await screenshot(page, 'identity-settings-ar');
  await signOut(page);

  for (const lang of ['fr', 'ar']) {
    await context.clearCookies();
    // The landing page: the organization's name, address and contact.
    await page.goto(`/?lang=${lang}`);
    const reach = await text(page, 'address.org');
    assert.ok(reach.includes(NAMES[lang].org) && reach.includes('+1 416 555 0142'), `${lang}: ${reach}`);
    await assertAccessible(page, `landing (${lang})`);
    await screenshot(page, `identity-landing-${lang}`);

    // The client, on the complaint form: the organization's and the program's own names.
    await page.goto(`/complain?lang=${lang}`);
    assert.equal(await text(page, 'header .brand'), NAMES[lang].org, `${lang}: the header names the organization`);
    assert.equal(await page.getAttribute('header .brand img', 'alt'), NAMES[lang].org, `${lang}: the logo's text`);
    assert.equal(await page.getAttribute('html', 'dir'), lang === 'ar' ? 'rtl' : 'ltr');
    const option = await text(page, '#program option[value=settlement]');
    assert.equal(option, NAMES[lang].program, `${lang}: the program in its own name`);
    await assertAccessible(page, `complaint form (${lang})`);
    await screenshot(page, `identity-complain-${lang}`);

    // Files it, anonymously.
    await page.fill('#what', `Identity test in ${lang}.`);
    await page.selectOption('#program', 'settlement');
    await page.selectOption('#site', { index: 1 });
    await submit(page, 'main form button[name=go][value=next]');
    await page.check('input[name=rights] >> nth=0');
    await submit(page, 'main form button[name=go][value=next]');
    await page.check('input[name=identity][value=anonymous]');
    await submit(page, 'main form button[name=go][value=next]');
    assert.ok(await text(page, 'main').then((t) => t.includes(NAMES[lang].program)), `${lang}: the check page names the program in ${lang}`);
    await page.check('#consent_handle');
    await submit(page, 'main form button[name=go][value=send]');
    assert.equal(new URL(page.url()).pathname, '/complain/receipt');
    assert.match(await text(page, '#receipt-code'), RECEIPT);

    // The receipt: the organization, how to reach it and the tracking address.
    assert.equal(await text(page, 'header .brand'), NAMES[lang].org);
    const contact = await text(page, 'address.org');
    assert.ok(contact.includes(NAMES[lang].org) && contact.includes('200 Bay Street'), `${lang}: ${contact}`);
    assert.ok(contact.includes('ecoute@maple.example'));
    const origin = new URL(page.url()).origin;
    assert.ok((await text(page, 'main')).includes(`${origin}/track`), `${lang}: the tracking address`);
    await assertAccessible(page, `receipt (${lang})`);
    await screenshot(page, `identity-receipt-${lang}`);
  }
  await context.close();
});
