/**
 * The only way into the program for a pack: `validatePack` (parsed JSON) and
 * `parsePack` (JSON text).
 *
 * Contract: returns the pack exactly as PackSchema outputs it (text trimmed)
 * when the document passes the hostile-input guard (size and nesting), the
 * schema, and the cross-reference checks: claim, statement and source ids
 * unique in the pack; every statement source id names a source of the pack;
 * every rule and guard term id names a term of the same claim; a rule's
 * `highlight` terms are among its `all` terms. Otherwise throws a PackError
 * listing each problem with its JSON path, so an invalid pack is rejected whole.
 */
import * as v from 'valibot';
import { PackError, type PackProblem } from './pack-error';
import { PackSchema, type Pack } from './schema';

/** A pack's deepest value is 7 levels down (claims[i].match.terms.t.en[j]); far more is hostile. */
export const MAX_DEPTH = 16;
/** Values (objects, arrays, scalars) in one pack: room for the schema's 20,000 claims. */
export const MAX_VALUES = 5_000_000;
/** Characters of JSON text. */
export const MAX_JSON_CHARS = 50_000_000;

export function parsePack(text: string): Pack {
  if (text.length > MAX_JSON_CHARS) {
    throw new PackError([{ path: '(root)', rule: `must be at most ${MAX_JSON_CHARS} characters of JSON` }]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new PackError([{ path: '(root)', rule: `is not valid JSON (${(e as Error).message})` }]);
  }
  return validatePack(json);
}

export function validatePack(json: unknown): Pack {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new PackError([{ path: '(root)', rule: 'must be a JSON object' }]);
  }
  const shapeProblem = checkShape(json);
  if (shapeProblem) throw new PackError([shapeProblem]);

  const result = v.safeParse(PackSchema, json);
  if (!result.success) {
    throw new PackError(result.issues.map((issue) => ({ path: pathOf(issue), rule: ruleOf(issue) })));
  }
  const problems = crossReferenceProblems(result.output);
  if (problems.length > 0) throw new PackError(problems);
  return result.output;
}

/**
 * Walks the document without recursion before valibot sees it, so deep
 * nesting or a cycle (from a caller passing live objects) cannot overflow the
 * stack and a giant document is refused before any work on it. Also refuses
 * "__proto__" keys (JSON.parse makes them own properties).
 */
function checkShape(json: unknown): PackProblem | null {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value: json, path: '', depth: 0 }];
  let count = 1;
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_DEPTH) return { path: path || '(root)', rule: `must not nest deeper than ${MAX_DEPTH} levels` };
    const keys = Array.isArray(value) ? null : Object.keys(value);
    // Counted before anything is pushed, so one giant array costs nothing.
    count += keys ? keys.length : (value as unknown[]).length;
    if (count > MAX_VALUES) return { path: '(root)', rule: `must contain at most ${MAX_VALUES} values` };
    if (keys === null) {
      (value as unknown[]).forEach((item, i) => stack.push({ value: item, path: `${path}[${i}]`, depth: depth + 1 }));
      continue;
    }
    for (const key of keys) {
      // valibot's record silently drops this key; say so instead.
      if (key === '__proto__') return { path: joinKey(path, key), rule: 'is not an allowed key' };
      stack.push({ value: (value as Record<string, unknown>)[key], path: joinKey(path, key), depth: depth + 1 });
    }
  }
  return null;
}

function crossReferenceProblems(pack: Pack): PackProblem[] {
  const problems: PackProblem[] = [];
  const firstSeen = new Map<string, string>();
  const unique = (kind: string, id: string, path: string) => {
    const key = `${kind}\u0000${id}`;
    const earlier = firstSeen.get(key);
    if (earlier === undefined) firstSeen.set(key, path);
    else problems.push({ path, rule: `duplicate ${kind} id "${id}" (first used at ${earlier})` });
  };

  pack.sources.forEach((source, i) => unique('source', source.id, `sources[${i}].id`));
  const sourceIds = new Set(pack.sources.map((s) => s.id));

  pack.claims.forEach((claim, c) => {
    const at = `claims[${c}]`;
    unique('claim', claim.id, `${at}.id`);

    claim.statements.forEach((statement, s) => {
      unique('statement', statement.id, `${at}.statements[${s}].id`);
      const cited = new Set<string>();
      statement.sources.forEach((id, k) => {
        const path = `${at}.statements[${s}].sources[${k}]`;
        if (!sourceIds.has(id)) problems.push({ path, rule: `unknown source id "${id}"` });
        else if (cited.has(id)) problems.push({ path, rule: `source id "${id}" is cited twice` });
        cited.add(id);
      });
    });

    const terms = new Set(Object.keys(claim.match.terms));
    const known = (ids: readonly string[], path: string) =>
      ids.forEach((id, k) => {
        if (!terms.has(id)) problems.push({ path: `${path}[${k}]`, rule: `unknown term id "${id}" (not in ${at}.match.terms)` });
      });
    claim.match.rules.forEach((rule, r) => {
      const path = `${at}.match.rules[${r}]`;
      known(rule.all, `${path}.all`);
      rule.highlight?.forEach((id, k) => {
        if (!rule.all.includes(id)) problems.push({ path: `${path}.highlight[${k}]`, rule: `term id "${id}" is not in this rule's "all"` });
      });
    });
    claim.match.guards.forEach((guard, g) => known(guard.any, `${at}.match.guards[${g}].any`));
  });
  return problems;
}

function pathOf(issue: v.BaseIssue<unknown>): string {
  const path = (issue.path ?? []).reduce<string>(
    (at, item) => (typeof item.key === 'number' ? `${at}[${item.key}]` : joinKey(at, String(item.key))),
    '',
  );
  return path || '(root)';
}

function joinKey(path: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? (path ? `${path}.${key}` : key) : `${path}[${JSON.stringify(key)}]`;
}

/** Our schema words its own rules; valibot's built-in type messages are reworded here. */
function ruleOf(issue: v.BaseIssue<unknown>): string {
  const last = issue.path?.at(-1);
  if (issue.type === 'strict_object' && last?.origin === 'key') {
    return issue.expected === 'never' ? 'is not a known property' : 'is required';
  }
  if (last?.origin === 'key' && !issue.message.startsWith('Invalid ')) return `key ${issue.message}`;
  if (issue.kind === 'schema' && issue.message.startsWith('Invalid type: ')) {
    return `must be ${typeName(issue.expected)}, not ${typeName(issue.received)}`;
  }
  return issue.message;
}

function typeName(t: string | null): string {
  if (t === null) return 'something else';
  const names: Record<string, string> = { Object: 'an object', Array: 'an array', string: 'a string', number: 'a number' };
  // Unions come as "(string | null)".
  return t.replace(/^\((.*)\)$/, '$1').split(' | ').map((part) => names[part] ?? part).join(' or ');
}
