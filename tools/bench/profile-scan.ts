/**
 * A CPU profile of our initial scan, for finding where the time goes.
 *
 * Contract: `profileScan(context, control, url, file)` loads `url` in the
 * browser WITH the extension, records a V8 CPU profile (CDP Profiler, 200 µs
 * sampling) from the load event until the content script reports its scan,
 * writes it to `file` (open it in Chrome DevTools › Performance) and returns
 * the functions with the most self time (GC and native "(program)" time
 * included). Rejects when the page does not load or never reports.
 */
import { writeFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { waitForOurScan } from './our-scan';

export interface SelfTime {
  ms: number;
  fn: string;
}

export async function profileScan(context: BrowserContext, control: Page, url: string, file: string): Promise<SelfTime[]> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    await cdp.send('Profiler.start');
    const scan = await waitForOurScan(context, control, page, 120_000);
    const { profile } = await cdp.send('Profiler.stop');
    if (!scan) throw new Error('the content script did not report a scan while profiling');
    writeFileSync(file, JSON.stringify(profile));
    const selfById = new Map<number, number>();
    profile.samples?.forEach((id, i) => selfById.set(id, (selfById.get(id) ?? 0) + (profile.timeDeltas?.[i] ?? 0) / 1000));
    const byFn = new Map<string, number>();
    for (const n of profile.nodes) {
      const cf = n.callFrame;
      const where = cf.url ? ` ${cf.url.split('/').pop()}:${cf.lineNumber + 1}:${cf.columnNumber + 1}` : '';
      const key = `${cf.functionName || '(anonymous)'}${where}`;
      byFn.set(key, (byFn.get(key) ?? 0) + (selfById.get(n.id) ?? 0));
    }
    return [...byFn]
      .map(([fn, ms]) => ({ fn, ms: Math.round(ms * 10) / 10 }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 20);
  } finally {
    await page.close().catch(() => {});
  }
}
