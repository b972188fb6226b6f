/**
 * `npm run pack -- sign PACK --key KEY --out DIR [--expires-days N] [--pack-url NAME]`:
 * validates PACK and writes a release to DIR: the pack file (its bytes
 * unchanged) as NAME (default `<id>-<version>.json`), manifest.json naming
 * its sha256 and length, and manifest.json.sig, the detached Ed25519
 * signature over manifest.json's exact bytes. Upload all three; the
 * subscription URL is DIR's manifest.json.
 *
 * Contract: `signPack` validates the pack (throws its PackError naming the
 * JSON path), checks the written signature verifies with the key's public
 * half, and returns the written paths and manifest. Bad arguments throw.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parsePack } from '../../lib/pack/validate';
import type { Manifest } from '../../lib/sync/manifest';
import { manifestFor, signRelease } from '../../lib/sync/release';
import { verifyManifest } from '../../lib/sync/signature';
import { UsageError, type PackCommand } from './command';
import { readPrivateKey } from './key-file';

const DEFAULT_EXPIRES_DAYS = 30;
const MAX_EXPIRES_DAYS = 366;

export interface SignOptions {
  packPath: string;
  keyPath: string;
  outDir: string;
  expiresDays?: number;
  packUrl?: string;
  now?: Date;
}

export async function signPack(o: SignOptions): Promise<{ manifest: Manifest; files: string[] }> {
  const days = o.expiresDays ?? DEFAULT_EXPIRES_DAYS;
  if (!Number.isInteger(days) || days < 1 || days > MAX_EXPIRES_DAYS) {
    throw new Error(`--expires-days must be a whole number from 1 to ${MAX_EXPIRES_DAYS}`);
  }
  const packBytes = new Uint8Array(await readFile(o.packPath));
  const pack = parsePack(new TextDecoder('utf-8', { fatal: true }).decode(packBytes));
  const packUrl = o.packUrl ?? `${pack.id}-${pack.version}.json`;
  if (!/^[A-Za-z0-9._-]+$/.test(packUrl) || packUrl === 'manifest.json' || packUrl === 'manifest.json.sig') {
    throw new Error('--pack-url must be a plain file name (letters, digits, ".", "_", "-"), beside manifest.json');
  }
  const key = await readPrivateKey(o.keyPath);
  const issued = o.now ?? new Date();
  const manifest = await manifestFor({
    pack,
    packBytes,
    packUrl,
    keyId: key.keyId,
    issued,
    expires: new Date(issued.getTime() + days * 86_400_000),
  });
  const { manifestBytes, signature } = await signRelease(manifest, key.privateKey);
  await verifyManifest(manifestBytes, signature, key.publicKey);
  await mkdir(o.outDir, { recursive: true });
  const files = [join(o.outDir, packUrl), join(o.outDir, 'manifest.json'), join(o.outDir, 'manifest.json.sig')];
  await writeFile(files[0]!, packBytes);
  await writeFile(files[1]!, manifestBytes);
  await writeFile(files[2]!, signature);
  return { manifest, files };
}

const sign: PackCommand = {
  usage: 'sign PACK --key KEY --out DIR [--expires-days N] [--pack-url NAME]',
  summary: 'validate PACK and write a signed release to DIR: the pack file, manifest.json and manifest.json.sig',
  async run(args) {
    let parsed;
    try {
      parsed = parseArgs({
        args,
        options: {
          key: { type: 'string' },
          out: { type: 'string' },
          'expires-days': { type: 'string' },
          'pack-url': { type: 'string' },
        },
        strict: true,
        allowPositionals: true,
      });
    } catch (e) {
      throw new UsageError(e instanceof Error ? e.message : String(e));
    }
    const { values, positionals } = parsed;
    const [packPath, ...extra] = positionals;
    if (!packPath || extra.length > 0 || !values.key || !values.out) throw new UsageError('PACK, --key and --out are required');
    const days = values['expires-days'];
    if (days !== undefined && !/^\d+$/.test(days)) throw new UsageError('--expires-days must be a whole number');
    const { manifest, files } = await signPack({
      packPath,
      keyPath: values.key,
      outDir: values.out,
      expiresDays: days === undefined ? undefined : Number(days),
      packUrl: values['pack-url'],
    });
    console.log(`signed ${manifest.packId} version ${manifest.version} (key ${manifest.keyId.slice(0, 16)}…), expires ${manifest.expires}`);
    for (const f of files) console.log(`  wrote ${f}`);
    return 0;
  },
};

export default sign;
