// The built extension in Debian Chromium: the service worker starts, imports
// the bundled pack into IndexedDB, and the popup page lists both claims with
// their statements read back from the store through the background.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { WxtBrowser } from 'wxt/browser';
import { launchHarness, type Harness } from './harness';

declare const chrome: Pick<WxtBrowser, 'action'>;

let h: Harness<Page>;
beforeAll(async () => {
  h = await launchHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('foundation (Chromium)', () => {
  it('starts the service worker with a chrome-extension id', () => {
    expect(h.extensionOrigin).toMatch(/^chrome-extension:\/\/[a-p]{32}$/);
  });

  it('installs the bundled pack into IndexedDB on install', async () => {
    const page = await h.openPage(`${h.extensionOrigin}/popup.html`);
    // Read IndexedDB directly (same extension origin), not through our own query code.
    const rows = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const req = indexedDB.open('sourcelight');
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(req.error);
      });
      const all = (store: string) =>
        new Promise<unknown[]>((ok, fail) => {
          const req = db.transaction(store).objectStore(store).getAll();
          req.onsuccess = () => ok(req.result);
          req.onerror = () => fail(req.error);
        });
      const packs = (await all('packs')) as Array<{ id: string; origin: string }>;
      const claims = (await all('claims')) as Array<{ id: string }>;
      const statements = await all('statements');
      db.close();
      return { packs: packs.map((p) => [p.id, p.origin]), claims: claims.map((c) => c.id).sort(), statements: statements.length };
    });
    expect(rows.packs).toEqual([['sourcelight-election-2020', 'bundled']]);
    expect(rows.claims).toEqual(['proud-boys-emails', 'ratcliffe-announcement']);
    expect(rows.statements).toBeGreaterThan(10);
    await page.close();
  });

  it('shows both claims with their statements in the popup page', async () => {
    const page = await h.openPage(`${h.extensionOrigin}/popup.html`);
    const tabId = await h.getTabId(page);
    expect(tabId).toBeGreaterThan(0);
    const popup = await h.openPopupFor(tabId);
    // The popup opens on "On this page" (nothing read on an extension page); the full list is under "All claims".
    await popup.getByRole('tab', { name: /all claims/i }).click();
    await popup.getByText('Ratcliffe: Iran and Russia obtained US voter data', { exact: false }).first().waitFor();
    await popup.getByText('Saeed Khatibzadeh', { exact: false }).first().waitFor();
    const text = await popup.locator('body').innerText();
    expect(text).toContain('Threatening emails to Democratic voters');
    expect(text).toContain('Saeed Khatibzadeh');
    expect(text).toContain('baseless claim');
    expect(text).toContain('You will vote for Trump on election day or we will come after you');
    await h.screenshot(popup, 'foundation-popup');
    await popup.close();
    await page.close();
  });

  it('harness: tells tabs apart by id and reads a tab badge', async () => {
    const page = await h.openPage('/corpus/p001.html');
    const other = await h.openPage('/corpus/p002.html');
    const tabId = await h.getTabId(page);
    expect(await h.getTabId(other)).not.toBe(tabId);
    // Badge round trip on tabs the content script does not touch (it sets web pages' badges itself):
    // an extension page opened by the harness, and a blank tab it did not open (id from the active tab).
    const extPage = await h.openPage(`${h.extensionOrigin}/popup.html`);
    const extId = await h.getTabId(extPage);
    const stray = await page.context().newPage();
    const strayId = await h.getTabId(stray);
    expect(new Set([tabId, await h.getTabId(other), extId, strayId]).size).toBe(4);
    await h.evaluateInBackground(({ a, b }) => Promise.all([
      chrome.action.setBadgeText({ tabId: a, text: 'e2e' }),
      chrome.action.setBadgeText({ tabId: b, text: 'x' }),
    ]), { a: extId, b: strayId });
    expect(await h.badgeText(extId)).toBe('e2e');
    expect(await h.badgeText(strayId)).toBe('x');
    await Promise.all([page.close(), other.close(), extPage.close(), stray.close()]);
  });
});
