// The popup against the built extension in Chromium: opened for a news page's
// tab it lists the claims found there with mention counts; "All claims"
// search finds a denial by its speaker's name; the site switch removes the
// page's highlights live (no reload), and switching back restores them.
// Screenshots (light, dark, empty, search, packs) go to test-results/screenshots/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchHarness, type Harness } from './harness';

let h: Harness<Page>;
beforeAll(async () => {
  h = await launchHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Ranges in the page's CSS highlight registry (the content script's highlights). */
function highlightRanges(page: Page): Promise<number> {
  return page.evaluate(() => {
    let n = 0;
    for (const [, hl] of CSS.highlights) n += hl.size;
    return n;
  });
}

async function waitForHighlights(page: Page, atLeast: number, timeout = 15_000): Promise<number> {
  await page.waitForFunction(
    (min) => {
      let n = 0;
      for (const [, hl] of CSS.highlights) n += hl.size;
      return n >= min;
    },
    atLeast,
    { timeout },
  );
  return highlightRanges(page);
}

async function openPopup(tabId: number, scheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const popup = await h.openPopupFor(tabId);
  await popup.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
  await popup.setViewportSize({ width: 400, height: 600 });
  return popup;
}

describe('popup (Chromium)', () => {
  let page: Page;
  let tabId: number;

  beforeAll(async () => {
    page = await h.openPage('/corpus/p008.html'); // a wire story mentioning both events
    tabId = await h.getTabId(page);
    await waitForHighlights(page, 1);
  });

  it('lists the claims found on the tab with their mention counts', async () => {
    const popup = await openPopup(tabId);
    const list = popup.locator('#pp-panel-page');
    await list.getByRole('button', { name: /^Ratcliffe: Iran and Russia obtained US voter data/ }).waitFor();
    await expect(list.getByRole('button', { name: /^Threatening emails to Democratic voters/ }).count()).resolves.toBe(1);
    const counts = await list.locator('.pp-claim').evaluateAll((rows) =>
      rows.map((r) => [r.getAttribute('data-claim'), r.querySelector('.pp-count')?.textContent]),
    );
    expect(counts.map(([id]) => id).sort()).toEqual(['proud-boys-emails', 'ratcliffe-announcement']);
    for (const [, text] of counts) expect(text).toMatch(/^[1-9]\d* mentions?$/);
    // The badge's total equals the popup's sum.
    const sum = counts.reduce((n, [, text]) => n + Number.parseInt(text ?? '0', 10), 0);
    expect(await h.badgeText(tabId)).toBe(String(sum));

    await h.screenshot(popup, 'popup-on-this-page');

    // Expanding a claim shows its full timeline.
    const toggle = list.getByRole('button', { name: /^Ratcliffe: Iran and Russia obtained US voter data/ });
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
    await toggle.click();
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
    await list.locator('.sl-kind-denial').first().waitFor();
    expect(await list.locator('.sl-timeline').innerText()).toContain('Khatibzadeh');
    await popup.mouse.move(0, 0);
    await list.locator('.sl-kind-allegation').first().evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await h.screenshot(popup, 'popup-claim-expanded');

    // "Show on page" moves to a mention of that claim and opens its card, focus inside it.
    const row = list.locator('.pp-claim[data-claim="ratcliffe-announcement"]');
    await row.getByRole('button', { name: 'Show on page' }).click();
    await page.waitForFunction(() => !!document.activeElement && document.activeElement !== document.body, null, { timeout: 5_000 });
    expect(await row.getByRole('alert').count()).toBe(0);
    await popup.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
    await h.screenshot(popup, 'popup-claim-expanded-dark');
    await popup.close();
  });

  it('finds a denial by its speaker name in "All claims"', async () => {
    const popup = await openPopup(tabId);
    await popup.getByRole('tab', { name: 'All claims' }).click();
    const search = popup.getByRole('searchbox', { name: /Search claims/ });
    await search.fill('Khatibzadeh');
    const results = popup.locator('#pp-panel-claims .pp-claim');
    await popup.locator('#pp-panel-claims .pp-hit').first().waitFor();
    expect(await results.count()).toBe(1);
    expect(await results.first().getAttribute('data-claim')).toBe('ratcliffe-announcement');
    expect(await results.first().locator('.pp-hit').innerText()).toContain('Khatibzadeh');
    await results.first().getByRole('button').first().click();
    const denial = results.first().locator('.sl-kind-denial', { hasText: 'Khatibzadeh' });
    await denial.first().waitFor();
    await h.screenshot(popup, 'popup-search');
    await popup.close();
  });

  it('switching the site off removes the page highlights live, and on restores them', async () => {
    const before = await waitForHighlights(page, 1);
    const popup = await openPopup(tabId);
    const site = popup.getByRole('switch', { name: 'Highlight on 127.0.0.1' });
    await expect(site.isChecked()).resolves.toBe(true);
    await site.click();
    await page.waitForFunction(() => [...CSS.highlights.values()].every((hl) => hl.size === 0), null, { timeout: 10_000 });
    expect(await highlightRanges(page)).toBe(0);
    await expect(site.isChecked()).resolves.toBe(false);
    await popup.getByText('Highlighting is switched off on 127.0.0.1.').waitFor();
    await h.screenshot(popup, 'popup-site-off');

    // Persisted: a freshly opened popup shows it off.
    await popup.close();
    const again = await openPopup(tabId);
    const site2 = again.getByRole('switch', { name: 'Highlight on 127.0.0.1' });
    await again.getByText('Highlighting is switched off on 127.0.0.1.').waitFor();
    await expect(site2.isChecked()).resolves.toBe(false);
    await site2.click();
    expect(await waitForHighlights(page, before)).toBe(before);
    await again.close();
  });

  it('shows the empty state on a page without mentions and offers the search', async () => {
    const quiet = await h.openPage('/corpus/p012.html'); // unrelated use of the words
    const quietId = await h.getTabId(quiet);
    const popup = await openPopup(quietId);
    await popup.getByRole('tab', { name: 'On this page' }).click();
    await popup.getByText('No claims from your packs were found on this page.').waitFor();
    await h.screenshot(popup, 'popup-empty');
    await popup.getByRole('button', { name: 'Search all claims' }).click();
    await expect(popup.getByRole('tab', { name: 'All claims' }).getAttribute('aria-selected')).resolves.toBe('true');
    await expect(popup.evaluate(() => document.activeElement?.id)).resolves.toBe('pp-search-input');
    await popup.close();
    await quiet.close();
  });

  it('lists the installed packs with a working "Sync now" control', async () => {
    const popup = await openPopup(tabId);
    await popup.getByRole('tab', { name: 'Packs' }).click();
    const pack = popup.locator('.pp-pack[data-pack="sourcelight-election-2020"]');
    await pack.waitFor();
    expect(await pack.innerText()).toMatch(/Publisher[\s\S]*Version[\s\S]*Issued[\s\S]*Last checked/);
    await popup.getByRole('button', { name: 'Sync now' }).click();
    // Either the sync topic answers or the popup says why not; never a silent failure.
    const status = popup.locator('.pp-sync-status');
    await popup.locator('.pp-sync-status:is([data-sync="done"], [data-sync="failed"])').waitFor({ state: 'attached' });
    if ((await status.getAttribute('data-sync')) === 'failed') {
      expect(await popup.locator('#pp-panel-packs [role="alert"]').innerText()).toMatch(/\S/);
    } else {
      expect(await status.innerText()).toMatch(/\S/);
    }
    await h.screenshot(popup, 'popup-packs');
    await popup.close();
  });
});

describe('options page (Chromium)', () => {
  it('shows every section and refuses an invalid colour', async () => {
    const options = await h.openPage(`${h.extensionOrigin}/options.html`);
    await options.setViewportSize({ width: 900, height: 900 });
    await options.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
    for (const name of ['Highlighting and sync', 'Where highlighting is off', 'Pack subscriptions', 'Back up settings']) {
      await options.getByRole('heading', { name }).waitFor();
    }
    await options.getByText('sourcelight-election-2020').waitFor();
    const colour = options.getByRole('textbox', { name: 'Colour', exact: true });
    await colour.fill('not a colour');
    await options.getByRole('button', { name: 'Save' }).click();
    await options.getByText('Not saved: please correct the fields marked.').waitFor();
    expect(await colour.getAttribute('aria-invalid')).toBe('true');
    await colour.fill('#3a7bd5');
    await options.getByRole('radio', { name: 'Underline' }).check();
    await options.getByRole('button', { name: 'Save' }).click();
    await options.getByText('Saved.').waitFor();
    await h.screenshot(options, 'options');
    await options.close();
  });
});
