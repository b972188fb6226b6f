import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PinnedPublisher } from '@/data/publisher-keys';
import { newPublisher, type Publisher } from '@/lib/sync/test-publisher';
import {
  activeSubscriptions,
  addSubscription,
  allPublicKeys,
  listSubscriptions,
  recordSubscriptionCheck,
  removeSubscription,
  setSubscriptionEnabled,
} from './subscriptions';

let house: Publisher;
let other: Publisher;
let pinned: PinnedPublisher[];

beforeEach(async () => {
  fakeBrowser.reset();
  house = await newPublisher();
  other = await newPublisher();
  pinned = [{ packId: 'house-pack', publisher: 'House', publicKey: house.publicKey, keyId: house.keyId, manifestUrl: null }];
});

describe('subscriptions', () => {
  it('lists pinned publishers; one without a URL is not synced', async () => {
    expect(await listSubscriptions(pinned)).toEqual([
      { packId: 'house-pack', manifestUrl: null, publicKey: house.publicKey, keyId: house.keyId, pinned: true, enabled: true, lastCheck: null },
    ]);
    expect(await activeSubscriptions(pinned)).toEqual([]);
  });

  it('adds, records checks on, and removes a publisher', async () => {
    const url = 'https://packs.example/feed/manifest.json';
    await addSubscription({ packId: 'other-pack', manifestUrl: ` ${url} `, publicKey: other.publicKey }, pinned);
    expect(await activeSubscriptions(pinned)).toEqual([{ packId: 'other-pack', manifestUrl: url, publicKey: other.publicKey }]);
    expect(await allPublicKeys(pinned)).toEqual([house.publicKey, other.publicKey]);
    const check = { at: '2026-11-23T00:00:00.000Z', ok: false, message: 'The manifest request got HTTP 404.' };
    await recordSubscriptionCheck('other-pack', check);
    expect((await listSubscriptions(pinned))[1]).toMatchObject({ packId: 'other-pack', keyId: other.keyId, pinned: false, lastCheck: check });
    // Same key again: only the URL changes, the last check is kept.
    await addSubscription({ packId: 'other-pack', manifestUrl: 'https://mirror.example/m.json', publicKey: other.publicKey }, pinned);
    expect((await listSubscriptions(pinned))[1]).toMatchObject({ manifestUrl: 'https://mirror.example/m.json', lastCheck: check });
    expect(await removeSubscription('other-pack', pinned)).toHaveLength(1);
    await expect(removeSubscription('other-pack', pinned)).rejects.toThrow('no subscription');
  });

  it('binds each pack id to one key', async () => {
    await expect(addSubscription({ packId: 'house-pack', manifestUrl: 'https://x.example/m.json', publicKey: other.publicKey }, pinned)).rejects.toThrow(
      /pinned to House's key/,
    );
    // The pinned key may give the pinned pack a URL.
    await addSubscription({ packId: 'house-pack', manifestUrl: 'https://x.example/m.json', publicKey: house.publicKey }, pinned);
    expect(await activeSubscriptions(pinned)).toEqual([{ packId: 'house-pack', manifestUrl: 'https://x.example/m.json', publicKey: house.publicKey }]);
    await addSubscription({ packId: 'p2', manifestUrl: 'https://x.example/2.json', publicKey: other.publicKey }, pinned);
    await expect(addSubscription({ packId: 'p2', manifestUrl: 'https://x.example/2.json', publicKey: house.publicKey }, pinned)).rejects.toThrow(
      /another key; remove/,
    );
    await expect(removeSubscription('house-pack', pinned)).resolves.toHaveLength(2);
    await expect(removeSubscription('house-pack', pinned)).rejects.toThrow('built in');
  });

  it('pauses and resumes a subscription: a paused one is listed but not synced', async () => {
    const url = 'https://packs.example/feed/manifest.json';
    await addSubscription({ packId: 'other-pack', manifestUrl: url, publicKey: other.publicKey }, pinned);
    await addSubscription({ packId: 'house-pack', manifestUrl: 'https://x.example/m.json', publicKey: house.publicKey }, pinned);
    const views = await setSubscriptionEnabled('other-pack', false, pinned);
    expect(views.map((v) => [v.packId, v.enabled])).toEqual([
      ['house-pack', true],
      ['other-pack', false],
    ]);
    expect((await activeSubscriptions(pinned)).map((s) => s.packId)).toEqual(['house-pack']);
    // Its key is still known (a release signed by it for another pack is 'wrong-key', not 'unknown-key').
    expect(await allPublicKeys(pinned)).toContain(other.publicKey);
    // Recording a check does not resume it.
    await recordSubscriptionCheck('other-pack', { at: '2026-11-23T00:00:00.000Z', ok: true, message: 'Up to date (version 1).' });
    expect((await listSubscriptions(pinned))[1]?.enabled).toBe(false);

    await setSubscriptionEnabled('other-pack', true, pinned);
    expect((await activeSubscriptions(pinned)).map((s) => s.packId)).toEqual(['house-pack', 'other-pack']);

    // Pinned ones can be paused too, and keep the pause when their stored URL is removed.
    await setSubscriptionEnabled('house-pack', false, pinned);
    await removeSubscription('house-pack', pinned);
    expect((await listSubscriptions(pinned))[0]).toMatchObject({ packId: 'house-pack', enabled: false });

    // Adding again resumes; removing forgets the pause.
    await setSubscriptionEnabled('other-pack', false, pinned);
    await addSubscription({ packId: 'other-pack', manifestUrl: url, publicKey: other.publicKey }, pinned);
    expect((await listSubscriptions(pinned))[1]).toMatchObject({ packId: 'other-pack', enabled: true });
    await setSubscriptionEnabled('other-pack', false, pinned);
    await removeSubscription('other-pack', pinned);
    expect(await fakeBrowser.storage.local.get('subscriptionsPaused')).toEqual({ subscriptionsPaused: ['house-pack'] });

    await expect(setSubscriptionEnabled('nobody', false, pinned)).rejects.toThrow('no subscription to pack "nobody"');
  });

  it('refuses bad input with a message', async () => {
    const ok = { packId: 'p', manifestUrl: 'https://x.example/m.json', publicKey: other.publicKey };
    await expect(addSubscription({ ...ok, packId: 'Bad Id' }, pinned)).rejects.toThrow('pack id');
    await expect(addSubscription({ ...ok, manifestUrl: 'http://x.example/m.json' }, pinned)).rejects.toThrow('https only');
    await expect(addSubscription({ ...ok, publicKey: 'abc' }, pinned)).rejects.toThrow('public key');
    expect(await listSubscriptions(pinned)).toHaveLength(1);
  });
});
