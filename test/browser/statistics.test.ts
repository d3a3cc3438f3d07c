import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addUser, signIn as apiSignIn, type Client } from '../support.js';
import {
  accessibilityProblems, describeInBrowser, launchBrowser, openPage, pageHeading as heading, signInWithForm as signIn, startServer, type LiveServer, type WatchedPage,
} from './browser.js';

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

/** Messages mark their values with Unicode isolates (so a name in another script reads right); the tests read past them. */
const plain = (text: string | null) => (text ?? '').replace(/[\u2068\u2069]/g, '');
const news = (page: Page, text: string) => expect.poll(async () => (await page.getByRole('status').allTextContents()).map(plain)).toContain(text);
const menuOf = (page: Page) => page.getByRole('navigation', { name: 'Main menu' }).getByRole('link').allTextContents();

/** The values of a table's row (without its heading cell), as the page shows them. */
const rowOf = (page: Page, table: string, row: string) =>
  page.getByRole('table', { name: table }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: row, exact: true }) }).getByRole('cell').allTextContents();

const narrative = (page: Page) => page.locator('.narrative').textContent();

const ENGLISH =
  'By 31 March 2021 the Victim Support Team had identified 3 victims of trafficking (including one child): 2 of labour exploitation – one man, a foreign national, and one woman. ' +
  'The SOS line recorded 5 calls, 4 of them about job offers. Calls rose by 150% against the same period a year earlier.';

describeInBrowser('the statistics page in a browser', () => {
  let server: LiveServer;
  let browser: Browser;
  let coordinator: Client;
  const pages: WatchedPage[] = [];

  beforeAll(async () => {
    server = await startServer();
    for (const role of ['hotline', 'caseworker', 'coordinator'] as const) await addUser(server.h.ctx, `${role}@example.test`, [role]);
    const hotline = await apiSignIn(server.h.app, 'hotline@example.test');
    const caseworker = await apiSignIn(server.h.app, 'caseworker@example.test');
    coordinator = await apiSignIn(server.h.app, 'coordinator@example.test');
    const contact = async (receivedAt: string, channel: string, topics: string[]) => {
      const r = await hotline('POST', '/api/v1/contacts', { receivedAt, channel, topics });
      expect(r.statusCode, r.body).toBe(201);
    };
    const victim = async (identifiedOn: string, facts: Record<string, unknown>) => {
      const r = await caseworker('POST', '/api/v1/cases', { status: 'identified', identifiedOn, ...facts });
      expect(r.statusCode, r.body).toBe(201);
    };
    // The first quarter of 2021, and the same dates of 2020 to compare with.
    for (const d of ['2021-02-01', '2021-02-02', '2021-02-03', '2021-02-04']) await contact(`${d}T10:00:00Z`, 'phone', ['job_offer_check']);
    await contact('2021-02-05T10:00:00Z', 'email', ['job_loss', 'migration']);
    for (const d of ['2020-02-01', '2020-02-02']) await contact(`${d}T10:00:00Z`, 'email', ['other']);
    await victim('2021-02-10', { sex: 'male', age: 30, citizenship: 'NP', exploitationTypes: ['labour'], sector: 'construction' });
    await victim('2021-02-10', { sex: 'female', age: 17, citizenship: 'RS', exploitationTypes: ['labour', 'sexual'] });
    await victim('2021-03-11', { sex: 'male', age: 18, citizenship: 'RS', exploitationTypes: ['forced_begging'] });
    browser = await launchBrowser();
  });

  /** A fresh page at desktop size, whose CSP violations and script errors are checked at the end. */
  const open = async () => {
    const watched = await openPage(browser, DESKTOP);
    pages.push(watched);
    return watched.page;
  };

  afterAll(async () => {
    for (const { cspViolations, pageErrors } of pages) expect({ cspViolations, pageErrors }).toEqual({ cspViolations: [], pageErrors: [] });
    await browser?.close();
    await server?.close();
  });

  it('shows a coordinator the figures of a chosen period, the narrative in English and Cyrillic, and a chart', async () => {
    const page = await open();
    await page.goto(`${server.url}/app/`);
    await signIn(page, 'coordinator@example.test');
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Statistics' }).click();
    await heading(page, 'Statistics');

    // This year so far has nothing: the page says so.
    await page.getByText('There were no contacts in this period.').waitFor();
    await page.getByText('No victims of trafficking were identified in this period.').waitFor();

    await page.getByRole('radio', { name: 'A quarter' }).check();
    await page.getByLabel('Year', { exact: true }).fill('2021');
    await page.getByLabel('Quarter', { exact: true }).selectOption({ label: 'First quarter (January to March)' });
    await page.getByRole('button', { name: 'Show the figures' }).click();
    await news(page, 'Figures from 1 Jan 2021 to 31 Mar 2021.');
    expect(new URL(page.url()).search).toBe('?period=2021-Q1');

    const topics = 'Contacts by topic';
    expect(await rowOf(page, topics, 'Job offer check')).toEqual(['4', '0', '+4', '–']);
    expect(await rowOf(page, topics, 'Migration')).toEqual(['1', '0', '+1', '–']);
    expect(await rowOf(page, topics, 'Other')).toEqual(['0', '2', '-2', '-100%']);
    expect(await rowOf(page, 'Contacts by channel', 'Phone call')).toEqual(['4', '0', '+4', '–']);
    expect(await rowOf(page, 'Contacts by channel', 'All contacts')).toEqual(['5', '2', '+3', '+150%']);
    const victims = 'Identified victims in this period';
    expect(await rowOf(page, victims, 'All identified victims')).toEqual(['3']);
    expect(await rowOf(page, victims, 'Children (under 18 when identified)')).toEqual(['1']);
    expect(await rowOf(page, victims, 'Foreign nationals')).toEqual(['1']);
    const bySex = 'Victims by type of exploitation and sex';
    expect(await rowOf(page, bySex, 'Labour exploitation')).toEqual(['1', '1', '0', '0', '2']);
    expect(await rowOf(page, bySex, 'All identified victims')).toEqual(['2', '1', '0', '0', '3']);
    expect(await rowOf(page, 'Victims by citizenship', 'Serbia')).toEqual(['2']);
    expect(await rowOf(page, 'Victims by citizenship', 'Nepal')).toEqual(['1']);
    expect(await rowOf(page, 'Victims by sector', 'Construction')).toEqual(['1']);

    await expect.poll(() => narrative(page)).toBe(ENGLISH);
    await page.getByRole('button', { name: 'Copy the narrative' }).waitFor();

    // The server's chart, as an image the page's CSP allows, with its text alternative.
    const chart = page.getByRole('img', { name: /^Chart of contacts per week from \u20681 Jan 2021\u2069 to \u206831 Mar 2021\u2069, beside the same weeks/ });
    await chart.scrollIntoViewIfNeeded();
    await expect.poll(() => chart.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    expect(await page.getByRole('img', { name: /^Chart of victims identified/ }).count()).toBe(2);
    expect(await page.getByRole('link', { name: 'All figures (CSV)' }).getAttribute('href')).toBe('/api/v1/reports/exports/summary.csv?from=2021-01-01&to=2021-03-31&lang=en');
    const pdf = await page.getByRole('link', { name: 'Report with the narrative, figures and charts (PDF)' }).getAttribute('href');
    expect(pdf).toBe('/api/v1/reports/exports/summary.pdf?from=2021-01-01&to=2021-03-31&lang=en');
    expect((await coordinator('GET', pdf!)).headers['content-type']).toBe('application/pdf');
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/statistics-1280.png', fullPage: true });

    await page.getByLabel('Language of the narrative').selectOption({ label: 'Serbian, Cyrillic script' });
    const cyrillic = (await coordinator('GET', '/api/v1/reports/summary?period=2021-Q1&lang=sr-Cyrl')).json().narrative as string;
    expect(cyrillic).toMatch(/^До 31\. марта 2021\. године Тим за подршку жртвама идентификовао је 3 жртве/);
    await expect.poll(() => narrative(page)).toBe(cyrillic);
    expect(await page.locator('.narrative').getAttribute('lang')).toBe('sr-Cyrl-RS');
    expect(await page.getByRole('link', { name: 'Figures and narrative (Excel)' }).getAttribute('href')).toContain('lang=sr-Cyrl');

    // Publishing asks first, then the period is on the public page.
    await page.getByRole('button', { name: 'Publish this period' }).click();
    await page.getByRole('dialog', { name: /^Publish the figures from \u20681 Jan 2021\u2069/ }).getByRole('button', { name: 'Publish' }).click();
    await news(page, 'Published on the public statistics page.');
    await page.getByRole('button', { name: 'Withdraw from the public page' }).waitFor();
    expect((await coordinator('GET', '/api/v1/reports/publications')).json().items.map((p: { period: unknown }) => p.period)).toEqual([{ from: '2021-01-01', to: '2021-03-31' }]);

    // A bookmarked address opens the same choice: two dates here.
    await page.goto(`${server.url}/app/statistics?from=2021-02-01&to=2021-02-28`);
    await heading(page, 'Statistics');
    await news(page, 'Figures from 1 Feb 2021 to 28 Feb 2021.');
    expect(await page.getByRole('radio', { name: 'Between two dates' }).isChecked()).toBe(true);
    expect(await page.getByLabel('From', { exact: true }).inputValue()).toBe('2021-02-01');
    expect(await rowOf(page, 'Identified victims in this period', 'All identified victims')).toEqual(['2']);

    await page.setViewportSize(PHONE);
    await page.screenshot({ path: '/tmp/statistics-390.png', fullPage: true });
    await page.getByRole('table', { name: 'Contacts by topic' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/statistics-390-table.png' });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  });

  it('names a bad period beside its field', async () => {
    const page = await open();
    await page.goto(`${server.url}/app/statistics?from=2021-03-01&to=2021-02-01`);
    await signIn(page, 'coordinator@example.test');
    await heading(page, 'Statistics');
    await page.getByRole('alert').filter({ hasText: 'Some fields need your attention' }).waitFor();
    await expect.poll(() => page.getByLabel('To', { exact: true }).getAttribute('aria-invalid')).toBe('true');
  });

  it('does not offer statistics to the hotline', async () => {
    const page = await open();
    await page.goto(`${server.url}/app/`);
    await signIn(page, 'hotline@example.test');
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Contacts' }).waitFor();
    expect(await menuOf(page)).not.toContain('Statistics');
  });
});
