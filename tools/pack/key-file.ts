/**
 * Publisher key files for the pack tool. The private key is an Ed25519
 * PKCS#8 PEM file named `<name>.private.pem` (ignored by git via
 * `*.private.pem`; default folder `keys/`, also ignored), written with mode
 * 0600. The public key goes to `<name>.public.txt` as one line of base64url
 * (the form pinned in data/publisher-keys.ts and pasted into subscriptions).
 *
 * Contract: `writeKeyPair` refuses to overwrite either file (throws);
 * `readPrivateKey` returns the signing key and its public key text, or
 * throws an Error naming the file when it is not an Ed25519 private key.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fromBase64, toBase64 } from '../../lib/sync/encoding';
import { ED25519, exportPublicKey, keyIdOf } from '../../lib/sync/publisher-key';

const PEM_LABEL = 'PRIVATE KEY';

export interface KeyPairFiles {
  privatePath: string;
  publicPath: string;
  publicKey: string;
  keyId: string;
}

export async function writeKeyPair(dir: string, name: string): Promise<KeyPairFiles> {
  if (!/^[A-Za-z0-9._-]+$/.test(name)) throw new Error(`key name "${name}" may only use letters, digits, ".", "_" and "-"`);
  const pair = (await crypto.subtle.generateKey(ED25519, true, ['sign', 'verify'])) as CryptoKeyPair;
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
  const publicKey = await exportPublicKey(pair.publicKey);
  const privatePath = join(dir, `${name}.private.pem`);
  const publicPath = join(dir, `${name}.public.txt`);
  await mkdir(dir, { recursive: true });
  // 'wx': fail if the file exists, so a key is never silently replaced.
  await writeFile(privatePath, toPem(pkcs8), { flag: 'wx', mode: 0o600 });
  await writeFile(publicPath, `${publicKey}\n`, { flag: 'wx' });
  return { privatePath, publicPath, publicKey, keyId: await keyIdOf(publicKey) };
}

export async function readPrivateKey(path: string): Promise<{ privateKey: CryptoKey; publicKey: string; keyId: string }> {
  const text = await readFile(path, 'utf8');
  const m = new RegExp(`-----BEGIN ${PEM_LABEL}-----([A-Za-z0-9+/=\\s]+)-----END ${PEM_LABEL}-----`).exec(text);
  if (!m?.[1]) throw new Error(`${path}: not a PEM "${PEM_LABEL}" file (make one with \`npm run pack -- keygen\`)`);
  let privateKey: CryptoKey;
  try {
    privateKey = await crypto.subtle.importKey('pkcs8', new Uint8Array(fromBase64(m[1].replace(/\s+/g, ''))), ED25519, true, ['sign']);
  } catch (e) {
    throw new Error(`${path}: not an Ed25519 private key (${e instanceof Error ? e.message : String(e)})`);
  }
  // The JWK form of a private key carries its public half in `x` (base64url).
  const { x } = await crypto.subtle.exportKey('jwk', privateKey);
  if (!x) throw new Error(`${path}: could not derive the public key`);
  return { privateKey, publicKey: x, keyId: await keyIdOf(x) };
}

function toPem(der: Uint8Array): string {
  const b64 = toBase64(der).replace(/.{1,64}/g, '$&\n');
  return `-----BEGIN ${PEM_LABEL}-----\n${b64}-----END ${PEM_LABEL}-----\n`;
}
