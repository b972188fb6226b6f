import { describe, expect, it } from 'vitest';
import type { ClaimContext } from '@/data/queries';
import { ClaimContextCache } from './claim-context-cache';

const context = (id: string): ClaimContext => ({
  packId: 'p',
  claim: { id, title: `Title of ${id}`, summary: 's', eventDate: null },
  statements: [],
});

describe('ClaimContextCache', () => {
  it('asks the background once per claim id', async () => {
    const asked: string[] = [];
    const cache = new ClaimContextCache(async (id) => {
      asked.push(id);
      return context(id);
    });
    const [a, b] = await Promise.all([cache.get('x'), cache.get('x')]);
    expect(a?.claim.title).toBe('Title of x');
    expect(b).toBe(a);
    await cache.get('x');
    await cache.get('y');
    expect(asked).toEqual(['x', 'y']);
  });

  it('caches an unknown claim (null) but retries after a failure', async () => {
    let calls = 0;
    const cache = new ClaimContextCache(async (id) => {
      calls++;
      if (id === 'flaky' && calls === 1) throw new Error('worker restarting');
      return id === 'unknown' ? null : context(id);
    });
    await expect(cache.get('flaky')).rejects.toThrow('worker restarting');
    expect((await cache.get('flaky'))?.claim.id).toBe('flaky');
    expect(await cache.get('unknown')).toBeNull();
    expect(await cache.get('unknown')).toBeNull();
    expect(calls).toBe(3);
  });
});
