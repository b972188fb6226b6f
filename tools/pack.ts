/**
 * pack: the claim-pack tool.
 *
 *   npm run pack -- <command> [arguments]
 *
 * Contract: runs the named command from tools/pack/<command>.ts (each default-exports
 * a PackCommand) and exits with its code. No or an unknown command: the command list
 * on stderr, exit 2. A new command is one file plus one line in `commands` below.
 */
import type { PackCommand } from './pack/command';
import { UsageError } from './pack/command';

const commands: Record<string, () => Promise<{ default: PackCommand }>> = {
  check: () => import('./pack/check'),
  keygen: () => import('./pack/keygen'),
  sign: () => import('./pack/sign'),
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const load = name === undefined ? undefined : commands[name];
  if (!load) {
    const list = await Promise.all(Object.entries(commands).map(async ([, l]) => (await l()).default));
    console.error(
      `${name === undefined ? 'no command given' : `unknown command "${name}"`}\n\nusage: npm run pack -- <command>\n` +
        list.map((c) => `  ${c.usage}\n      ${c.summary}`).join('\n'),
    );
    return 2;
  }
  const command = (await load()).default;
  try {
    return await command.run(args);
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`${e.message}\nusage: npm run pack -- ${command.usage}`);
      return 2;
    }
    console.error(`pack ${name}: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
