/**
 * The card's content source: claim contexts from the background, fetched
 * once per claim id for the life of the page.
 *
 * Contract: `get(claimId)` resolves with the ClaimContext (null for a claim
 * the store does not hold) and shares one request between concurrent and
 * later callers. A failed request is not cached: it rejects for its callers
 * and the next `get` asks again. `fetch` is injected (the content script
 * passes lib/messages' `sendMessage('getClaimContext', …)`).
 */
import type { ClaimContext } from '@/data/queries';

export type FetchClaimContext = (claimId: string) => Promise<ClaimContext | null>;

export class ClaimContextCache {
  readonly #entries = new Map<string, Promise<ClaimContext | null>>();

  constructor(private readonly fetch: FetchClaimContext) {}

  get(claimId: string): Promise<ClaimContext | null> {
    const cached = this.#entries.get(claimId);
    if (cached) return cached;
    const request = this.fetch(claimId);
    this.#entries.set(claimId, request);
    request.catch(() => {
      if (this.#entries.get(claimId) === request) this.#entries.delete(claimId);
    });
    return request;
  }
}
