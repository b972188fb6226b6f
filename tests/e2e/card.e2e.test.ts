// The hover card in the built extension, in Chromium and Firefox: hover with
// dwell, crossing without a card, grace into the card, Esc, the keyboard walk,
// a hostile page, and screenshots (test-results/screenshots/<browser>-card-*.png).
//
// The card lives in a CLOSED shadow root, so neither the page nor puppeteer's
// selectors can see into it; the test reads it through the automation
// protocol (h.evaluateInClosedShadowRoot: DevTools DOM pierce in Chromium,
// BiDi shadow-tree serialisation in Firefox), which pages cannot use.
//
// Keyboard: headless browsers cannot press browser-level extension shortcuts
// (commands), so the test sends, from the background, exactly the message
// the background's onCommand listener sends for "next-mention"
// (entrypoints/background/commands.ts): tabs.sendMessage(tabId,
// { type: 'showNextMention', payload: {} }). The manifest's command itself is
// checked separately.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { e2eBrowsers, launchHarness, OUT_DIR, pause, SCREENSHOT_DIR, type Harness } from './harness';

interface Tabs {
  tabs: { sendMessage(tabId: number, m: unknown): Promise<unknown> };
}

interface CardState {
  title: string | null;
  text: string;
  ariaModal: string | null;
  /** Tag or role of the focused element inside the card's shadow root. */
  focus: string | null;
  rect: { left: number; top: number; right: number; bottom: number; width: number; height: number };
  hostParent: string;
  hostInTopLayer: boolean;
  visibility: string;
}

/** Reads the open card inside its closed shadow root (runs with `this` = that root). */
const READ_CARD = `function () {
  const dialog = this.querySelector('[role="dialog"]');
  if (!dialog) return null;
  const title = this.getElementById(dialog.getAttribute('aria-labelledby'));
  const active = this.activeElement;
  const r = dialog.getBoundingClientRect();
  return {
    title: title && title.textContent,
    text: dialog.innerText,
    ariaModal: dialog.getAttribute('aria-modal'),
    focus: active ? (active.getAttribute('role') || active.localName) : null,
    rect: { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height },
    hostParent: this.host.parentNode.nodeName,
    hostInTopLayer: this.host.matches(':popover-open'),
    visibility: getComputedStyle(dialog).visibility,
  };
}`;

describe.each(e2eBrowsers())('hover card ($name)', (adapter) => {
  let h: Harness;
  beforeAll(async () => {
    h = await launchHarness(adapter);
  });
  afterAll(async () => {
    await h?.close();
  });

  /** Opens a fixture page and waits until the scanner has highlighted mentions. */
  async function openArticle(path: string, options: { dark?: boolean; width?: number; height?: number } = {}): Promise<Page> {
    const page = await h.openPage(path);
    await h.setViewport(page, { width: options.width ?? 1000, height: options.height ?? 720 });
    if (options.dark) await h.emulateColorScheme(page, 'dark');
    await page.waitForFunction(
      () => [...CSS.highlights.keys()].some((k) => k.startsWith('sourcelight-') && CSS.highlights.get(k)!.size > 0),
      { timeout: 15_000 },
    );
    return page;
  }

  /**
   * Client coordinates of the first line box of the `nth` highlighted range inside the element
   * matching `selector` (which words get highlighted is the matcher's business, not this test's).
   */
  /** The height of the page's layout viewport, as the page sees it. */
  function viewportHeight(page: Page): Promise<number> {
    return page.evaluate(() => document.documentElement.clientHeight);
  }

  async function mentionPoint(page: Page, selector: string, nth = 0): Promise<{ x: number; y: number; left: number; right: number; top: number; bottom: number }> {
    const handle = await page.waitForFunction(
      ({ selector, nth }) => {
        const within = document.querySelector(selector);
        const found: Range[] = [];
        for (const [name, hl] of CSS.highlights) {
          if (!name.startsWith('sourcelight-')) continue;
          for (const r of hl as unknown as Set<Range>) if (within?.contains(r.startContainer)) found.push(r);
        }
        found.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
        const rect = found.at(nth)?.getClientRects()[0];
        return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2, left: rect.left, right: rect.right, top: rect.top, bottom: rect.bottom } : null;
      },
      { timeout: 10_000 },
      { selector, nth },
    );
    return (await handle.jsonValue())!;
  }

  /** The open card, in whichever frame's document it lives; null when no card is attached. */
  async function readCard(page: Page): Promise<CardState | null> {
    for (const frame of page.frames()) {
      const card = await h.evaluateInClosedShadowRoot<CardState>(frame, 'sourcelight-card-', READ_CARD);
      if (card) return card;
    }
    return null;
  }

  async function waitForCard(page: Page, timeout = 4000): Promise<CardState> {
    const until = Date.now() + timeout;
    for (;;) {
      const card = await readCard(page);
      if (card && card.rect.width > 0) {
        await pause(250); // let the opening animation (a 4 px slide) finish before measuring
        return (await readCard(page)) ?? card;
      }
      if (Date.now() > until) throw new Error('no card appeared');
      await pause(50);
    }
  }

  async function waitForNoCard(page: Page, timeout = 2000): Promise<void> {
    const until = Date.now() + timeout;
    while ((await readCard(page)) !== null) {
      if (Date.now() > until) throw new Error('the card did not close');
      await pause(50);
    }
  }

  /** What the background sends for the "next-mention" command, sent from the service worker. */
  async function nextMentionCommand(page: Page): Promise<void> {
    const tabId = await h.getTabId(page);
    await h.evaluateInBackground(
      (id) => ((globalThis as unknown as { browser?: Tabs }).browser ?? (globalThis as unknown as { chrome: Tabs }).chrome).tabs.sendMessage(id, { type: 'showNextMention', payload: {} }),
      tabId,
    );
  }

  async function cardScreenshot(page: Page, name: string): Promise<void> {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await pause(400); // past the opening animation
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${h.browserName}-card-${name}.png`) });
  }

  it('declares the user-changeable "next-mention" keyboard command', () => {
    const manifest = JSON.parse(readFileSync(join(OUT_DIR, adapter.buildDir, 'manifest.json'), 'utf8'));
    expect(manifest.commands['next-mention'].suggested_key.default).toBe('Alt+Shift+L');
    expect(manifest.commands['next-mention'].description).toBeTruthy();
  });

  it('hovering a mention opens the card with the claim title and its denials', async () => {
    const page = await openArticle('/card-article.html');
    const bodyBefore = await page.evaluate(() => document.body.innerHTML);
    const m = await mentionPoint(page, '#p1');
    await page.mouse.move(m.x, m.y);
    const card = await waitForCard(page);
    await cardScreenshot(page, 'light');
    expect(card.title).toBe('Ratcliffe: Iran and Russia obtained US voter data (21 Oct 2020)');
    expect(card.text).toContain('Khatibzadeh');
    expect(card.text).toContain('Peskov');
    expect(card.text).toMatch(/\d+ more statements?/);
    expect(card.ariaModal).toBe('false');
    // Outside <body>, in the top layer; the page's body markup is unchanged.
    expect(card.hostParent).toBe('HTML');
    expect(card.hostInTopLayer).toBe(true);
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(bodyBefore);
    // Placed just below the hovered line, at most ~420 px wide, inside the viewport.
    expect(card.rect.top).toBeGreaterThanOrEqual(m.bottom);
    expect(card.rect.top - m.bottom).toBeLessThan(16);
    expect(card.rect.width).toBeLessThanOrEqual(422);
    expect(card.rect.right).toBeLessThanOrEqual(1000);
    await page.close();
  });

  it.skipIf(adapter.name === 'firefox')(
    'exposes the card to screen readers as a dialog named by the claim title (skipped in Firefox: no accessibility tree over WebDriver BiDi)',
    async () => {
      const page = await openArticle('/card-article.html');
      const m = await mentionPoint(page, '#p1');
      await page.mouse.move(m.x, m.y);
      const card = await waitForCard(page);
      const cdp = await page.createCDPSession();
      const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
        nodes: Array<{ role?: { value: string }; name?: { value: string } }>;
      };
      await cdp.detach();
      expect(nodes.some((n) => n.role?.value === 'dialog' && n.name?.value === card.title)).toBe(true);
      await page.close();
    },
  );

  it('shows no card when the pointer merely crosses a mention', async () => {
    const page = await openArticle('/card-article.html');
    const m = await mentionPoint(page, '#p2');
    await page.mouse.move(m.left - 40, m.y - 60);
    await page.mouse.move(m.x, m.y, { steps: 3 });
    await page.mouse.move(m.right + 40, m.y + 60, { steps: 3 });
    await pause(900);
    expect(await readCard(page)).toBeNull();
    await page.close();
  });

  it('keeps the card open while the pointer moves into it, closes after leaving both, and closes on Esc', async () => {
    const page = await openArticle('/card-article.html');
    const m = await mentionPoint(page, '#p2');
    await page.mouse.move(m.x, m.y);
    const card = await waitForCard(page);
    expect(card.title).toMatch(/Proud Boys/);
    // Into the card, through the gap between text and card.
    await page.mouse.move(card.rect.left + 30, card.rect.top + 20, { steps: 6 });
    await pause(800);
    expect((await readCard(page))?.title).toBe(card.title);
    // Away from both: closes after the grace period.
    await page.mouse.move(5, 5, { steps: 2 });
    await waitForNoCard(page);
    // Esc dismisses a hover card at once.
    await page.mouse.move(m.x, m.y);
    await waitForCard(page);
    await page.keyboard.press('Escape');
    await waitForNoCard(page, 300);
    // ...and it stays dismissed while the pointer rests there (WCAG 1.4.13).
    await page.mouse.move(m.x + 2, m.y);
    await pause(600);
    expect(await readCard(page)).toBeNull();
    await page.close();
  });

  it('the keyboard command walks the mentions in order, focusing the card; Tab stays inside; Esc returns focus', async () => {
    const page = await openArticle('/card-article.html');
    await page.focus('#before');
    const titles: string[] = [];
    for (let i = 0; i < 4; i++) {
      await nextMentionCommand(page);
      const card = await waitForCard(page);
      await page.waitForFunction(() => document.activeElement?.localName.startsWith('sourcelight-card-'));
      expect((await readCard(page))?.focus).toBe('dialog');
      titles.push(card.title ?? '');
      // The visited mention is on screen.
      expect(card.rect.top).toBeGreaterThanOrEqual(0);
      expect(card.rect.bottom).toBeLessThanOrEqual(await viewportHeight(page));
      if (i === 0) {
        // Tab cycles through the card's links and buttons without leaving it.
        const seen = new Set<string>();
        for (let t = 0; t < 30; t++) {
          await page.keyboard.press('Tab');
          const state = await readCard(page);
          expect(state?.focus).toMatch(/^(a|button)$/);
          expect(await page.evaluate(() => document.activeElement?.localName.startsWith('sourcelight-card-'))).toBe(true);
          seen.add(state!.focus!);
        }
        expect(seen).toEqual(new Set(['a', 'button']));
      }
    }
    const ratcliffe = 'Ratcliffe: Iran and Russia obtained US voter data (21 Oct 2020)';
    expect(titles[0]).toBe(ratcliffe);
    expect(titles[1]).toMatch(/Proud Boys/);
    expect(titles[2]).toBe(ratcliffe); // the third mention, far down the page: scrolled into view
    expect(titles[3]).toBe(ratcliffe); // wrapped to the first
    const first = await mentionPoint(page, '#p1');
    expect(first.top).toBeGreaterThanOrEqual(0);
    expect(first.bottom).toBeLessThanOrEqual(await viewportHeight(page));
    await page.keyboard.press('Escape');
    await waitForNoCard(page, 500);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('before');
    await page.close();
  });

  it('counts a mention folded in a closed <details> and opens the fold to show it', async () => {
    const page = await openArticle('/pages/detect-details.html');
    const tabId = await h.getTabId(page);
    await expect.poll(() => h.badgeText(tabId), { timeout: 8_000 }).toBe('1');
    expect(await page.evaluate(() => (document.getElementById('faq1') as HTMLDetailsElement).open)).toBe(false);
    await nextMentionCommand(page);
    const card = await waitForCard(page);
    expect(card.title).toBe('Ratcliffe: Iran and Russia obtained US voter data (21 Oct 2020)');
    expect(await page.evaluate(() => (document.getElementById('faq1') as HTMLDetailsElement).open)).toBe(true);
    const point = await mentionPoint(page, '#faq1');
    expect(point.top).toBeGreaterThanOrEqual(0);
    expect(point.bottom).toBeLessThanOrEqual(await viewportHeight(page));
    await page.close();
  });

  it('a hostile page can neither break the card nor read it', async () => {
    const page = await openArticle('/card-hostile.html');
    const m = await mentionPoint(page, '#p1');
    await page.mouse.move(m.x, m.y);
    const card = await waitForCard(page);
    await cardScreenshot(page, 'hostile');
    expect(card.title).toMatch(/^Ratcliffe/);
    expect(card.text).toContain('Khatibzadeh');
    // Styled by its own sheet: a sensible size despite `all: unset`, a 6 px root font and inline !important styles.
    expect(card.rect.width).toBeGreaterThan(300);
    expect(card.rect.height).toBeGreaterThan(150);
    const visible = await page.evaluate(({ x, y }) => {
      const el = document.elementFromPoint(x, y);
      return el?.localName ?? null;
    }, { x: card.rect.left + card.rect.width / 2, y: card.rect.top + 20 });
    expect(visible).toMatch(/^sourcelight-card-/); // hit-testable on top of the page, i.e. rendered
    const leaks = await page.evaluate(() => {
      const w = window as unknown as { __scan(n: string[]): string[]; __seen: string[] };
      return { found: w.__scan(['Khatibzadeh', 'Peskov', 'obtained US voter data']), seen: w.__seen };
    });
    expect(leaks.found).toEqual([]);
    // The page's attachShadow patch never ran for the card (isolated world), and the root stays closed.
    expect(leaks.seen.some((s) => s.startsWith('attachShadow'))).toBe(false);
    expect(leaks.seen.some((s) => s.includes('OPEN'))).toBe(false);
    expect(leaks.seen.some((s) => s.startsWith('added:sourcelight-card-'))).toBe(true); // the page did see (and restyle) the host
    await page.close();
  });

  it.skipIf(adapter.name === 'firefox')(
    'screenshot: a dark page in dark mode (skipped in Firefox: WebDriver BiDi cannot emulate prefers-color-scheme)',
    async () => {
      const dark = await openArticle('/card-article.html#dark', { dark: true });
      const d = await mentionPoint(dark, '#p2');
      await dark.mouse.move(d.x, d.y);
      await waitForCard(dark);
      await cardScreenshot(dark, 'dark');
      await dark.close();
    },
  );

  it('keeps the card inside the viewport for a mention at its right edge', async () => {
    const page = await openArticle('/card-edge.html', { width: 900, height: 600 });
    const e = await mentionPoint(page, '#edge', -1);
    expect(e.right).toBeGreaterThan(860);
    await page.mouse.move(e.x, e.y);
    const card = await waitForCard(page);
    await cardScreenshot(page, 'right-edge');
    expect(card.rect.right).toBeLessThanOrEqual(900 - 8 + 0.5);
    expect(card.rect.left).toBeGreaterThanOrEqual(8 - 0.5);
    await page.close();
  });

  it('follows its mention inside a scrolled container and hides when it scrolls out of sight', async () => {
    const page = await openArticle('/card-edge.html', { width: 900, height: 600 });
    await page.evaluate(() => document.getElementById('box')!.scrollTo(0, 330));
    const before = await mentionPoint(page, '#inbox');
    await page.mouse.move(before.x, before.y);
    const card = await waitForCard(page);
    // A press inside the card pins it, so it stays while the text moves away from the pointer.
    await page.mouse.click(card.rect.left + 24, card.rect.top + 12);
    await page.evaluate(() => document.getElementById('box')!.scrollBy(0, 40));
    await pause(150);
    const after = await mentionPoint(page, '#inbox');
    const moved = await readCard(page);
    expect(after.top - before.top).toBeCloseTo(-40, 0);
    expect(card.rect.top - before.bottom).toBeCloseTo(6, 0);
    expect(moved!.rect.top - after.bottom).toBeCloseTo(6, 0); // still 6 px below the moved text
    expect(moved!.visibility).toBe('visible');
    await page.evaluate(() => document.getElementById('box')!.scrollTo(0, 0));
    await pause(150);
    expect((await readCard(page))!.visibility).toBe('hidden');
    await page.close();
  });

  it('touch: a tap on a mention opens the card, a tap outside closes it', async () => {
    const page = await openArticle('/card-article.html');
    await h.setViewport(page, { width: 1000, height: 720, hasTouch: true }); // Chromium reloads the page for this
    const m = await mentionPoint(page, '#p2');
    const tap = (x: number, y: number) => page.touchscreen.tap(x, y);
    await tap(m.x, m.y);
    const card = await waitForCard(page, 1500);
    expect(card.title).toMatch(/Proud Boys/);
    await pause(600); // a tapped card stays: no hover timer closes it
    expect(await readCard(page)).not.toBeNull();
    await tap(card.rect.left + 30, card.rect.top + 10); // inside the card: stays
    await pause(300);
    expect(await readCard(page)).not.toBeNull();
    await tap(20, 20);
    await waitForNoCard(page, 500);
    await page.close();
  });

  it('fits a narrow, short viewport (as at 200 % zoom) and keeps the card inside it', async () => {
    const page = await openArticle('/card-article.html', { width: 480, height: 360 });
    const m = await mentionPoint(page, '#p1', -1);
    await page.evaluate((y) => window.scrollBy(0, y - 120), m.top);
    const p = await mentionPoint(page, '#p1', -1);
    await page.mouse.move(p.x, p.y);
    const card = await waitForCard(page);
    expect(card.rect.left).toBeGreaterThanOrEqual(8 - 0.5);
    expect(card.rect.right).toBeLessThanOrEqual(480 - 8 + 0.5);
    expect(card.rect.bottom).toBeLessThanOrEqual(360 - 8 + 0.5);
    expect(card.rect.height).toBeGreaterThan(150); // shrunk to the space below, still readable (it scrolls)
    await cardScreenshot(page, 'narrow');
    await page.close();
  });

  it('serves a mention inside an iframe with that frame\'s own card', async () => {
    const page = await h.openPage('/card-frame.html');
    await h.setViewport(page, { width: 1000, height: 720 });
    const frame = page.frames().find((f) => f.url().endsWith('/card-article.html'))!;
    expect(frame).toBeTruthy();
    const inFrame = await frame.waitForFunction(
      () => {
        const within = document.querySelector('#p1');
        for (const [name, hl] of CSS.highlights) {
          if (!name.startsWith('sourcelight-')) continue;
          for (const r of hl as unknown as Set<Range>) {
            if (!within?.contains(r.startContainer)) continue;
            const b = r.getClientRects()[0]!;
            return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
          }
        }
        return null;
      },
      { timeout: 15_000 },
    );
    const point = (await inFrame.jsonValue())!;
    const box = (await (await page.$('#frame'))!.boundingBox())!;
    // Frame coordinates → page coordinates (1 px border).
    await page.mouse.move(box.x + 1 + point.x, box.y + 1 + point.y);
    const card = await waitForCard(page);
    expect(card.title).toMatch(/^Ratcliffe/);
    // The card lives in the frame's document, so its rect is in frame coordinates, inside the frame.
    expect(card.hostParent).toBe('HTML');
    expect(card.rect.right).toBeLessThanOrEqual(640);
    await cardScreenshot(page, 'iframe');
    await page.close();
  });
});
