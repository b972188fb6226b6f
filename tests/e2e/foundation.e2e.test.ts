// The built extension in each browser (Chromium MV3, Firefox ESR MV2): the
// background starts, imports the bundled pack into IndexedDB, and the popup
// page lists both claims with their statements read back from the store
// through the background; the harness tells tabs apart and reads badges.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eBrowsers, launchHarness, waitUntil, type Harness } from './harness';

describe.each(e2eBrowsers())('foundation ($name)', (adapter) => {
  let h: Harness;
  beforeAll(async () => {
    h = await launchHarness(adapter);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('starts the background with an extension origin', () => {
    expect(h.extensionOrigin).toMatch(
      adapter.name === 'chromium' ? /^chrome-extension:\/\/[a-p]{32}$/ : /^moz-extension:\/\/[0-9a-f-]{36}$/,
    );
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
      const claims = (await all('claims')) as Array<{ id: string; statements: unknown[] }>;
      db.close();
      return { packs: packs.map((p) => [p.id, p.origin]), claims: claims.map((c) => c.id).sort(), statements: claims.reduce((n, c) => n + c.statements.length, 0) };
    });
    expect(rows.packs).toEqual([['sourcelight-election-2020', 'bundled']]);
    expect(rows.claims).toEqual(['proud-boys-emails', 'ratcliffe-announcement']);
    expect(rows.statements).toBeGreaterThan(10);
    await page.close();
  });

  it('shows both claims with their statements in the popup page', async () => {
    const page = await h.openPage('/corpus/p001.html');
    const tabId = await h.getTabId(page);
    expect(tabId).toBeGreaterThan(0);
    const popup = await h.openPopupFor(tabId);
    // The popup opens on "On this page"; the full list is under "All claims".
    const allClaims = await popup.waitForSelector('::-p-aria(All claims[role="tab"])');
    await allClaims!.click();
    await waitUntil(popup, () => document.body.innerText.includes('Saeed Khatibzadeh'), undefined, 20_000);
    const text = await popup.evaluate(() => document.body.innerText);
    expect(text).toContain('Ratcliffe: Iran and Russia obtained US voter data');
    expect(text).toContain('Threatening emails to Democratic voters');
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
    // an extension page and a blank tab.
    const extPage = await h.openPage(`${h.extensionOrigin}/popup.html`);
    const extId = await h.getTabId(extPage);
    const blank = await h.openPage('about:blank');
    const blankId = await h.getTabId(blank);
    expect(new Set([tabId, await h.getTabId(other), extId, blankId]).size).toBe(4);
    await h.evaluateInBackground(({ a, b }) => {
      const ext = (globalThis as unknown as { browser?: Ext }).browser ?? (globalThis as unknown as { chrome: Ext }).chrome;
      const action = ext.action ?? ext.browserAction!;
      return Promise.all([action.setBadgeText({ tabId: a, text: 'e2e' }), action.setBadgeText({ tabId: b, text: 'x' })]);
    }, { a: extId, b: blankId });
    expect(await h.badgeText(extId)).toBe('e2e');
    expect(await h.badgeText(blankId)).toBe('x');
    await Promise.all([page.close(), other.close(), extPage.close(), blank.close()]);
  });
});

interface Ext {
  action?: { setBadgeText(d: { tabId: number; text: string }): Promise<void> };
  browserAction?: { setBadgeText(d: { tabId: number; text: string }): Promise<void> };
}
