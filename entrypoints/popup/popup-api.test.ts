import { describe, expect, it } from 'vitest';
import type { TabResults } from '@/lib/tab-messages';
import { toTabReport } from './popup-api';

const results = (frames: TabResults['frames']): TabResults => ({
  tabId: 3,
  total: 5,
  claims: [
    { claim: 'a', count: 4, texts: ['x'] },
    { claim: 'b', count: 1, texts: [] },
  ],
  frames,
});

describe('toTabReport', () => {
  it('is null when no frame of the tab reported', () => {
    expect(toTabReport(null)).toBeNull();
    expect(toTabReport(results([]))).toBeNull();
  });

  it("takes the host and state from the top frame and the counts over all frames", () => {
    const report = toTabReport(
      results([
        { frameId: 7, url: 'https://ads.example/frame', claims: [], status: { state: 'done' } },
        { frameId: 0, url: 'https://News.Example:8443/a?b', claims: [], status: { state: 'gave-up', detail: 'too large' } },
      ]),
    );
    expect(report).toEqual({
      host: 'news.example',
      claims: [
        { claimId: 'a', count: 4 },
        { claimId: 'b', count: 1 },
      ],
      status: { state: 'gave-up', detail: 'too large' },
    });
  });

  it('has no host for pages without one', () => {
    expect(toTabReport(results([{ frameId: 0, url: 'file:///tmp/a.html', claims: [], status: { state: 'done' } }]))!.host).toBeNull();
    expect(toTabReport(results([{ frameId: 0, url: 'not a url', claims: [], status: { state: 'done' } }]))!.host).toBeNull();
  });
});
