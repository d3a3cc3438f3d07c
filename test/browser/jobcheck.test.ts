import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildPublicJs } from '../../scripts/build-public-js.js';
import { RISKY_OFFER } from '../jobcheck-offers.js';
import { accessibilityProblems, describeInBrowser, launchBrowser, openPage, startServer, type LiveServer } from './browser.js';

const PHONE = { width: 360, height: 740 };

const verdict = (page: Page, text: string) => page.getByRole('heading', { level: 2, name: text, exact: true }).waitFor();

async function checkOffer(page: Page, offer: string): Promise<void> {
  await page.getByLabel('The job offer').fill(offer);
  await page.getByRole('button', { name: 'Check the offer' }).click();
}

describeInBrowser('the job-offer check in a browser', () => {
  let server: LiveServer;
  let browser: Browser;

  beforeAll(async () => {
    await buildPublicJs();
    server = await startServer({ SOS_PHONE: '+381 64 000 0000' });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each(['en', 'ur', 'zh'])('has no accessibility problems axe-core can find on /%s/check, before and after a check', async (lang) => {
    const watched = await openPage(browser, PHONE);
    try {
      const { page } = watched;
      await page.goto(`${server.url}/${lang}/check`);
      expect(await accessibilityProblems(page)).toEqual([]);
      await page.locator('textarea#text').fill(RISKY_OFFER);
      await page.locator('details.questions summary').click();
      await page.locator('form.check button[type="submit"]').click();
      await page.locator('#result-title').waitFor();
      expect(await accessibilityProblems(page)).toEqual([]);
      await page.screenshot({ path: `/tmp/jobcheck-${lang}-360.png`, fullPage: true });
      expect(watched.cspViolations).toEqual([]);
      expect(watched.pageErrors).toEqual([]);
    } finally {
      await watched.close();
    }
  });

  it('checks an offer with JavaScript off, by a plain form post, and keeps the form filled in', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/en/check`);
      await checkOffer(page, RISKY_OFFER);
      await verdict(page, 'High concern');
      expect(page.url()).toBe(`${server.url}/en/check`);
      expect(await page.getByLabel('The job offer').inputValue()).toBe(RISKY_OFFER);
      expect(await page.locator('.evidence q').first().textContent()).toBe('Pay the agent 900 EUR');
      expect(await context.cookies()).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows the result in place with JavaScript on, from the server while online', async () => {
    const watched = await openPage(browser, PHONE);
    try {
      const { page } = watched;
      let posted = 0;
      page.on('request', (r) => {
        if (r.method() === 'POST') posted++;
      });
      await page.goto(`${server.url}/en/check`);
      await checkOffer(page, RISKY_OFFER);
      await verdict(page, 'High concern');
      expect(posted).toBe(1);
      expect(await page.locator('.note').count()).toBe(0);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('result');
      // Scrolled to, the verdict starts below the fixed quick-exit button rather than under it.
      const exit = (await page.locator('a.exit').boundingBox())!;
      const box = (await page.locator('.verdict').boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(exit.y + exit.height);
      expect(watched.pageErrors).toEqual([]);
    } finally {
      await watched.close();
    }
  });

  it('works offline once visited: the page comes from the service worker and the phone runs the check', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'en-GB' });
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/en/check`);
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
      // The page keeps itself, its stylesheets and script, the engine and its language pack once it has loaded.
      await expect
        .poll(() => page.evaluate(async () => (await (await caches.open('lj-check-1')).keys()).map((r) => new URL(r.url).pathname).sort()), { timeout: 30_000 })
        .toEqual(['/assets/check.css', '/assets/js/check.js', '/assets/js/jobcheck-en.js', '/assets/js/jobcheck.js', '/assets/site.css', '/en/check']);

      await context.setOffline(true);
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Check a job offer' }).waitFor();
      await checkOffer(page, RISKY_OFFER);
      await verdict(page, 'High concern');
      expect(await page.locator('.note').textContent()).toMatch(/^You are offline/);
      expect(await page.locator('.evidence q').first().textContent()).toBe('Pay the agent 900 EUR');
      expect(await page.locator('.advice li').last().textContent()).toContain('+381 64 000 0000');

      // An offer in a language whose pack was never fetched still gets a verdict.
      await checkOffer(page, 'Posao u Nemačkoj. Uplatite 500 evra za vizu unapred, pasoš ostaje kod poslodavca.');
      await page.locator('#result-title').waitFor();
      expect(['High concern', 'Medium concern', 'Low concern']).toContain(await page.locator('#result-title').textContent());
    } finally {
      await context.close();
    }
  });
});
