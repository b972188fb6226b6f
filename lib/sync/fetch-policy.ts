/**
 * Which URLs sync may fetch: https, or plain http only to a loopback host
 * (127.0.0.0/8, ::1, localhost) so tests and local publishing work. URLs
 * with user names or passwords are refused (they would send credentials).
 *
 * Contract: `checkFetchUrl` returns the parsed URL or throws
 * `SyncError(code)` (`'insecure-url'` by default, `'insecure-redirect'`
 * when checking a redirect's target).
 */
import { SyncError, type SyncErrorCode } from './sync-error';

export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase();
  if (h === 'localhost' || h === '[::1]') return true;
  // WHATWG URL parsing already normalises IPv4 forms (0x7f.1, 2130706433) to dotted decimal.
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

export function checkFetchUrl(url: string, base?: string, code: SyncErrorCode = 'insecure-url'): URL {
  let u: URL;
  try {
    u = new URL(url, base);
  } catch {
    throw new SyncError(code, `"${url}" is not a valid URL.`);
  }
  if (u.username !== '' || u.password !== '') throw new SyncError(code, `${u.origin} is refused: URLs must not carry credentials.`);
  if (u.protocol === 'https:') return u;
  if (u.protocol === 'http:' && isLoopbackHost(u.hostname)) return u;
  const what = code === 'insecure-redirect' ? 'A redirect to' : 'Fetching';
  throw new SyncError(code, `${what} ${u.protocol}//${u.host} is refused: packs are fetched over https only.`);
}
