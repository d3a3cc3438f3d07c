import { authenticator } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addUser, PASSWORD } from '../support.js';
import { accessibilityProblems, describeInBrowser, launchBrowser, openPage, startServer, type LiveServer, type WatchedPage } from './browser.js';

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Waits for the page whose h1 reads `text` (a missing heading fails the test at the page's time-out). */
const heading = (page: Page, text: string) => page.getByRole('heading', { level: 1, name: text, exact: true }).waitFor();

/** Completes the two-factor set-up the page shows, as an authenticator app would, and returns the secret. */
async function enrolTwoFactor(page: Page): Promise<string> {
  await heading(page, 'Set up two-factor authentication');
  const secret = (await page.locator('#mfa-secret').textContent())!.replace(/\s/g, '');
  await page.getByLabel('Code from the app').fill(authenticator.generate(secret));
  await page.getByRole('button', { name: 'Confirm' }).click();
  await heading(page, 'Save your recovery codes');
  return secret;
}

async function acknowledgeRecoveryCodes(page: Page): Promise<void> {
  await page.getByLabel('I have saved these codes somewhere safe').check();
  await page.getByRole('button', { name: 'Continue' }).click();
}

const menuOf = (page: Page) => page.getByRole('navigation', { name: 'Main menu' }).getByRole('link').allTextContents();

describeInBrowser('the staff app in a browser', () => {
  let server: LiveServer;
  let browser: Browser;
  const pages: WatchedPage[] = [];

  beforeAll(async () => {
    server = await startServer({ MFA_REQUIRED: 'true' });
    await addUser(server.h.ctx, 'admin@example.test', ['admin']);
    await addUser(server.h.ctx, 'hotline@example.test', ['hotline']);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('takes an administrator through two-factor set-up to the administrator menu', async () => {
    const watched = await openPage(browser, DESKTOP);
    pages.push(watched);
    const { page } = watched;
    await page.goto(`${server.url}/app/`);
    await heading(page, 'Sign in');
    expect(await accessibilityProblems(page)).toEqual([]);
    await signIn(page, 'admin@example.test');

    await heading(page, 'Set up two-factor authentication');
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(await page.getByRole('navigation', { name: 'Main menu' }).count()).toBe(0);
    const qr = page.getByRole('img', { name: /QR code/ });
    await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await page.screenshot({ path: '/tmp/staff-mfa-1280.png', fullPage: true });

    const secret = await enrolTwoFactor(page);
    expect(await page.getByRole('list', { name: 'Save your recovery codes' }).getByRole('listitem').count()).toBe(10);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('alert').filter({ hasText: 'Confirm that you have saved the codes first.' }).waitFor();
    await page.screenshot({ path: '/tmp/staff-recovery-codes-1280.png', fullPage: true });
    await acknowledgeRecoveryCodes(page);

    await page.getByRole('navigation', { name: 'Main menu' }).waitFor();
    expect(await menuOf(page)).toEqual(['Job check', 'Users', 'Audit trail']);
    await page.screenshot({ path: '/tmp/staff-admin-home-1280.png', fullPage: true });

    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Users' }).click();
    await heading(page, 'Users');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    const rows = page.getByRole('table').getByRole('row');
    await rows.filter({ hasText: 'hotline@example.test' }).waitFor();
    expect(await rows.count()).toBe(3);
    expect(await rows.filter({ hasText: 'admin@example.test' }).getByRole('cell').allTextContents()).toContain('On');
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/staff-users-1280.png', fullPage: true });

    await page.getByRole('link', { name: 'Audit trail' }).click();
    await heading(page, 'Audit trail');
    await page.getByRole('table').getByText('Set up two-factor authentication').waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/staff-audit-1280.png', fullPage: true });

    await page.setViewportSize(PHONE);
    await page.getByRole('link', { name: 'Users' }).click();
    await page.getByRole('table').getByText('hotline@example.test').waitFor();
    await page.screenshot({ path: '/tmp/staff-users-390.png', fullPage: true });

    // From now on the password alone is not enough: the page asks for the app's code.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await heading(page, 'Sign in');
    await signIn(page, 'admin@example.test');
    const code = page.getByLabel('One-time code');
    await code.fill('000000');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'That code is not right.' }).waitFor();
    // The set-up used this time step's code and each code works once: the next step's code is accepted.
    await code.fill(authenticator.clone({ epoch: Date.now() + 30_000 }).generate(secret));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Main menu' }).waitFor();
  });

  it('lets an administrator invite a user, who must choose a password, and disable them after confirming', async () => {
    await addUser(server.h.ctx, 'second-admin@example.test', ['admin']);
    const admin = await openPage(browser, PHONE);
    const invited = await openPage(browser, DESKTOP);
    pages.push(admin, invited);
    await admin.page.goto(`${server.url}/app/users`);
    await signIn(admin.page, 'second-admin@example.test');
    await enrolTwoFactor(admin.page);
    await acknowledgeRecoveryCodes(admin.page);
    await heading(admin.page, 'Users');

    await admin.page.getByRole('button', { name: 'Invite a user' }).click();
    await heading(admin.page, 'Invite a user');
    await admin.page.getByLabel('Name').fill('Ana Petrović');
    await admin.page.getByLabel('Email').fill('ana@example.test');
    await admin.page.getByLabel(/^Caseworker/).check();
    await admin.page.getByRole('button', { name: 'Invite', exact: true }).click();
    await admin.page.getByRole('heading', { level: 1, name: /can now sign in/ }).waitFor();
    const oneTimePassword = (await admin.page.locator('.secret-value').textContent())!;
    await admin.page.screenshot({ path: '/tmp/staff-invited-390.png', fullPage: true });

    await invited.page.goto(`${server.url}/app/`);
    await signIn(invited.page, 'ana@example.test', oneTimePassword);
    await heading(invited.page, 'Choose a new password');
    expect(await accessibilityProblems(invited.page)).toEqual([]);
    await invited.page.getByLabel('Current password').fill(oneTimePassword);
    await invited.page.getByLabel('New password', { exact: true }).fill('plum orchard lantern 7');
    await invited.page.getByLabel('New password again').fill('plum orchard lantern 7');
    await invited.page.getByRole('button', { name: 'Change password' }).click();
    // A caseworker's role requires two-factor authentication, so that step comes next.
    await heading(invited.page, 'Set up two-factor authentication');

    await admin.page.getByRole('button', { name: 'Back to the list of users' }).click();
    await admin.page.getByRole('button', { name: 'Manage Ana Petrović' }).click();
    await heading(admin.page, 'Ana Petrović');
    await admin.page.getByRole('button', { name: 'Disable' }).click();
    const dialog = admin.page.getByRole('dialog');
    await dialog.waitFor();
    expect(await accessibilityProblems(admin.page)).toEqual([]);
    await admin.page.screenshot({ path: '/tmp/staff-confirm-390.png' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await admin.page.getByText('This user can sign in.').waitFor();
    await admin.page.getByRole('button', { name: 'Disable' }).click();
    await dialog.getByRole('button', { name: 'Disable' }).click();
    await admin.page.getByRole('status').filter({ hasText: 'The user is disabled and has been signed out.' }).waitFor();

    // Her next request finds the session gone: the app returns to the sign-in page and says why.
    await invited.page.getByLabel('Code from the app').fill('000000');
    await invited.page.getByRole('button', { name: 'Confirm' }).click();
    await heading(invited.page, 'Sign in');
    await invited.page.getByText('Your session has ended. Sign in again to continue.').waitFor();
  });

  it('shows a hotline operator only Contacts and Job check, and no administration', async () => {
    const watched = await openPage(browser, PHONE);
    pages.push(watched);
    const { page } = watched;
    await page.goto(`${server.url}/app/`);
    await signIn(page, 'hotline@example.test', 'not the password at all');
    await page.getByRole('alert').filter({ hasText: 'The email address or the password is wrong.' }).waitFor();
    await page.screenshot({ path: '/tmp/staff-sign-in-390.png', fullPage: true });

    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Main menu' }).waitFor();
    expect(await menuOf(page)).toEqual(['Contacts', 'Job check']);
    await page.screenshot({ path: '/tmp/staff-hotline-390.png', fullPage: true });

    await page.getByRole('link', { name: 'Your account' }).click();
    await heading(page, 'Your account');
    await page.screenshot({ path: '/tmp/staff-account-390.png', fullPage: true });

    await page.goto(`${server.url}/app/users`);
    await heading(page, 'Not available to you');
  });

  it('switches to Serbian Cyrillic and remembers the choice', async () => {
    const watched = await openPage(browser, DESKTOP);
    pages.push(watched);
    const { page } = watched;
    await page.goto(`${server.url}/app/`);
    await page.getByLabel('Language').selectOption('sr-Cyrl');
    await heading(page, 'Пријавите се');
    await page.screenshot({ path: '/tmp/staff-cyrillic-1280.png', fullPage: true });
    await page.reload();
    await heading(page, 'Пријавите се');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('sr-Cyrl');
  });

  it('loads every page without a Content-Security-Policy violation or a script error', () => {
    expect(pages.length).toBeGreaterThan(0);
    for (const { cspViolations, pageErrors } of pages) expect({ cspViolations, pageErrors }).toEqual({ cspViolations: [], pageErrors: [] });
  });
});
