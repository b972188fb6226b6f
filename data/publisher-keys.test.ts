import { describe, expect, it } from 'vitest';
import bundled from '@/data/packs/election-2020.json';
import { importPublicKey, keyIdOf } from '@/lib/sync/publisher-key';
import { PINNED_PUBLISHERS } from './publisher-keys';

describe('pinned publisher keys', () => {
  it('are valid Ed25519 keys whose key ids match', async () => {
    for (const p of PINNED_PUBLISHERS) {
      await expect(importPublicKey(p.publicKey)).resolves.toBeDefined();
      expect(await keyIdOf(p.publicKey)).toBe(p.keyId);
    }
  });

  it('pin the bundled pack, once per pack id', () => {
    expect(PINNED_PUBLISHERS.map((p) => p.packId)).toContain(bundled.id);
    expect(new Set(PINNED_PUBLISHERS.map((p) => p.packId)).size).toBe(PINNED_PUBLISHERS.length);
  });
});
