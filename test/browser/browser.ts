import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { describe } from 'vitest';
import { harness, PASSWORD, type Harness } from '../support.js';

/** Debian's Chromium; never a downloaded browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasBrowser = existsSync(CHROMIUM_PATH);

/**
 * A suite that needs Chromium. Without it the suite is skipped with a message, unless
 * REQUIRE_BROWSER=1 (as in CI) makes that a failure.
 */
export function describeInBrowser(name: string, fn: () => void): void {
  // A browser flow signs in several people (argon2id each) and renders many pages: more than a unit test's time.
  if (hasBrowser) describe(name, { timeout: 90_000 }, fn);
  else if (process.env.REQUIRE_BROWSER === '1') throw new Error(`REQUIRE_BROWSER=1 but there is no Chromium at ${CHROMIUM_PATH} (set CHROMIUM_PATH)`);
  else describe.skip(`${name} (skipped: no Chromium at ${CHROMIUM_PATH}; set CHROMIUM_PATH to run)`, fn);
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

export interface LiveServer {
  h: Harness;
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  close(): Promise<void>;
}

/** The real server on a scratch SQLite database, listening on a free local port. */
export async function startServer(env: Record<string, string> = {}): Promise<LiveServer> {
  const h = await harness('sqlite', env);
  await h.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = h.app.server.address() as AddressInfo;
  return { h, url: `http://127.0.0.1:${port}`, close: () => h.close() };
}

export interface WatchedPage {
  page: Page;
  /** Content-Security-Policy violations the page reported, as the browser worded them. */
  cspViolations: string[];
  /** Uncaught exceptions in the page's scripts. */
  pageErrors: string[];
  close(): Promise<void>;
}

/** A fresh browser context (no cookies, no storage) whose page reports CSP violations and script errors. */
export async function openPage(browser: Browser, opts: { width: number; height: number; locale?: string }): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { width: opts.width, height: opts.height }, locale: opts.locale ?? 'en-GB' });
  const page = await context.newPage();
  // Every wait in a browser test is for something that should already be there; fail well before the test's own time-out.
  page.setDefaultTimeout(30_000);
  const cspViolations: string[] = [];
  const pageErrors: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to (load|apply|execute|connect)/i.test(m.text())) cspViolations.push(m.text());
  });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  return { page, cspViolations, pageErrors, close: () => context.close() };
}

/** Signs in through the staff app's own form, as a person would. */
export async function signInWithForm(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Waits for the page whose h1 reads `text`. */
export const pageHeading = (page: Page, text: string | RegExp) => page.getByRole('heading', { level: 1, name: text }).waitFor();

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * What axe-core finds against WCAG 2.1 A and AA on the page as it is now, as "rule: element" lines.
 * It is evaluated through the debugging protocol, which the page's CSP does not govern.
 */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const { violations } = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
    return violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${String(n.target[0])}`));
  });
}
