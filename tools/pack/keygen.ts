/**
 * `npm run pack -- keygen [--out DIR] [--name NAME]`: makes a publisher's
 * Ed25519 key pair: DIR/NAME.private.pem (secret, mode 0600, git-ignored)
 * and DIR/NAME.public.txt (base64url; publish it and pin it in
 * subscriptions). Defaults: DIR = keys, NAME = publisher.
 *
 * Contract: exit 0 printing the public key and key id; UsageError (exit 2)
 * on bad arguments; throws (exit 1) when a key file of that name exists.
 */
import { parseArgs } from 'node:util';
import { UsageError, type PackCommand } from './command';
import { writeKeyPair } from './key-file';

const keygen: PackCommand = {
  usage: 'keygen [--out DIR] [--name NAME]',
  summary: 'make an Ed25519 publisher key pair: DIR/NAME.private.pem (secret) and DIR/NAME.public.txt (default keys/publisher.*)',
  async run(args) {
    let values: { out: string; name: string };
    try {
      ({ values } = parseArgs({
        args,
        options: { out: { type: 'string', default: 'keys' }, name: { type: 'string', default: 'publisher' } },
        strict: true,
        allowPositionals: false,
      }));
    } catch (e) {
      throw new UsageError(e instanceof Error ? e.message : String(e));
    }
    const k = await writeKeyPair(values.out, values.name);
    console.log(`private key: ${k.privatePath}  (keep it secret: never commit or publish it)`);
    console.log(`public key:  ${k.publicPath}`);
    console.log(`  ${k.publicKey}`);
    console.log(`key id:      ${k.keyId}`);
    return 0;
  },
};

export default keygen;
