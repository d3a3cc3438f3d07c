import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import writeExcelFile from 'write-excel-file/node';
import { addUser, PASSWORD } from '../support.js';
import { accessibilityProblems, describeInBrowser, launchBrowser, openPage, startServer, type LiveServer, type WatchedPage } from './browser.js';

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

async function signIn(page: Page, email: string): Promise<void> {
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Waits for the page whose h1 reads `text`. */
const heading = (page: Page, text: string | RegExp) => page.getByRole('heading', { level: 1, name: text }).waitFor();

/** What has focus, as "role: accessible name" would put it: the element's tag, type and label. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    return { tag: el?.tagName, type: el?.type, label: el?.labels?.[0]?.textContent?.trim() };
  });

/** A value inside a message, in the first-strong isolation marks the translator puts round it. */
const mark = (value: string) => `\u2068${value}\u2069`;

const saved = (page: Page) => page.getByRole('status').filter({ hasText: 'is saved' });

describeInBrowser('the helpline pages in a browser', () => {
  let server: LiveServer;
  let browser: Browser;
  let hotline: WatchedPage;

  const contactCount = async () => Number((await server.h.ctx.db.selectFrom('contacts').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    server = await startServer();
    await addUser(server.h.ctx, 'hotline@example.test', ['hotline']);
    await addUser(server.h.ctx, 'coordinator@example.test', ['coordinator']);
    browser = await launchBrowser();
    hotline = await openPage(browser, DESKTOP);
  });

  afterAll(async () => {
    // The one refusal expected is the workbook reader's worker, in its own test below.
    expect(hotline?.cspViolations.filter((v) => !/worker/i.test(v)) ?? []).toEqual([]);
    expect(hotline?.pageErrors ?? []).toEqual([]);
    await browser?.close();
    await server?.close();
  });

  it('lets a hotline operator log a call with only a channel and a topic, from the keyboard, and keeps the form when a save fails', async () => {
    const { page } = hotline;
    await page.goto(`${server.url}/app/contacts/new`);
    await signIn(page, 'hotline@example.test');
    await heading(page, 'Log a contact');
    // The operator starts on the first answer, not on the heading.
    expect(await focused(page)).toMatchObject({ tag: 'INPUT', type: 'radio' });
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/helpline-form-1280.png', fullPage: true });

    // 1 picks the first channel; Enter without a topic gets the API's answer beside the topics.
    await page.keyboard.press('1');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'Some fields need your attention' }).waitFor();
    await page.getByText('Choose at least one topic.').waitFor();
    expect(await page.getByRole('radio', { name: /Phone call/ }).isChecked()).toBe(true);
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/helpline-form-error-1280.png', fullPage: true });

    // The answer to the next save is lost on the way back: the retry must not log the call twice.
    let dropped = false;
    await page.route('**/api/v1/contacts', async (route) => {
      if (dropped || route.request().method() !== 'POST') return route.continue();
      dropped = true;
      await route.fetch();
      await route.abort('connectionreset');
    });
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ type: 'checkbox', label: expect.stringContaining('Job offer check') });
    await page.keyboard.press('4');
    expect(await page.getByRole('checkbox', { name: /Suspected trafficking/ }).isChecked()).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'The server could not be reached' }).waitFor();
    expect(await contactCount()).toBe(1);
    expect(await page.getByRole('checkbox', { name: /Suspected trafficking/ }).isChecked()).toBe(true);

    await page.keyboard.press('Enter');
    await saved(page).waitFor();
    expect(await contactCount()).toBe(1);
    await page.unroute('**/api/v1/contacts');
    // A fresh form, ready for the next call.
    expect(await focused(page)).toMatchObject({ tag: 'INPUT', type: 'radio' });
    expect(await page.getByRole('radio', { name: /Phone call/ }).isChecked()).toBe(false);
    await page.screenshot({ path: '/tmp/helpline-form-saved-1280.png', fullPage: true });

    await page.getByRole('navigation', { name: 'Helpline pages' }).getByRole('link', { name: 'Contacts', exact: true }).click();
    await heading(page, 'Contacts');
    const row = page.getByRole('table').getByRole('row').filter({ hasText: 'Suspected trafficking' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Phone call');
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it('shows the repeat-caller banner on a second contact from the same number, however it is written', async () => {
    const { page } = hotline;
    await page.setViewportSize(PHONE);
    await page.getByRole('link', { name: 'Log a contact' }).click();
    await heading(page, 'Log a contact');
    await page.screenshot({ path: '/tmp/helpline-form-390.png', fullPage: true });
    await page.setViewportSize(DESKTOP);
    await page.keyboard.press('1');
    await page.keyboard.press('Tab');
    await page.keyboard.press('3');
    await page.getByLabel('Nationality').selectOption('IN');
    await page.getByLabel('Summary').fill('Offer of construction work in Novi Sad; passport kept by the agency.');
    await page.getByLabel("Caller's phone number").fill('064 123 4567');
    await page.getByLabel("Caller's phone number").press('Enter');
    await saved(page).waitFor();

    await page.keyboard.press('2');
    await page.keyboard.press('Tab');
    await page.keyboard.press('3');
    await page.getByLabel("Caller's phone number").fill('+381 64 1234567');
    await page.getByRole('button', { name: 'Save' }).click();
    await saved(page).filter({ hasText: 'This number has contacted us once before.' }).waitFor();

    await page.getByRole('link', { name: 'Open the contact' }).click();
    await heading(page, /^Contact of /);
    const banner = page.getByRole('region', { name: 'Repeat caller: 1 earlier contact from this number' });
    await banner.waitFor();
    expect(await banner.getByRole('link').count()).toBe(1);
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/helpline-contact-1280.png', fullPage: true });
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: '/tmp/helpline-contact-390.png', fullPage: true });
    await page.setViewportSize(DESKTOP);

    // The earlier contact, where the summary was written.
    await banner.getByRole('link').click();
    await page.getByText('passport kept by the agency').waitFor();
    expect(await page.getByRole('region', { name: /Repeat caller/ }).count()).toBe(0);
  });

  it('lets the operator escalate a contact to the Victim Support Team as a potential case linked to it', async () => {
    const { page } = hotline;
    const contactId = page.url().split('/').pop()!;
    const escalate = page.getByRole('region', { name: 'Escalate to the Victim Support Team' });
    // Nationality was India: the citizenship is already chosen.
    expect(await escalate.getByLabel('Citizenship').inputValue()).toBe('IN');
    await escalate.getByLabel('Labour exploitation').check();
    await escalate.getByRole('button', { name: 'Open a potential case' }).click();
    const done = page.getByRole('status').filter({ hasText: /Case \u2068LJ-\d{4}-0001\u2069 is open/ });
    await done.waitFor();
    const file = await server.h.ctx.db.selectFrom('cases').select(['status', 'contact_id', 'referred_by']).executeTakeFirstOrThrow();
    expect(file).toEqual({ status: 'potential', contact_id: contactId, referred_by: 'hotline' });
  });

  it('finds contacts by phone number and works the queue of web reports: assign to me, then done', async () => {
    const { page } = hotline;
    const report = await server.h.app.inject({ method: 'POST', url: '/api/v1/public/reports', payload: { message: 'They took my passport.', topic: 'trafficking_suspicion', contact: '+381 65 765 4321' } });
    expect(report.statusCode).toBe(202);

    await page.getByRole('navigation', { name: 'Helpline pages' }).getByRole('link', { name: 'Contacts', exact: true }).click();
    await heading(page, 'Contacts');
    await page.getByLabel('Phone number', { exact: true }).fill('0641234567');
    await page.getByRole('button', { name: 'Find' }).click();
    await page.getByRole('status').filter({ hasText: `2 contacts from ${mark('0641234567')}` }).waitFor();
    expect(await page.getByRole('table').getByRole('row').count()).toBe(3);
    await page.getByRole('button', { name: 'Clear the search' }).click();

    await page.getByLabel('Status').selectOption('open');
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    const row = page.getByRole('table').getByRole('row').filter({ hasText: 'Web report' });
    await row.filter({ hasText: 'New' }).waitFor();
    expect(await page.getByRole('table').getByRole('row').count()).toBe(2);
    expect(await row.textContent()).toContain(JSON.parse(report.body).reference);
    await row.getByRole('button', { name: /^Assign to me/ }).click();
    await row.filter({ hasText: 'With you' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'The contact is assigned to you.' }).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/helpline-queue-1280.png', fullPage: true });
    await row.getByRole('button', { name: /^Mark as done/ }).click();
    await row.filter({ hasText: 'Done' }).waitFor();
    const stored = await server.h.ctx.db.selectFrom('contacts').select(['status', 'assignee_id']).where('channel', '=', 'web').executeTakeFirstOrThrow();
    expect(stored.status).toBe('done');
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: '/tmp/helpline-queue-390.png', fullPage: true });
    await page.setViewportSize(DESKTOP);
  });

  it('imports a spreadsheet: matches its columns, lists every bad row in a dry run, then imports all or nothing', async () => {
    const { page } = hotline;
    await page.getByRole('link', { name: 'Import contacts' }).click();
    await heading(page, 'Import contacts');
    // Semicolons and Serbian dates, as Excel writes CSV in Serbia; one topic unknown, one time missing.
    const csv = ['Datum;Channel;Tema;Summary', '2.5.2019. 9:00;phone;job_offer_check;Ponuda iz Nemačke', '3.5.2019. 10:30;sms;labour_rights, migration;"Two lines,\nof text"', ';email;nonsense;', '4.5.2019. 11:00;email;other;'].join('\n');
    await page.getByLabel('CSV or Excel (.xlsx) file').setInputFiles({ name: 'old-log.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByText('Read 4 rows in 4 columns.').waitFor();
    // Channel and Summary match by name; the Serbian headers need the operator.
    expect(await page.getByLabel(`Contact field for the column ${mark('Channel')}`).inputValue()).toBe('channel');
    expect(await page.getByRole('button', { name: 'Check the file' }).isDisabled()).toBe(true);
    await page.getByLabel(`Contact field for the column ${mark('Datum')}`).selectOption('receivedAt');
    await page.getByLabel(`Contact field for the column ${mark('Tema')}`).selectOption('topics');
    await page.getByRole('button', { name: 'Check the file' }).click();

    const problems = page.getByRole('table', { name: '3. Check and import' });
    await problems.waitFor();
    const lines = await problems.getByRole('row').allTextContents();
    // Rows as the spreadsheet numbers them, though the second record spans two lines of the file.
    expect(lines.slice(1).map((l) => l.slice(0, 1))).toEqual(['4', '4']);
    expect(lines.join(' ')).toContain('Datum');
    expect(lines.join(' ')).toContain('nonsense');
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/helpline-import-rejected-1280.png', fullPage: true });
    expect(await contactCount()).toBe(4);

    const sheet = await writeExcelFile([
      [{ value: 'Date and time' }, { value: 'Channel' }, { value: 'Topics' }, { value: 'Nationality' }],
      [{ value: new Date(Date.UTC(2019, 4, 2, 9, 0)), format: 'dd.mm.yyyy hh:mm' }, { value: 'phone' }, { value: 'job_offer_check' }, { value: 'IN' }],
      [{ value: new Date(Date.UTC(2019, 4, 3, 10, 30)), format: 'dd.mm.yyyy hh:mm' }, { value: 'sms' }, { value: 'labour_rights;migration' }, { value: 'NP' }],
      [{ value: new Date(Date.UTC(2019, 4, 3, 10, 30)), format: 'dd.mm.yyyy hh:mm' }, { value: 'sms' }, { value: 'migration, labour_rights' }, { value: 'NP' }],
    ]).toBuffer();
    await page.getByLabel('CSV or Excel (.xlsx) file').setInputFiles({ name: 'old-log.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: sheet });
    await page.getByText('Read 3 rows in 4 columns.').waitFor();
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByText('All 3 rows are right: 2 new contacts; 1 duplicate').waitFor();
    await page.screenshot({ path: '/tmp/helpline-import-checked-1280.png', fullPage: true });
    expect(await contactCount()).toBe(4);
    await page.getByRole('button', { name: 'Import 2 contacts' }).click();
    await page.getByRole('status').filter({ hasText: 'Imported: 2 new contacts; 1 duplicate skipped.' }).waitFor();
    expect(await contactCount()).toBe(6);
    // The workbook's 09:00 is this computer's wall-clock time (the browser runs in the test's zone).
    const imported = await server.h.ctx.db.selectFrom('contacts').select('received_at').where('channel', '=', 'phone').where('source', '=', 'import').executeTakeFirstOrThrow();
    expect(imported.received_at).toBe(new Date(2019, 4, 2, 9, 0).toISOString());
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: '/tmp/helpline-import-390.png', fullPage: true });
    await page.setViewportSize(DESKTOP);
  });

  it('asks for a CSV when a workbook is too large to unpack under the page security policy', async () => {
    const { page } = hotline;
    const rows = Array.from({ length: 8000 }, (_, i) => [{ value: `2019-05-02T09:${String(i % 60).padStart(2, '0')}:00+02:00` }, { value: 'phone' }, { value: 'other' }, { value: `Row ${i} with some words` }]);
    const big = await writeExcelFile([[{ value: 'receivedAt' }, { value: 'channel' }, { value: 'topics' }, { value: 'summary' }], ...rows]).toBuffer();
    await page.getByLabel('CSV or Excel (.xlsx) file').setInputFiles({ name: 'big.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: big });
    await page.getByRole('alert').filter({ hasText: 'This workbook is too large to read in the browser. Save it as CSV' }).waitFor();
    expect(await page.getByRole('button', { name: 'Check the file' }).count()).toBe(0);
  });

  it('shows the operators contacts per day and week by topic and channel', async () => {
    const { page } = hotline;
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await heading(page, 'Dashboard');
    await page.getByRole('status').filter({ hasText: '4 contacts from' }).waitFor();
    const byTopic = page.getByRole('table', { name: 'By topic' });
    expect(await byTopic.getByRole('row', { name: /Suspected trafficking/ }).textContent()).toContain('2');
    expect(await page.getByRole('table', { name: 'By channel' }).getByRole('row', { name: /Phone call/ }).textContent()).toContain('2');
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/helpline-dashboard-1280.png', fullPage: true });
    await page.getByLabel('Per', { exact: true }).selectOption('week');
    await page.getByLabel('Break down by', { exact: true }).selectOption('channel');
    await page.getByRole('columnheader', { name: 'Week' }).waitFor();
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: '/tmp/helpline-dashboard-390.png', fullPage: true });
  });

  it('shows a coordinator the contact without its summary or contact details, and no way to change it', async () => {
    const watched = await openPage(browser, PHONE);
    const { page } = watched;
    await page.goto(`${server.url}/app/contacts`);
    await signIn(page, 'coordinator@example.test');
    await heading(page, 'Contacts');
    // Who has a contact reads as their name, though the coordinator may not list users.
    await page.getByLabel('Assigned to').selectOption({ label: 'hotline' });
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await page.getByRole('table').getByRole('row').filter({ hasText: 'Web report' }).filter({ hasText: `With ${mark('hotline')}` }).waitFor();
    expect(await page.getByRole('table').getByRole('row').count()).toBe(2);
    await page.getByRole('button', { name: 'Show all contacts' }).click();
    expect(await page.getByRole('button', { name: /Assign to me|Mark as done/ }).count()).toBe(0);
    expect(await page.getByLabel('Phone number', { exact: true }).count()).toBe(0);
    await page.getByRole('table').getByRole('row').filter({ hasText: 'Labour rights' }).filter({ hasText: 'India' }).getByRole('link').click();
    await heading(page, /^Contact of /);
    await page.getByText('Your role sees contacts without their free text and contact details.').waitFor();
    expect(await page.getByText('Novi Sad').count()).toBe(0);
    expect(await page.getByRole('region', { name: /Repeat caller|Escalate/ }).count()).toBe(0);
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/helpline-coordinator-390.png', fullPage: true });
    expect(watched.cspViolations).toEqual([]);
    expect(watched.pageErrors).toEqual([]);
    await watched.close();
  });
});
