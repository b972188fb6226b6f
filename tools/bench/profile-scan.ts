/**
 * A CPU profile of our initial scan, for finding where the time goes.
 *
 * Contract: `profileScan(browser, control, url, file)` loads `url` in the
 * browser WITH the extension, records a V8 CPU profile (Chromium's CDP
 * Profiler, 200 µs sampling) from the load event until the content script
 * reports its scan, writes it to `file` (open it in Chrome DevTools ›
 * Performance) and returns the functions with the most self time (GC and
 * native "(program)" time included). Rejects when the browser has no
 * profiler (Firefox), the page does not load or never reports.
 */
import { writeFileSync } from 'node:fs';
import type { ExtensionBrowser } from './driver';
import { waitForOurScan } from './our-scan';
import type { ExtensionControl } from './tab-results';

export interface SelfTime {
  ms: number;
  fn: string;
}

export async function profileScan(browser: ExtensionBrowser, control: ExtensionControl, url: string, file: string): Promise<SelfTime[]> {
  const page = await browser.open(url);
  try {
    if (!page.startCpuProfile) throw new Error('--profile: this browser has no CPU profiler the bench can drive (Chromium only)');
    const stop = await page.startCpuProfile(200);
    const scan = await waitForOurScan(control, page, 120_000);
    const profile = await stop();
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
    await page.close();
  }
}
