/**
 * The shape of one `npm run pack -- <command>` command (tools/pack/<command>.ts,
 * registered by one line in tools/pack.ts).
 *
 * Contract: `run` gets the arguments after the command name and resolves to
 * the exit code: 0 success, 1 the pack (or its signature, sources...) failed,
 * 2 bad usage. It throws UsageError for bad arguments (the dispatcher prints
 * the message and the command's usage, exit 2); any other throw is reported
 * with its message, exit 1.
 */
export interface PackCommand {
  /** One line: `check PACK [--sources DIR]`. */
  usage: string;
  /** One line: what the command does. */
  summary: string;
  run(args: string[]): Promise<number>;
}

export class UsageError extends Error {}
