// Preferences from the options page reach the rest of the extension live, in each browser
// (Chromium MV3, Firefox ESR MV2): a page already open restyles its highlights when the
// highlight style and colour are saved (read back as the computed ::highlight() style, i.e.
// what the browser paints), the sync alarm is re-armed for a new sync interval, and a
// subscription paused with its switch is no longer synced.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPublisher } from '@/lib/sync/test-publisher';
import { e2eBrowsers, launchHarness, waitUntil, type Harness } from './harness';

interface PaintedLook {
  name: string;
  background: string;
  lineColor: string;
  lineStyle: string;
  lineThickness: string;
}

/** The computed ::highlight() style of each registered highlight that marks something on the page. */
function paintedLooks(page: Page): Promise<PaintedLook[]> {
  return page.evaluate(() => {
    const looks: PaintedLook[] = [];
    for (const [name, hl] of CSS.highlights) {
      const range = [...(hl as unknown as Set<Range>)][0];
      if (!range) continue;
      const node = range.startContainer;
      const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
      if (!el) continue;
      const cs = getComputedStyle(el, `::highlight(${name})`);
      looks.push({
        name,
        background: cs.backgroundColor,
        lineColor: cs.textDecorationColor,
        lineStyle: cs.textDecorationStyle,
        lineThickness: cs.textDecorationThickness,
      });
    }
    return looks.sort((a, b) => a.name.localeCompare(b.name));
  });
}

async function waitForLook(page: Page, name: string, want: Partial<PaintedLook>): Promise<PaintedLook> {
  const deadline = Date.now() + 10_000;
  let last: PaintedLook | undefined;
  while (Date.now() < deadline) {
    last = (await paintedLooks(page)).find((l) => l.name === name);
    if (last && Object.entries(want).every(([k, v]) => last![k as keyof PaintedLook] === v)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${name} never looked like ${JSON.stringify(want)}; last: ${JSON.stringify(last)}`);
}

async function saveLook(options: Page, style: 'Background fill' | 'Underline', colour: string): Promise<void> {
  await (await options.waitForSelector(`::-p-aria(${style}[role="radio"])`))!.click();
  const input = (await options.waitForSelector('#op-color'))!;
  await input.evaluate((el) => (el as HTMLInputElement).select());
  await input.type(colour);
  await (await options.waitForSelector('::-p-aria(Save[role="button"])'))!.click();
  await waitUntil(options, () => document.querySelector('.op-card .op-status')?.textContent === 'Saved.');
}

describe.each(e2eBrowsers())('options → page and sync ($name)', (adapter) => {
  let h: Harness;
  beforeAll(async () => {
    h = await launchHarness(adapter);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('restyles the highlights of an open page when the highlight style is saved', async () => {
    const page = await h.openPage('/corpus/p008.html'); // mentions both claims
    await page.waitForFunction(() => [...CSS.highlights.values()].filter((hl) => hl.size > 0).length >= 2, { timeout: 20_000, polling: 100 });
    // The default look: a translucent amber fill with a line, one line style per claim.
    const before = await paintedLooks(page);
    expect(before.map((l) => l.name)).toEqual(['sourcelight-0', 'sourcelight-1']);
    expect(before[0]).toMatchObject({ background: 'rgba(255, 190, 0, 0.32)', lineStyle: 'solid' });
    expect(before[1]!.lineStyle).not.toBe(before[0]!.lineStyle);

    const options = await h.openPage(`${h.extensionOrigin}/options.html`);
    await saveLook(options, 'Underline', '#3a7bd5');
    // Live, no reload: no fill, a thicker line in the chosen colour (already readable on light and dark).
    const first = await waitForLook(page, 'sourcelight-0', { lineColor: 'rgb(58, 123, 213)' });
    expect(first).toMatchObject({ background: 'rgba(0, 0, 0, 0)', lineStyle: 'solid', lineThickness: '3px' });
    const second = (await paintedLooks(page)).find((l) => l.name === 'sourcelight-1')!;
    expect(second.background).toBe('rgba(0, 0, 0, 0)');
    expect(second.lineStyle).toBe('dashed');
    expect(second.lineColor).not.toBe(first.lineColor);
    await page.bringToFront(); // Chromium only captures the tab in front
    await h.screenshot(page, 'options-underline-on-page');
    await options.bringToFront();

    // A colour too light for white pages is darkened for the line, its fill kept translucent.
    await saveLook(options, 'Background fill', '#ffff00');
    const yellow = await waitForLook(page, 'sourcelight-0', { lineThickness: '2px' });
    expect(yellow.background).toMatch(/^rgba\(\d+, \d+, 0, 0\.32\)$/);
    const [r, g, b] = yellow.lineColor.match(/\d+/g)!.map(Number) as [number, number, number];
    expect(r).toBe(g);
    expect(b).toBe(0);
    expect(r).toBeLessThan(200);

    // Reloaded pages start in the saved look.
    await h.navigate(page, '/corpus/p008.html');
    await page.waitForFunction(() => [...CSS.highlights.values()].some((hl) => hl.size > 0), { timeout: 20_000, polling: 100 });
    expect((await paintedLooks(page))[0]).toEqual(yellow);
    await options.close();
    await page.close();
  });

  it('re-arms the sync alarm when the sync interval is saved', async () => {
    const alarmInMs = () =>
      h.evaluateInBackground(async () => {
        type Alarms = { alarms: { get(name: string): Promise<{ scheduledTime: number } | undefined> } };
        const g = globalThis as unknown as { browser?: Alarms; chrome: Alarms };
        const alarm = await (g.browser ?? g.chrome).alarms.get('sourcelight-sync');
        return alarm ? alarm.scheduledTime - Date.now() : null;
      }, null);
    const H = 3600_000;
    const initial = await alarmInMs();
    expect(initial).toBeGreaterThan(6 * H * 0.89);

    const options = await h.openPage(`${h.extensionOrigin}/options.html`);
    const interval = (await options.waitForSelector('#op-interval'))!;
    await interval.select('1');
    await (await options.waitForSelector('::-p-aria(Save[role="button"])'))!.click();
    await waitUntil(options, () => document.querySelector('.op-card .op-status')?.textContent === 'Saved.');
    const deadline = Date.now() + 10_000;
    let inMs = await alarmInMs();
    while ((inMs === null || inMs > 2 * H) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      inMs = await alarmInMs();
    }
    expect(inMs).toBeGreaterThan(H * 0.85);
    expect(inMs).toBeLessThan(H * 1.11);
    await options.close();
  });

  it('pauses a subscription with its switch; the background skips it', async () => {
    const publisher = await newPublisher();
    // The address is never reached (a failed check is fine): what matters is that a paused one is not tried.
    await h.sendMessage('addSubscription', { packId: 'community-pack', manifestUrl: 'https://packs.invalid/m.json', publicKey: publisher.publicKey });
    // Adding starts a sync; let it finish so "Sync now" below cannot join it.
    const checked = async () =>
      (await h.sendMessage<Array<{ packId: string; lastCheck: unknown }>>('listSubscriptions', {})).find((s) => s.packId === 'community-pack')?.lastCheck;
    for (let i = 0; i < 100 && !(await checked()); i++) await new Promise((r) => setTimeout(r, 100));
    expect(await checked()).toMatchObject({ ok: false });
    const options = await h.openPage(`${h.extensionOrigin}/options.html`);
    const sw = (await options.waitForSelector('::-p-aria(Check for updates of community-pack[role="switch"])'))!;
    expect(await sw.evaluate((el) => (el as HTMLInputElement).checked)).toBe(true);
    await sw.click();
    await waitUntil(options, () => document.querySelector('[data-pack="community-pack"] .op-tag-paused') !== null);
    const listed = await h.sendMessage<Array<{ packId: string; enabled: boolean }>>('listSubscriptions', {});
    expect(listed.find((s) => s.packId === 'community-pack')?.enabled).toBe(false);
    // "Sync now" syncs only what is not paused: here nothing (the built-in pack has no release address yet).
    expect(await h.sendMessage('syncNow', {})).toEqual([]);
    await options.bringToFront();
    await h.screenshot(options, 'options-subscription-paused');
    await options.close();
  });
});
