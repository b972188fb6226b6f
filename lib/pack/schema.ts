/**
 * The claim-pack format, version 1, as a valibot schema.
 *
 * Contract: `PackSchema` describes exactly what a pack may contain; anything
 * it accepts is safe to store and render as text. It never evaluates code
 * (valibot builds no functions from strings, so it runs under the MV3 CSP).
 * Cross-references (statement → source ids, rule → term ids, unique ids) are
 * checked in `validatePack` / `parsePack` (validate.ts), the only entry points the
 * rest of the code uses.
 */
import * as v from 'valibot';

export const PACK_FORMAT = 1;

/** Lower-case slug: stable ids used in URLs, the store and external checks. */
const Id = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9][a-z0-9._-]{0,99}$/, 'must be a lower-case id of letters, digits, ".", "_" or "-" (1–100 chars)'),
);

const Text = (max: number) =>
  v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(max, `must be at most ${max} characters`));

const DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
const DATE_TIME = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/** A calendar date, YYYY-MM-DD, or a partial one (YYYY-MM, YYYY) when the source gives no more. */
const IsoDate = v.pipe(
  v.string(),
  v.regex(DATE, 'must be a date YYYY-MM-DD, YYYY-MM or YYYY'),
  v.check((s) => !DATE.test(s) || isCalendarDate(s), 'must be a real calendar date'),
);

const IsoDateTime = v.pipe(
  v.string(),
  v.regex(DATE_TIME, 'must be an ISO 8601 date-time with a time zone'),
  v.check((s) => !DATE_TIME.test(s) || isCalendarDate(s.slice(0, 10)), 'must be a real calendar date'),
);

/** Date.parse accepts "2020-02-31"; a calendar check does not. Partial dates pass. */
function isCalendarDate(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number);
  if (m === undefined || d === undefined) return true;
  return d <= new Date(Date.UTC(y!, m, 0)).getUTCDate();
}

/**
 * A record that is a plain JSON object: valibot's `record` also takes arrays
 * (as records keyed "0", "1", ...), which would hide a malformed pack.
 */
const ObjectRecord = <K extends v.GenericSchema<string, string>, V extends v.GenericSchema>(key: K, value: V) =>
  v.pipe(
    v.custom<Record<string, unknown>>((x) => typeof x === 'object' && x !== null && !Array.isArray(x), 'must be an object'),
    v.record(key, value),
  );

/** Links are https only: never javascript:, data:, http: or relative. */
export const HttpsUrl = v.pipe(
  v.string(),
  v.maxLength(2048, 'must be at most 2048 characters'),
  v.check((s) => {
    // "https:example.com" and " https://x" parse too; a pack spells URLs out.
    if (!s.startsWith('https://')) return false;
    try {
      const u = new URL(s);
      return u.protocol === 'https:' && u.username === '' && u.password === '';
    } catch {
      return false;
    }
  }, 'must be an absolute https:// URL without credentials'),
);

export const SourceSchema = v.strictObject({
  id: Id,
  publisher: Text(200),
  title: Text(500),
  /** YYYY-MM-DD (or partial) of publication; null when the source does not say. */
  published: v.nullable(IsoDate),
  /** null when not known: a URL is never guessed. */
  url: v.nullable(HttpsUrl),
  /** Optional note, e.g. "reprint of a Radio Free Europe/Radio Liberty article". */
  note: v.optional(v.nullable(Text(500))),
});

export const SpeakerSchema = v.strictObject({
  name: v.nullable(Text(200)),
  role: v.nullable(Text(200)),
  organisation: v.nullable(Text(200)),
});

export const StatementSchema = v.strictObject({
  id: Id,
  kind: v.picklist(['allegation', 'denial', 'context'], 'must be "allegation", "denial" or "context"'),
  speaker: SpeakerSchema,
  /** When the statement was made; null when the sources do not say. */
  date: v.nullable(IsoDate),
  /** Neutral one-sentence paraphrase of what was said (always present). */
  summary: Text(1000),
  /** Verbatim from a cited source, or null where the source gives no direct quote. */
  quote: v.nullable(Text(2000)),
  /** Ids of the sources that report this statement (at least one). */
  sources: v.pipe(v.array(Id), v.minLength(1, 'must cite at least one source'), v.maxLength(20, 'must cite at most 20 sources')),
});

/**
 * Matching rules. Phrases are plain words, compared after folding case,
 * diacritics, quotes, dashes and invisible characters; a word ending in `*`
 * matches any word that starts with it ("email*" → "emails"). No regular
 * expressions: untrusted packs must not be able to make the matcher slow.
 */
const Phrase = v.pipe(
  v.string(),
  v.trim(),
  v.minLength(2, 'must be at least 2 characters'),
  v.maxLength(100, 'must be at most 100 characters'),
  v.check((s) => !/[*][^\s]/.test(s) && !/^\*/.test(s), '"*" may only end a word'),
);

/** Language code (ISO 639-1/-3) or "*" for language-neutral phrases such as names. */
const Lang = v.pipe(v.string(), v.regex(/^(\*|[a-z]{2,3})$/, 'must be a language code such as "en" or "*"'));

export const TermSchema = v.pipe(
  ObjectRecord(Lang, v.pipe(v.array(Phrase), v.minLength(1, 'must list at least one phrase'), v.maxLength(200, 'must list at most 200 phrases'))),
  v.check((r) => Object.keys(r).length > 0, 'must have phrases for at least one language'),
);

export const RuleSchema = v.strictObject({
  /**
   * A mention is found where one phrase of every listed term occurs within
   * `window` characters of normalised page text (first start to last end).
   * The first term is the rule's anchor: only its phrases are searched over
   * the whole page, the others only near its hits. Make it the most
   * distinctive term (a name, not "said"); a common anchor stays correct but
   * slows every page.
   */
  all: v.pipe(v.array(Id), v.minLength(1, 'must name at least one term'), v.maxLength(8, 'must name at most 8 terms')),
  window: v.pipe(v.number(), v.integer('must be an integer'), v.minValue(1, 'must be at least 1'), v.maxValue(5000, 'must be at most 5000')),
  /** Terms whose words are highlighted; default: all of them. */
  highlight: v.optional(v.pipe(v.array(Id), v.minLength(1, 'must name at least one term'), v.maxLength(8, 'must name at most 8 terms'))),
});

export const GuardSchema = v.strictObject({
  /** A phrase of any of these terms near a rule match suppresses it... */
  any: v.pipe(v.array(Id), v.minLength(1, 'must name at least one term'), v.maxLength(8, 'must name at most 8 terms')),
  /** ...within this many characters of it; null: anywhere in the same document. */
  window: v.nullable(
    v.pipe(v.number(), v.integer('must be an integer'), v.minValue(1, 'must be at least 1'), v.maxValue(5000, 'must be at most 5000')),
  ),
});

export const MatchSchema = v.strictObject({
  terms: v.pipe(
    ObjectRecord(Id, TermSchema),
    v.check((r) => Object.keys(r).length > 0, 'must define at least one term'),
    v.check((r) => Object.keys(r).length <= 200, 'must define at most 200 terms'),
  ),
  rules: v.pipe(v.array(RuleSchema), v.minLength(1, 'must have at least one rule'), v.maxLength(100, 'must have at most 100 rules')),
  guards: v.pipe(v.array(GuardSchema), v.maxLength(100, 'must have at most 100 guards')),
});

export const ClaimSchema = v.strictObject({
  id: Id,
  title: Text(200),
  /** One neutral paragraph. */
  summary: Text(2000),
  /** When the event happened (YYYY-MM-DD or partial); null if unknown. */
  eventDate: v.nullable(IsoDate),
  match: MatchSchema,
  statements: v.pipe(
    v.array(StatementSchema),
    v.minLength(1, 'must have at least one statement'),
    v.maxLength(500, 'must have at most 500 statements'),
  ),
});

export const PackSchema = v.strictObject({
  format: v.literal(PACK_FORMAT, `must be ${PACK_FORMAT}`),
  id: Id,
  /** Rises with every release; sync refuses anything not higher than what is installed. */
  version: v.pipe(
    v.number(),
    v.integer('must be an integer'),
    v.minValue(1, 'must be at least 1'),
    v.maxValue(Number.MAX_SAFE_INTEGER, 'must be a safe integer'),
  ),
  title: Text(200),
  publisher: Text(200),
  issued: IsoDateTime,
  claims: v.pipe(v.array(ClaimSchema), v.minLength(1, 'must have at least one claim'), v.maxLength(20000, 'must have at most 20000 claims')),
  sources: v.pipe(v.array(SourceSchema), v.minLength(1, 'must have at least one source'), v.maxLength(20000, 'must have at most 20000 sources')),
});

export type Pack = v.InferOutput<typeof PackSchema>;
export type Claim = v.InferOutput<typeof ClaimSchema>;
export type Statement = v.InferOutput<typeof StatementSchema>;
export type Speaker = v.InferOutput<typeof SpeakerSchema>;
export type Source = v.InferOutput<typeof SourceSchema>;
export type MatchRules = v.InferOutput<typeof MatchSchema>;
export type Rule = v.InferOutput<typeof RuleSchema>;
export type Guard = v.InferOutput<typeof GuardSchema>;
