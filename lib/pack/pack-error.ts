/**
 * The one error a rejected pack produces.
 *
 * Contract: `problems` lists every problem found (at least one), each as the
 * JSON path of the offending value (`claims[1].statements[0].sources[0]`,
 * `(root)` for the document itself) and the rule it breaks. `message` names
 * the first problem and counts the rest, so a log line is enough to fix the
 * pack. Constructing it throws nothing.
 */
export interface PackProblem {
  path: string;
  rule: string;
}

export class PackError extends Error {
  override readonly name = 'PackError';
  readonly problems: readonly PackProblem[];

  constructor(problems: readonly PackProblem[]) {
    const [first = { path: '(root)', rule: 'is not a valid pack' }, ...rest] = problems;
    const more = rest.length === 0 ? '' : ` (and ${rest.length} more problem${rest.length === 1 ? '' : 's'})`;
    super(`invalid pack: ${first.path}: ${first.rule}${more}`);
    this.problems = problems.length > 0 ? problems : [first];
  }

  /** Path of the first problem. */
  get path(): string {
    return this.problems[0]!.path;
  }

  /** Broken rule of the first problem. */
  get rule(): string {
    return this.problems[0]!.rule;
  }
}
