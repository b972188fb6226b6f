import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64, toBase64Url, toHex } from './encoding';

describe('encoding', () => {
  it('matches Node for every length 0..70', () => {
    for (let n = 0; n <= 70; n++) {
      const b = new Uint8Array(randomBytes(n));
      expect(toBase64(b)).toBe(Buffer.from(b).toString('base64'));
      expect(toBase64Url(b)).toBe(Buffer.from(b).toString('base64url'));
      expect(toHex(b)).toBe(Buffer.from(b).toString('hex'));
      expect(fromBase64(toBase64(b))).toEqual(b);
      expect(fromBase64(` ${toBase64Url(b)}\n`)).toEqual(b);
    }
  });

  it('rejects text that is not base64', () => {
    expect(() => fromBase64('ab$d')).toThrow('not base64');
    expect(() => fromBase64('abcde')).toThrow('not base64');
  });
});
