import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import writeExcelFile from 'write-excel-file/node';
import { RISKY_OFFER } from '../jobcheck-offers.js';
import { addUser, PASSWORD } from '../support.js';
import { accessibilityProblems, describeInBrowser, launchBrowser, openPage, startServer, type LiveServer, type WatchedPage } from './browser.js';

const DESKTOP = { width: 1280, height: 900 };

async function signIn(page: Page, email: string): Promise<void> {
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

const heading = (page: Page, level: number, text: string | RegExp) => page.getByRole('heading', { level, name: text, exact: typeof text === 'string' }).waitFor();

/** A value inside a message, in the first-strong isolation marks the translator puts round it. */
const mark = (value: string) => `\u2068${value}\u2069`;

/** The register's line of the check, without the isolation marks. */
const agencyLine = async (page: Page) => (await page.locator('.jobcheck-agency').textContent({ timeout: 1000 }).catch(() => ''))?.replace(/[\u2068\u2069]/g, '');

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const AGENCY_CSV = (badNumber: string) =>
  [
    'Redni broj,Naziv agencije,Matični broj,Broj dozvole,Datum izdavanja dozvole,Sedište',
    '1,Posao Plus d.o.o.,20123456,1102-00-12/2019,12.03.2019.,"Beograd, Knez Mihailova 1"',
    `2,Radnik Global d.o.o.,${badNumber},1102-00-30/2021,2021-06-01,Novi Sad`,
  ].join('\n');

describeInBrowser('the job-offer check in the staff app', () => {
  let server: LiveServer;
  let browser: Browser;
  let hotline: WatchedPage;
  let coordinator: WatchedPage;

  const contacts = () => server.h.ctx.db.selectFrom('contacts').select(['job_check_risk']).execute();

  beforeAll(async () => {
    server = await startServer();
    await addUser(server.h.ctx, 'hotline@example.test', ['hotline']);
    await addUser(server.h.ctx, 'coordinator@example.test', ['coordinator']);
    browser = await launchBrowser();
    hotline = await openPage(browser, DESKTOP);
    coordinator = await openPage(browser, DESKTOP);
  });

  afterAll(async () => {
    for (const watched of [hotline, coordinator]) {
      expect(watched?.cspViolations ?? []).toEqual([]);
      expect(watched?.pageErrors ?? []).toEqual([]);
    }
    await browser?.close();
    await server?.close();
  });

  it('lets a hotline operator paste an offer and read a high concern with the words that raised it, from the keyboard', async () => {
    const { page } = hotline;
    await page.goto(`${server.url}/app/`);
    await signIn(page, 'hotline@example.test');
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Job check' }).click();
    await heading(page, 1, 'Job check');
    // The cursor is in the offer's box at once.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');

    // Nothing to check: the API's 400 is said beside the offer.
    await page.keyboard.press('Control+Enter');
    await page.getByText('Paste the offer or answer at least one question.').waitFor();

    await page.keyboard.insertText(RISKY_OFFER);
    await page.keyboard.press('Control+Enter');
    await heading(page, 2, 'High concern');
    expect(await page.locator('.jobcheck-evidence q').allTextContents()).toContain('Pay the agent 900 EUR');
    expect(await page.locator('.jobcheck-disclaimer').textContent()).toContain("a 'low' result does not mean the offer is safe");
    expect(await page.getByRole('heading', { name: 'What to check next' }).count()).toBe(1);
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/staff-jobcheck-1280.png', fullPage: true });
  });

  it('checks an offer inline while the call is logged, and shows the check on the contact', async () => {
    const { page } = hotline;
    await page.goto(`${server.url}/app/contacts/new`);
    await heading(page, 1, 'Log a contact');
    expect(await page.getByLabel('The job offer').count()).toBe(0);
    // Phone call, then the topic "Job offer check": the check appears under the topics.
    await page.keyboard.press('1');
    await page.keyboard.press('Tab');
    await page.keyboard.press('1');
    await page.getByLabel('The job offer').fill(RISKY_OFFER);
    // Enter in the agency's name runs the check and does not save the contact.
    await page.getByLabel('Name of the agency, if there is one').fill('Posao Plus');
    await page.getByLabel('Name of the agency, if there is one').press('Enter');
    await heading(page, 3, 'High concern');
    expect(await contacts()).toEqual([]);
    expect(await accessibilityProblems(page)).toEqual([]);

    await page.getByLabel('Summary').fill('Caller read out a factory offer for Poland.');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'is saved' }).waitFor();
    expect(await contacts()).toEqual([{ job_check_risk: 'high' }]);
    // The form is ready for the next call, without the check.
    expect(await page.getByLabel('The job offer').count()).toBe(0);

    await page.getByRole('link', { name: 'Open the contact' }).click();
    const check = page.getByRole('region', { name: 'Job offer check' });
    await check.getByRole('heading', { level: 3, name: 'High concern' }).waitFor();
    expect(await check.locator('.jobcheck-evidence q').allTextContents()).toContain('Pay the agent 900 EUR');
    expect(await check.textContent()).toContain('We keep your passport');
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/staff-contact-jobcheck-1280.png', fullPage: true });
  });

  it('lets a coordinator import the agency register, listing a bad row, then use it in the check and the search', async () => {
    const { page } = coordinator;
    // Each upload waits until the page has shown its progress, so the test sees it come and go.
    const held: (() => void)[] = [];
    await page.route('**/api/v1/agencies/imports**', async (route) => {
      await new Promise<void>((release) => held.push(release));
      await route.continue();
    });
    const release = async () => {
      await page.getByRole('progressbar').waitFor();
      await expect.poll(() => held.length).toBeGreaterThan(0);
      held.shift()!();
    };

    await page.goto(`${server.url}/app/agencies/import`);
    await signIn(page, 'coordinator@example.test');
    await heading(page, 1, 'Import the register of agencies');
    const file = page.getByLabel("CSV or Excel (.xlsx) file of the ministry's list");

    await file.setInputFiles({ name: 'agencije.csv', mimeType: 'text/csv', buffer: Buffer.from(AGENCY_CSV('2123')) });
    await release();
    await page.getByText('Nothing can be imported: 1 row needs correcting.', { exact: false }).waitFor();
    expect(await page.getByRole('progressbar').count()).toBe(0);
    const row = page.getByRole('table').getByRole('row').filter({ hasText: '8-digit' });
    expect(await row.getByRole('cell').allTextContents()).toEqual(['Registration number', expect.stringContaining('8-digit registration number')]);
    expect(await row.getByRole('rowheader').textContent()).toBe('3');
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/staff-agency-import-rejected-1280.png', fullPage: true });

    await file.setInputFiles({ name: 'agencije-ispravljeno.csv', mimeType: 'text/csv', buffer: Buffer.from(AGENCY_CSV('21234567')) });
    await release();
    await page.getByText('All 2 rows are right: 2 agencies to add', { exact: false }).waitFor();
    expect(await page.getByText(`Columns left aside: ${mark('Redni broj')}.`).count()).toBe(1);
    await page.getByRole('button', { name: 'Import the list of 2 agencies' }).click();
    await release();
    await page.getByRole('status').filter({ hasText: 'Imported: 2 agencies added, 0 updated' }).waitFor();
    expect(await page.getByRole('progressbar').count()).toBe(0);
    expect(await server.h.ctx.db.selectFrom('agencies').select('name').orderBy('name').execute()).toEqual([{ name: 'Posao Plus d.o.o.' }, { name: 'Radnik Global d.o.o.' }]);

    // The same list as a workbook changes nothing.
    const rows = AGENCY_CSV('21234567').split('\n').map((line) => line.match(/"[^"]*"|[^,]+/g)!.map((cell) => ({ value: cell.replace(/^"|"$/g, '') })));
    await file.setInputFiles({ name: 'agencije.xlsx', mimeType: XLSX, buffer: await writeExcelFile(rows).toBuffer() });
    await release();
    await page.getByText('All 2 rows are right: 0 agencies to add, 0 to update, 2 unchanged', { exact: false }).waitFor();

    await page.getByRole('link', { name: 'See the register' }).click();
    await heading(page, 1, 'Register of licensed agencies');
    await page.getByLabel('Search').fill('рад');
    await page.getByText('1 agency found.').waitFor();
    expect(await page.getByRole('table').getByRole('rowheader').allTextContents()).toEqual(['Radnik Global d.o.o.']);

    // The operator's check now says whether the agency named is on the register.
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Job check' }).click();
    await page.getByLabel('The job offer').fill('Construction work in Germany, good pay.');
    await page.getByLabel('Name of the agency, if there is one').fill('POSAO PLUS DOO');
    await page.getByRole('button', { name: 'Check the offer' }).click();
    await expect.poll(() => agencyLine(page)).toMatch(/^Posao Plus d\.o\.o\. is on the register of licensed agencies: licence 1102-00-12\/2019, registration number 20123456\. Licence issued .*2019\.$/);
    await page.getByLabel('Name of the agency, if there is one').fill('Brzi Posao Inostranstvo');
    await page.getByRole('button', { name: 'Check the offer' }).click();
    await expect.poll(() => agencyLine(page)).toBe('Brzi Posao Inostranstvo is not on the register of licensed agencies.');
    await heading(page, 2, 'High concern');
    await page.screenshot({ path: '/tmp/staff-jobcheck-agency-1280.png', fullPage: true });
  });
});
