import { describe, expect, it } from 'vitest';
import { checkFetchUrl, isLoopbackHost } from './fetch-policy';

describe('checkFetchUrl', () => {
  it('allows https anywhere and http on loopback only', () => {
    for (const ok of ['https://example.org/m.json', 'http://127.0.0.1:8080/m.json', 'http://127.9.0.3/x', 'http://localhost/x', 'http://[::1]:5/x']) {
      expect(checkFetchUrl(ok).href).toBe(new URL(ok).href);
    }
    for (const bad of ['http://example.org/m.json', 'http://10.0.0.1/', 'http://128.0.0.1/', 'http://127.0.0.1.example.com/', 'ftp://example.org/', 'file:///etc/passwd', 'data:,{}', 'javascript:alert(1)']) {
      expect(() => checkFetchUrl(bad)).toThrow(expect.objectContaining({ code: 'insecure-url' }));
    }
  });

  it('refuses credentials in the URL and unparsable URLs', () => {
    expect(() => checkFetchUrl('https://user:pw@example.org/')).toThrow(expect.objectContaining({ code: 'insecure-url' }));
    expect(() => checkFetchUrl('not a url')).toThrow(expect.objectContaining({ code: 'insecure-url' }));
  });

  it('resolves relative URLs against a base and reports redirects with their own code', () => {
    expect(checkFetchUrl('pack.json', 'https://p.example/feed/manifest.json').href).toBe('https://p.example/feed/pack.json');
    expect(() => checkFetchUrl('http://p.example/x', 'https://p.example/', 'insecure-redirect')).toThrow(
      expect.objectContaining({ code: 'insecure-redirect' }),
    );
  });

  it('sees normalised IPv4 loopback forms', () => {
    expect(isLoopbackHost(new URL('http://2130706433/').hostname)).toBe(true);
    expect(isLoopbackHost(new URL('http://0x7f.1/').hostname)).toBe(true);
  });
});
