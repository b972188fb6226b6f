/**
 * The one gate between a pack's URL text and an `href`.
 *
 * Contract: returns the URL to link to when it is an absolute https:// URL
 * without credentials (the pack schema's own rule), otherwise null — so
 * javascript:, data:, http: and relative URLs never become links. Never throws.
 */
import * as v from 'valibot';
import { HttpsUrl } from '@/lib/pack/schema';

export function httpsHref(url: string | null | undefined): string | null {
  if (typeof url !== 'string' || !v.is(HttpsUrl, url)) return null;
  return new URL(url).href;
}
