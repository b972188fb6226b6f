// Signed pack sync in the built extension, in Chromium and Firefox: a subscription to a
// local publisher (key generated here) is added from an extension page; the
// extension syncs version 1, then version 2 which adds a claim; a page that
// was already open and mentions only the new claim gets it highlighted
// without a reload, and the hover card and the popup show the new statement.
// A tampered release afterwards is refused and the store keeps version 2.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import type { Pack } from '@/lib/pack/schema';
import { newPublisher, publish, startServer, type Publisher, type TestServer } from '@/lib/sync/test-publisher';
import { e2eBrowsers, launchHarness, pause, waitUntil, type Harness } from './harness';

interface SyncReport {
  packId: string;
  status: string;
  code: string | null;
  message: string;
  version: number | null;
}
interface PackInfo {
  id: string;
  version: number;
  lastCheck: { ok: boolean; message: string } | null;
}

const PACK_ID = 'e2e-sync-pack';
const NEW_STATEMENT = 'The Zorblat turbines were recalled over a faulty valve.';

function packV(version: number): Pack {
  const claim = (id: string, title: string, phrase: string, statement: string) => ({
    id,
    title,
    summary: `${title}: a synthetic claim for the sync test.`,
    eventDate: '2026-11-01',
    match: { terms: { t: { en: [phrase] } }, rules: [{ all: ['t'], window: 200 }], guards: [] },
    statements: [
      { id: `${id}-s1`, kind: 'allegation' as const, speaker: { name: 'Ivo Testa', role: 'spokesman', organisation: 'Test Works' }, date: '2026-11-01', summary: statement, quote: null, sources: ['test-source'] },
    ],
  });
  const claims = [claim('e2e-sync-widgets', 'Quibble widget shortage', 'quibble widget*', 'The quibble widgets ran out.')];
  if (version >= 2) claims.push(claim('e2e-sync-turbines', 'Zorblat turbine recall', 'zorblat turbine*', NEW_STATEMENT));
  return {
    format: 1,
    id: PACK_ID,
    version,
    title: 'Sync test pack',
    publisher: 'Test Publisher',
    issued: '2026-11-01T00:00:00Z',
    claims,
    sources: [{ id: 'test-source', publisher: 'Test Gazette', title: 'Synthetic report', published: '2026-11-01', url: null }],
  };
}

const fresh = () => ({ issued: new Date(Date.now() - 3600_000), expires: new Date(Date.now() + 7 * 86400_000) });

async function highlighted(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const [name, hl] of CSS.highlights) {
      if (name.startsWith('sourcelight-')) for (const r of hl as unknown as Set<Range>) out.push(r.toString());
    }
    return out;
  });
}

/** The hover card's text, read inside its closed shadow root through the automation protocol. */
function cardText(h: Harness, page: Page): Promise<string | null> {
  return h.evaluateInClosedShadowRoot<string>(
    page.mainFrame(),
    'sourcelight-card-',
    `function () { const d = this.querySelector('[role="dialog"]'); return d ? d.innerText : null; }`,
  );
}

describe.each(e2eBrowsers())('signed pack sync ($name)', (adapter) => {
  let h: Harness;
  let server: TestServer;
  let pub: Publisher;
  const message = <T>(type: string, payload: object) => h.sendMessage<T>(type, payload);

  beforeAll(async () => {
    h = await launchHarness(adapter);
    server = await startServer({ cors: true });
    pub = await newPublisher();
    server.route('/article.html', {
      headers: { 'Content-Type': 'text/html; charset=utf-8' },
      body: '<!doctype html><title>Turbines</title><main><p>Engineers said on Monday that the Zorblat turbines were recalled across the region.</p></main>',
    });
  });
  afterAll(async () => {
    await h?.close();
    await server?.close();
  });

  it('adds a subscription and installs version 1', async () => {
    await publish(server, pub, packV(1), fresh());
    await message('addSubscription', { packId: PACK_ID, manifestUrl: `${server.origin}/feed/manifest.json`, publicKey: pub.publicKey });
    const reports = await message<SyncReport[]>('syncNow', {});
    expect(reports.find((r) => r.packId === PACK_ID)).toMatchObject({ version: 1 });
    const packs = await message<PackInfo[]>('listPacks', {});
    expect(packs.find((p) => p.id === PACK_ID)).toMatchObject({ version: 1, lastCheck: { ok: true } });
    // The extension's requests carry no cookies and no page data.
    for (const r of server.requests.filter((q) => q.path.startsWith('/feed/'))) {
      expect(r.headers.cookie).toBeUndefined();
      expect(r.headers.referer).toBeUndefined();
    }
  });

  it('syncs version 2 and an open page highlights the new claim without a reload', async () => {
    const page = await h.openPage(`${server.origin}/article.html`);
    await pause(1000);
    expect(await highlighted(page)).toEqual([]);

    await publish(server, pub, packV(2), fresh());
    const reports = await message<SyncReport[]>('syncNow', {});
    expect(reports.find((r) => r.packId === PACK_ID)).toMatchObject({ status: 'installed', version: 2, message: 'Updated to version 2.' });

    await expect.poll(() => highlighted(page), { timeout: 10_000, interval: 100 }).toEqual(['Zorblat turbines']);

    // The hover card shows the new statement.
    const rect = await page.evaluate(() => {
      for (const [name, hl] of CSS.highlights) {
        if (!name.startsWith('sourcelight-')) continue;
        for (const r of hl as unknown as Set<Range>) {
          const b = r.getClientRects()[0];
          if (b) return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
        }
      }
      return null;
    });
    expect(rect).not.toBeNull();
    await page.mouse.move(rect!.x, rect!.y);
    await expect.poll(() => cardText(h, page), { timeout: 5000, interval: 100 }).toContain('Zorblat turbine recall');
    expect(await cardText(h, page)).toContain(NEW_STATEMENT);

    // So does the popup for that tab.
    const popup = await h.openPopupFor(await h.getTabId(page));
    await waitUntil(popup, () => document.body.innerText.includes('Zorblat turbine recall'));
    await h.screenshot(popup, 'sync-popup-v2');
    await popup.close();
    await page.close();
  });

  it('refuses a tampered release and keeps version 2', async () => {
    const r = await publish(server, pub, packV(3), fresh());
    server.route('/feed/pack.json', { body: new TextEncoder().encode(new TextDecoder().decode(r.packBytes).replace('Zorblat', 'Zorblot')) });
    const reports = await message<SyncReport[]>('syncNow', {});
    expect(reports.find((x) => x.packId === PACK_ID)).toMatchObject({ status: 'failed', code: 'hash-mismatch', version: 2 });
    const pack = (await message<PackInfo[]>('listPacks', {})).find((p) => p.id === PACK_ID);
    expect(pack).toMatchObject({ version: 2, lastCheck: { ok: false } });
    expect(pack?.lastCheck?.message).toContain('sha256');
    const ctx = await message<{ statements: Array<{ summary: string }> } | null>('getClaimContext', { claimId: 'e2e-sync-turbines' });
    expect(ctx?.statements[0]?.summary).toBe(NEW_STATEMENT);
  });

  it('follows a redirect between allowed URLs (the browser hides its target: the final URL is checked)', async () => {
    await publish(server, pub, packV(3), fresh());
    server.route('/moved/manifest.json', { status: 301, headers: { Location: '/feed/manifest.json' } });
    await message('addSubscription', { packId: PACK_ID, manifestUrl: `${server.origin}/moved/manifest.json`, publicKey: pub.publicKey });
    const reports = await message<SyncReport[]>('syncNow', {});
    expect(reports.find((x) => x.packId === PACK_ID)).toMatchObject({ status: 'installed', version: 3 });
  });
});
