/**
 * One GET for sync: no cookies or credentials, no referrer, no HTTP cache
 * (ETags are handled by the caller), redirects followed only to allowed URLs,
 * and the body read as a stream that stops at a byte cap.
 *
 * Contract: resolves `{ status: 200, bytes, etag, url }` or, when
 * `notModified` is allowed, `{ status: 304, ... }` with empty bytes. Throws
 * SyncError: 'insecure-url' / 'insecure-redirect' / 'too-many-redirects';
 * 'timeout' when `signal` aborts (the caller's deadline, which therefore
 * also stops a slow drip); 'network'; 'http-status' for any other status;
 * 'too-large' past `maxBytes` (from Content-Length or while streaming, the
 * download is cancelled); with `exactBytes`, 'too-large' past it and
 * 'truncated' below it; 'truncated' when the connection drops mid-body.
 */
import { checkFetchUrl } from './fetch-policy';
import { SyncError, toSyncError } from './sync-error';

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface FetchCappedOptions {
  fetch: FetchLike;
  signal: AbortSignal;
  /** For messages: "manifest", "signature", "pack". */
  what: string;
  maxBytes: number;
  /** The body must have exactly this many bytes (the manifest's declared pack length). */
  exactBytes?: number;
  headers?: Record<string, string>;
  /** Accept 304 Not Modified (conditional manifest requests). */
  notModified?: boolean;
}

export interface CappedResponse {
  status: 200 | 304;
  bytes: Uint8Array<ArrayBuffer>;
  etag: string | null;
  /** The URL finally fetched, after redirects: relative pack URLs resolve against it. */
  url: string;
}

const MAX_REDIRECTS = 5;

export async function fetchCapped(url: string, o: FetchCappedOptions): Promise<CappedResponse> {
  let current = checkFetchUrl(url);
  for (let hop = 0; ; hop++) {
    const res = await request(current.href, o, 'manual');
    if (res.type === 'opaqueredirect') {
      // Browsers hide a manual redirect's target: follow it, then refuse if it ended somewhere not allowed.
      const followed = await request(current.href, o, 'follow');
      if (followed.url) checkFetchUrl(followed.url, undefined, 'insecure-redirect');
      return readResponse(followed, followed.url || current.href, o);
    }
    if (res.status >= 300 && res.status < 400 && res.status !== 304) {
      const location = res.headers.get('location');
      await res.body?.cancel();
      if (location === null) throw new SyncError('http-status', `The ${o.what} request got HTTP ${res.status} without a Location.`);
      if (hop >= MAX_REDIRECTS) throw new SyncError('too-many-redirects', `The ${o.what} request was redirected more than ${MAX_REDIRECTS} times.`);
      current = checkFetchUrl(location, current.href, 'insecure-redirect');
      continue;
    }
    return readResponse(res, current.href, o);
  }
}

async function request(url: string, o: FetchCappedOptions, redirect: RequestRedirect): Promise<Response> {
  try {
    return await o.fetch(url, {
      method: 'GET',
      credentials: 'omit',
      redirect,
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
      headers: o.headers,
      signal: o.signal,
    });
  } catch (e) {
    if (o.signal.aborted) throw timeoutError(o);
    throw toSyncError(e, 'network', `The ${o.what} could not be fetched from ${new URL(url).host}`);
  }
}

async function readResponse(res: Response, url: string, o: FetchCappedOptions): Promise<CappedResponse> {
  const etag = res.headers.get('etag');
  if (res.status === 304 && o.notModified) {
    await res.body?.cancel();
    return { status: 304, bytes: new Uint8Array(0), etag, url };
  }
  if (res.status !== 200) {
    await res.body?.cancel();
    throw new SyncError('http-status', `The ${o.what} request got HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}.`);
  }
  const cap = o.exactBytes ?? o.maxBytes;
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > cap) {
    await res.body?.cancel();
    throw tooLarge(o, cap);
  }
  const bytes = await readCapped(res, cap, o);
  if (o.exactBytes !== undefined && bytes.length < o.exactBytes) {
    throw new SyncError('truncated', `The ${o.what} has ${bytes.length} bytes; the manifest declares ${o.exactBytes}.`);
  }
  return { status: 200, bytes, etag, url };
}

async function readCapped(res: Response, cap: number, o: FetchCappedOptions): Promise<Uint8Array<ArrayBuffer>> {
  if (!res.body) return new Uint8Array(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      let step: ReadableStreamReadResult<Uint8Array>;
      try {
        step = await reader.read();
      } catch (e) {
        if (o.signal.aborted) throw timeoutError(o);
        throw toSyncError(e, 'truncated', `The ${o.what} download broke off after ${total} bytes`);
      }
      if (o.signal.aborted) throw timeoutError(o);
      if (step.done) break;
      total += step.value.length;
      if (total > cap) throw tooLarge(o, cap);
      chunks.push(step.value);
    }
  } catch (e) {
    void reader.cancel().catch(() => {});
    throw e;
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function tooLarge(o: FetchCappedOptions, cap: number): SyncError {
  return o.exactBytes !== undefined
    ? new SyncError('too-large', `The ${o.what} is larger than the ${cap} bytes the manifest declares.`)
    : new SyncError('too-large', `The ${o.what} is larger than the ${cap}-byte limit.`);
}

function timeoutError(o: FetchCappedOptions): SyncError {
  const reason: unknown = o.signal.reason;
  return reason instanceof SyncError ? reason : new SyncError('timeout', `The ${o.what} did not arrive in time.`);
}
