/**
 * Publisher keys pinned in the build: each pack id here is bound to the one
 * Ed25519 key that may sign its updates (no other key, and no subscription
 * added in options, can replace it). Public keys only: the private half of
 * the Sourcelight key lives outside the repository (keys/, git-ignored).
 *
 * Contract: constant data; `publicKey` is base64url of the 32 raw bytes and
 * `keyId` its hex sha256 (checked by publisher-keys.test.ts).
 * `manifestUrl` is null while the publisher has no release host: the pack
 * is then never synced (it still ships in the build).
 */
export interface PinnedPublisher {
  packId: string;
  publisher: string;
  publicKey: string;
  keyId: string;
  manifestUrl: string | null;
}

export const PINNED_PUBLISHERS: readonly PinnedPublisher[] = [
  {
    packId: 'sourcelight-election-2020',
    publisher: 'Sourcelight',
    publicKey: 'ufYNZNfgzOBDwfyVSwL-gpRkZNE4sG5RzKV-dDuZ73Y',
    keyId: 'ed43f3132d9e22fc690cd1b346f105e69fd4c1f5c7af2fd81443caec3b8d2e09',
    // Set to the https URL of manifest.json when Sourcelight publishes its first signed release (docs/publishing.md).
    manifestUrl: null,
  },
];
