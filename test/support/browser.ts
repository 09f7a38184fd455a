// Debian's chromium through playwright-core for end-to-end tests. `.ci/run` installs chromium;
// elsewhere set NIANBAO_CHROMIUM to its path. Pages collect console errors and failed requests,
// and screenshots go to test/screenshots/ (gitignored) to be looked at.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { describe } from 'vitest';
import { ROOT } from './root';

export const CHROMIUM = process.env.NIANBAO_CHROMIUM ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(ROOT, 'test/screenshots');

/**
 * Browser tests run where chromium is installed; CI (`.ci/run`) installs it and sets CI=true, and
 * there a missing chromium fails the run instead of skipping it.
 */
export const HAS_CHROMIUM = existsSync(CHROMIUM);
if (!HAS_CHROMIUM && !process.env.CI) {
  console.warn(`\n*** chromium is not at ${CHROMIUM}: browser tests are SKIPPED (apt-get install -y chromium, or set NIANBAO_CHROMIUM) ***\n`);
}
/** describe for browser tests: skipped, loudly, without chromium outside CI */
export const describeInBrowser = HAS_CHROMIUM || process.env.CI ? describe : describe.skip;

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`chromium is not at ${CHROMIUM}: apt-get install -y chromium (or set NIANBAO_CHROMIUM)`);
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}

export interface WatchedPage {
  page: Page;
  /** console errors, uncaught page errors and failed requests seen so far */
  problems: string[];
}

export async function openPage(browser: Browser, { width = 1280, height = 900, javaScript = true } = {}): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'zh-CN', deviceScaleFactor: 1, javaScriptEnabled: javaScript });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => {
    // with JavaScript off, chromium refuses the page's scripts and reports them as blocked by CSP
    if (!javaScript && r.resourceType() === 'script' && r.failure()?.errorText === 'csp') return;
    problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  return { page, problems };
}

/**
 * Requests cancelled when a test navigates on or closes the page: router prefetches, the rest of a
 * navigation's RSC response, which the router drops once it has committed the navigation, and the
 * build's scripts still loading (a chart's, say). net::ERR_ABORTED is the browser's own cancel: a
 * script the server fails to serve shows as an HTTP error or another net:: error.
 */
const CANCELLED_ON_NAVIGATION = [/[?&]_rsc=/u, /\/_next\/static\//u];

/**
 * A page's problems, less those that are not the page's: the browser's own request for
 * /favicon.ico (its console line names no URL; a 404 of the page's own requests is still caught,
 * as "HTTP 404: url"), and requests cancelled because the test moved on: the router's, scripts',
 * and those of `cancellable` (search suggestions, say).
 */
export function pageProblems(problems: readonly string[], cancellable: readonly RegExp[] = []): string[] {
  return problems.filter((p) => {
    if (/^console: Failed to load resource: .*status of 404/u.test(p)) return false;
    const aborted = /^request failed: (\S+) \(net::ERR_ABORTED\)$/u.exec(p);
    return !(aborted && [...CANCELLED_ON_NAVIGATION, ...cancellable].some((r) => r.test(aborted[1])));
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
