// The built Firefox (MV2) extension in Firefox ESR: the background imports
// the bundled pack and the popup page lists both claims with statements.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { firefoxAdapter } from './firefox-adapter';
import { launchHarness, type Harness } from './harness';

let h: Harness<Page>;
beforeAll(async () => {
  h = await launchHarness(firefoxAdapter);
});
afterAll(async () => {
  await h?.close();
});

describe('foundation (Firefox)', () => {
  it('shows both claims with their statements in the popup page', async () => {
    const page = await h.openPage('/corpus/p001.html');
    const tabId = await h.getTabId(page);
    expect(tabId).toBeGreaterThan(0);
    const popup = await h.openPopupFor(tabId);
    const allClaims = await popup.waitForSelector('::-p-aria(All claims[role="tab"])');
    await allClaims!.click();
    await popup.waitForFunction(() => document.body.innerText.includes('Saeed Khatibzadeh'), { timeout: 20_000 });
    const text = await popup.evaluate(() => document.body.innerText);
    expect(text).toContain('Ratcliffe: Iran and Russia obtained US voter data');
    expect(text).toContain('Threatening emails to Democratic voters');
    expect(text).toContain('You will vote for Trump on election day or we will come after you');
    await h.screenshot(popup, 'foundation-popup');
  });

  it('tells tabs apart by id and reads a tab badge', async () => {
    const page = await h.openPage('/corpus/p002.html');
    // A blank tab: the content script (which sets web pages' badges itself) does not run there.
    const blank = await h.openPage('about:blank');
    const tabId = await h.getTabId(blank);
    expect(await h.getTabId(page)).not.toBe(tabId);
    expect(await h.getTabId(blank)).toBe(tabId);
    await h.evaluateInBackground((id) => (browser.action ?? browser.browserAction).setBadgeText({ tabId: id, text: 'ff' }), tabId);
    expect(await h.badgeText(tabId)).toBe('ff');
  });
});

declare const browser: {
  action?: { setBadgeText(d: { tabId: number; text: string }): Promise<void> };
  browserAction: { setBadgeText(d: { tabId: number; text: string }): Promise<void> };
};
