/**
 * The playground in a real browser: headless Debian chromium (playwright-core, never a downloaded
 * browser) opens the gateway's URL, runs the first example operation and sees its result. Every
 * request the page makes is checked: anything not on loopback is blocked and fails the test.
 * Skips, saying why, when /usr/bin/chromium is not installed (`.ci/run` installs it).
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_IDENTITIES } from '../../src/auth/demoIdentities.js';
import { createTestGateway, type TestGateway } from '../support/gateway.js';

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available) console.warn(`[playground] skipping the browser test: ${CHROMIUM} is not installed (apt-get install -y chromium)`);

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function isLoopback(url: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank') return true;
  try {
    const host = new URL(url).hostname;
    return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
  } catch {
    return false;
  }
}

describe.skipIf(!available)('playground in headless chromium', () => {
  let gw: TestGateway;
  let browser: Browser;
  beforeAll(async () => {
    gw = await createTestGateway();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
  });
  afterAll(async () => {
    await browser?.close();
    await gw?.close();
  });

  it('runs the first example query and shows its result, with no request beyond loopback', async () => {
    const context = await browser.newContext();
    const outside: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (isLoopback(url)) return route.continue();
      outside.push(url);
      return route.abort('blockedbyclient');
    });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));

    await page.goto(`${gw.url}/`, { waitUntil: 'load' });
    await page.locator('.graphiql-execute-button').waitFor({ timeout: 30_000 });
    expect(await page.locator('#pcv-note').innerText()).toContain('x-purpose');
    // the identity switcher lists every demo identity; act as the Liverpool caseworker
    await page.locator('#pcv-identity option[value="cc-liverpool"]').waitFor({ state: 'attached', timeout: 10_000 });
    expect(await page.locator('#pcv-identity option').count()).toBe(DEMO_IDENTITIES.length);
    await page.selectOption('#pcv-identity', 'cc-liverpool');
    await page.selectOption('#pcv-purpose', 'REPORTING');

    const answered = page.waitForResponse((r) => r.url().endsWith('/graphql') && r.request().method() === 'POST' && (r.request().postData() ?? '').includes('Sources'));
    await page.locator('.graphiql-execute-button').click();
    const response = await answered;
    expect(response.status()).toBe(200);
    // the switcher's identity and purpose replaced the header editor's placeholders
    expect(response.request().headers()['x-purpose']).toBe('REPORTING');
    expect(response.request().headers()['authorization']).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);

    const result = page.locator('.result-window');
    await expect.poll(async () => result.innerText(), { timeout: 20_000 }).toContain('"sources"');
    const text = await result.innerText();
    expect(text).toContain('"reachable"');
    expect(text).not.toContain('"errors"');

    // switching to an example tab that names its identity switches the identity
    await page.locator('.graphiql-tab', { hasText: 'CustodyRecord' }).first().click();
    await expect.poll(async () => page.locator('#pcv-identity').inputValue(), { timeout: 10_000 }).toBe('sergeant-mps');
    expect(await page.locator('#pcv-purpose').inputValue()).toBe('POLICING');

    expect(outside).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
