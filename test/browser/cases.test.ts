import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addUser, PASSWORD } from '../support.js';
import { accessibilityProblems, describeInBrowser, launchBrowser, openPage, startServer, type LiveServer, type WatchedPage } from './browser.js';

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const REFERENCE = /^LJ-\d{4}-\d{4}$/;

async function signIn(page: Page, email: string): Promise<void> {
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Waits for the page whose h1 reads `text`. */
const heading = (page: Page, text: string | RegExp) => page.getByRole('heading', { level: 1, name: text }).waitFor();

const news = (page: Page, text: string | RegExp) => page.getByRole('status').filter({ hasText: text }).waitFor();

/** An indicator's box, found inside its dimension: some indicators appear in two dimensions. */
const indicator = (page: Page, dimension: string, label: string) => page.getByRole('group', { name: dimension }).getByRole('checkbox', { name: label });

const verdict = (page: Page) => page.locator('.result-panel .verdict-headline').textContent();

describeInBrowser('case files in a browser', () => {
  let server: LiveServer;
  let browser: Browser;
  const pages: WatchedPage[] = [];
  let casePath = '';

  beforeAll(async () => {
    server = await startServer();
    await addUser(server.h.ctx, 'caseworker@example.test', ['caseworker']);
    await addUser(server.h.ctx, 'coordinator@example.test', ['coordinator']);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const { cspViolations, pageErrors } of pages) expect({ cspViolations, pageErrors }).toEqual({ cspViolations: [], pageErrors: [] });
    await browser?.close();
    await server?.close();
  });

  it('lets a caseworker open a case, shows the API\'s refusals beside the fields, and keeps the identity in the file', async () => {
    const watched = await openPage(browser, DESKTOP);
    pages.push(watched);
    const { page } = watched;
    await page.goto(`${server.url}/app/cases`);
    await signIn(page, 'caseworker@example.test');
    await heading(page, 'Cases');
    await news(page, 'No cases yet.');
    expect(await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link').allTextContents()).toEqual(expect.arrayContaining(['Cases', 'Follow-ups', 'Partners']));

    await page.getByRole('link', { name: 'Open a case' }).click();
    await heading(page, 'Open a case');
    expect(await accessibilityProblems(page)).toEqual([]);
    // Nothing chosen yet: the API names sex and citizenship, and the page puts each message beside its field.
    await page.getByRole('button', { name: 'Open the case' }).click();
    await page.getByRole('alert').filter({ hasText: 'Some fields need your attention' }).waitFor();
    await expect.poll(() => page.getByLabel('Sex', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Citizenship').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Age', { exact: true }).getAttribute('aria-invalid')).toBeNull();
    await page.screenshot({ path: '/tmp/cases-new-errors-1280.png', fullPage: true });

    await page.getByLabel('Sex', { exact: true }).selectOption({ label: 'Male' });
    await page.getByLabel('Age', { exact: true }).fill('34');
    await page.getByLabel('Citizenship').selectOption({ label: 'India' });
    await page.getByRole('checkbox', { name: 'Hindi' }).check();
    await page.getByRole('checkbox', { name: 'Labour exploitation' }).check();
    await page.getByLabel('Labour sector').selectOption({ label: 'Construction' });
    await page.getByLabel('Country of exploitation').selectOption({ label: 'Serbia' });
    await page.getByLabel('Place of exploitation').fill('Novi Sad');
    await page.getByLabel('How the person was recruited').selectOption({ label: 'Recruitment agency' });
    await page.getByRole('checkbox', { name: 'Withholds documents' }).check();
    await page.getByLabel('Name', { exact: true }).fill('Ravi Kumar');
    await page.getByLabel('Phone').fill('+381 60 123 4567');
    await page.getByRole('button', { name: 'Add a document' }).click();
    await page.getByLabel('Document', { exact: true }).selectOption({ label: 'Passport' });
    await page.getByLabel('Number', { exact: true }).fill('Z1234567');
    await page.getByRole('button', { name: 'Open the case' }).click();

    await heading(page, REFERENCE);
    casePath = new URL(page.url()).pathname.replace(/^\/app/, '');
    const identity = page.getByRole('region', { name: 'Identity and notes (confidential)' });
    await identity.getByText('Ravi Kumar').waitFor();
    await identity.getByText('Passport: Z1234567').waitFor();
    await page.getByRole('region', { name: 'Timeline' }).getByText('Opened the case').waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/cases-file-1280.png', fullPage: true });

    // The list shows the reference and the anonymous facts, never the name.
    await page.getByRole('link', { name: 'Back to the list of cases' }).click();
    await heading(page, 'Cases');
    const row = page.getByRole('table').getByRole('row').filter({ hasText: 'India' });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/LJ-\d{4}-\d{4}Potential victimMale34IndiaLabour exploitation/);
    expect(await page.getByText('Ravi Kumar').count()).toBe(0);
    await page.screenshot({ path: '/tmp/cases-list-1280.png', fullPage: true });
  });

  it('computes the ILO verdict live as indicators are ticked, and saves it as a version in the timeline', async () => {
    const watched = await openPage(browser, DESKTOP);
    pages.push(watched);
    const { page } = watched;
    await page.goto(`${server.url}/app${casePath}`);
    await signIn(page, 'caseworker@example.test');
    await heading(page, REFERENCE);
    await page.getByRole('link', { name: 'Identification screen' }).click();
    await heading(page, 'ILO identification assessment');
    // The heading shows while the file loads; the indicators come with it.
    await page.getByRole('checkbox').first().waitFor();
    expect(await page.getByRole('checkbox').count()).toBe(67);
    expect(await verdict(page)).toBe('Not a presumed victim on these indicators');
    expect(await accessibilityProblems(page)).toEqual([]);

    // The rule runs in the page: ticking asks the server nothing.
    const calls: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/')) calls.push(r.url());
    });
    await indicator(page, 'Deceptive recruitment', 'Deceived about the nature of the job, location or employer').check();
    await indicator(page, 'Deceptive recruitment', 'Deceived about wages or earnings').check();
    await page.getByRole('group', { name: 'Deceptive recruitment' }).getByText('Positive', { exact: true }).waitFor();
    await indicator(page, 'Exploitative conditions of work', 'Excessive working days or hours').check();
    await indicator(page, 'Exploitative conditions of work', 'Low or no salary').check();
    // From the keyboard, as a caseworker would go through the list.
    await indicator(page, 'Coercion at destination', 'Confiscation of documents').focus();
    await page.keyboard.press('Space');
    expect(await verdict(page)).toBe('Not a presumed victim on these indicators');
    await page.getByText('Still needed:').filter({ hasText: 'a positive destination dimension' }).waitFor();
    await indicator(page, 'Coercion at destination', 'Withholding of wages').check();
    await expect.poll(() => verdict(page)).toBe('Presumed victim of trafficking for labour exploitation');
    expect((await page.locator('.result-panel .verdict-types').textContent())!.replace(/[\u2068\u2069]/g, '')).toBe('Type: deceptive recruitment');
    expect(calls).toEqual([]);

    await page.getByLabel('Note (optional): Deceived about wages or earnings').fill('Promised 1,200 EUR a month, paid 300.');
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/cases-identification-1280.png', fullPage: true });

    await page.getByRole('button', { name: 'Save as version 1' }).click();
    await news(page, 'Saved as version 1 of the assessment.');
    await page.getByRole('button', { name: 'Save as version 2' }).waitFor();

    await page.setViewportSize(PHONE);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: '/tmp/cases-identification-390.png' });
    await indicator(page, 'Exploitative conditions of work', 'Low or no salary').scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/cases-identification-390-ticking.png' });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.setViewportSize(DESKTOP);

    await page.getByRole('link', { name: 'Back to the case file' }).click();
    await heading(page, REFERENCE);
    const timeline = page.getByRole('region', { name: 'Timeline' });
    const assessed = timeline.getByRole('listitem').filter({ hasText: 'Assessed against the ILO indicators' });
    await assessed.waitFor();
    expect((await assessed.textContent())!.replace(/[\u2068\u2069]/g, '')).toContain('Presumed victim: – → Yes');
    await page.getByRole('region', { name: 'ILO identification assessment' }).getByText('Presumed victim of trafficking for labour exploitation').waitFor();

    // The same screen in Serbian, Latin and Cyrillic.
    await page.getByLabel('Language').selectOption('sr-Latn');
    await page.getByRole('link', { name: 'Ekran za identifikaciju' }).click();
    await heading(page, 'Procena prema indikatorima MOR-a');
    expect(await verdict(page)).toBe('Pretpostavljena žrtva trgovine ljudima radi radne eksploatacije');
    await page.getByRole('group', { name: 'Regrutacija prevarom' }).getByRole('checkbox', { name: 'Obmana o zaradi' }).waitFor();
    await page.getByLabel('Jezik', { exact: true }).selectOption('sr-Cyrl');
    await expect.poll(() => verdict(page)).toBe('Претпостављена жртва трговине људима ради радне експлоатације');
    await page.screenshot({ path: '/tmp/cases-identification-cyrillic-1280.png' });
  });

  it('asks for what an identification needs before changing the status, and keeps the partner directory', async () => {
    const watched = await openPage(browser, DESKTOP);
    pages.push(watched);
    const { page } = watched;
    await page.goto(`${server.url}/app/partners`);
    await signIn(page, 'caseworker@example.test');
    await heading(page, 'Partners');
    await page.getByRole('button', { name: 'Add a partner' }).click();
    await heading(page, 'Add a partner');
    await page.getByLabel('Name', { exact: true }).fill('Labour Inspectorate Novi Sad');
    await page.getByLabel('Kind').selectOption({ label: 'Labour inspection' });
    await page.getByLabel('City').fill('Novi Sad');
    await page.getByRole('checkbox', { name: 'Construction' }).check();
    await page.getByRole('button', { name: 'Add a contact' }).click();
    await page.getByRole('group', { name: 'Contact 1' }).getByLabel('Email').fill('not an address');
    await page.getByRole('button', { name: 'Add the partner' }).click();
    await expect.poll(() => page.getByRole('group', { name: 'Contact 1' }).getByLabel('Email').getAttribute('aria-invalid')).toBe('true');
    await page.getByRole('group', { name: 'Contact 1' }).getByLabel('Email').fill('inspekcija@example.test');
    await page.getByRole('button', { name: 'Add the partner' }).click();
    await heading(page, 'Partners');
    await news(page, 'is added to the directory.');
    await page.getByRole('button', { name: 'Change Labour Inspectorate Novi Sad' }).click();
    await page.getByLabel('City').fill('Novi Sad, Bulevar oslobođenja');
    await page.getByRole('button', { name: 'Save the partner' }).click();
    await page.getByRole('table').getByText('Novi Sad, Bulevar oslobođenja, Serbia').waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/cases-partners-1280.png', fullPage: true });

    await page.goto(`${server.url}/app${casePath}`);
    await heading(page, REFERENCE);
    const status = page.getByRole('region', { name: 'Status and its history' });
    await status.getByLabel('New status').selectOption({ label: 'Identified victim' });
    await status.getByRole('button', { name: 'Change the status' }).click();
    await status.getByText('Give the day of identification.').waitFor();
    await status.getByText('Choose the body that identified the person.').waitFor();
    await status.getByLabel('Identified on').fill(await page.evaluate(() => new Date().toLocaleDateString('sv')));
    await status.getByLabel('Identifying body').selectOption({ label: 'Centre for Protection of Victims of Trafficking' });
    await status.getByRole('button', { name: 'Change the status' }).click();
    await news(page, /The status is now:\W*Identified victim/);

    // A change sends only what changed: the stated age stays as it was.
    await page.getByRole('button', { name: 'Change details' }).click();
    await heading(page, /^Change the details of/);
    await page.getByLabel('Place of exploitation').fill('Subotica');
    await page.getByRole('button', { name: 'Save the changes' }).click();
    await heading(page, REFERENCE);
    await news(page, 'The changes are saved.');
    await page.getByRole('region', { name: 'Summary' }).getByText('Subotica, Serbia').waitFor();
    const changed = page.getByRole('region', { name: 'Timeline' }).getByRole('listitem').filter({ hasText: 'Place of exploitation' }).last();
    expect((await changed.textContent())!.replace(/[\u2068\u2069]/g, '')).toContain('Place of exploitation: Novi Sad → Subotica');

    const referrals = page.getByRole('region', { name: 'Referrals to partners' });
    await referrals.getByRole('button', { name: 'Refer to a partner' }).click();
    await referrals.getByLabel('Partner', { exact: true }).selectOption({ label: 'Labour Inspectorate Novi Sad (Labour inspection)' });
    await referrals.getByLabel('Purpose').selectOption({ label: 'Labour inspection' });
    await referrals.getByLabel('Follow up on').fill(await page.evaluate(() => new Date().toLocaleDateString('sv')));
    await referrals.getByRole('button', { name: 'Record the referral' }).click();
    await referrals.getByText('A referral needs the consent of the person.').waitFor();
    await referrals.getByLabel('The person consented to this referral').check();
    await referrals.getByRole('button', { name: 'Record the referral' }).click();
    await news(page, 'The referral is recorded.');
    await referrals.getByRole('rowheader', { name: 'Labour Inspectorate Novi Sad' }).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);

    // The referral moves on.
    await referrals.getByRole('button', { name: /^Update\W+Labour Inspectorate Novi Sad$/ }).click();
    await referrals.getByLabel('Status').selectOption({ label: 'Sent' });
    await referrals.getByRole('button', { name: 'Save', exact: true }).click();
    await news(page, 'The referral is updated.');
    await referrals.getByRole('cell', { name: 'Sent', exact: true }).waitFor();

    // A service is recorded, refused first without its kind, then corrected.
    const services = page.getByRole('region', { name: 'Services delivered' });
    await services.getByRole('button', { name: 'Add a service' }).click();
    await services.getByRole('button', { name: 'Add the service' }).click();
    await services.getByText('Choose one.').waitFor();
    await services.getByLabel('Service', { exact: true }).selectOption({ label: 'Legal aid' });
    await services.getByRole('button', { name: 'Add the service' }).click();
    await news(page, 'The service is recorded.');
    await services.getByRole('button', { name: /^Change/ }).click();
    await services.getByLabel('Other provider').fill('Legal aid clinic of the Bar');
    await services.getByRole('button', { name: 'Save the service' }).click();
    await news(page, 'The service is updated.');
    await services.getByText('Legal aid clinic of the Bar').waitFor();

    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Follow-ups' }).click();
    await heading(page, 'Follow-ups');
    const due = page.getByRole('table').getByRole('row').filter({ hasText: 'Labour Inspectorate Novi Sad' });
    await due.getByText('due today').waitFor();
    expect(await due.getByRole('link').textContent()).toMatch(REFERENCE);
    await page.screenshot({ path: '/tmp/cases-follow-ups-1280.png', fullPage: true });

    await page.setViewportSize(PHONE);
    await page.goto(`${server.url}/app${casePath}`);
    await heading(page, REFERENCE);
    await page.screenshot({ path: '/tmp/cases-file-390.png', fullPage: true });
    // Nothing sticks out sideways on a phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  });

  it('shows a coordinator the same file without its identity section or any way to change it', async () => {
    const watched = await openPage(browser, PHONE);
    pages.push(watched);
    const { page } = watched;
    await page.goto(`${server.url}/app${casePath}`);
    await signIn(page, 'coordinator@example.test');
    await heading(page, REFERENCE);
    await page.getByRole('region', { name: 'Summary' }).getByText('India').waitFor();
    await page.getByRole('region', { name: 'Timeline' }).getByText('Assessed against the ILO indicators').waitFor();
    expect(await page.getByRole('region', { name: 'Identity and notes (confidential)' }).count()).toBe(0);
    expect(await page.getByText('Ravi Kumar').count()).toBe(0);
    expect(await page.getByText('Z1234567').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Identification screen' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Change the status' }).count()).toBe(0);
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/cases-coordinator-390.png', fullPage: true });
  });
});
