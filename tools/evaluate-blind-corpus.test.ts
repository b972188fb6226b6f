/**
 * Pins the bundled pack's scores on the blind fixtures (tests/fixtures/corpus-blind: written before
 * their author read the match rules) and on the probe fixtures (tests/fixtures/corpus-probe: near-misses
 * and phrasings written afterwards to attack the rules added for the blind set) and on the second
 * blind set (tests/fixtures/corpus-blind2, 80 pages in en/es/de/fr, also written before reading the
 * rules; 0.982 / 0.982 before the rules were extended for it) and the third (corpus-blind3, 72
 * pages; 0.980 / 0.941 before) and the fourth (corpus-blind4, 60 pages written to phrasings the lead
 * suggested: a probe; 1.000 / 0.895 before) and the fifth (corpus-blind5, 72 pages in en/fr/es/de of
 * genres unlike news, written blind; 1.000 / 0.980 before) and the sixth (corpus-blind6, 72 pages
 * in en/es/de/fr of varied markup, written blind; 1.000 / 0.979 before) and the seventh
 * (corpus-blind7, 72 pages in en/es/de/fr of long, dense pages, oblique wording and near-misses
 * sharing most words, written blind; 0.956 / 0.896 before) and the eighth (corpus-blind8, 72
 * pages in en/fr/es/de of short, fragmented text, written blind; 0.979 / 0.958 before), each with
 * two pages still missed and pinned as such, and the ninth (corpus-blind9, 72 pages in en/de/es/fr
 * of lookalike events from the same weeks and mixed language, written blind; 1.000 / 0.938
 * before) and the tenth (corpus-blind10, 72 pages in en/es/de/fr: passing mentions in long pages,
 * scattered words, app markup, written blind; 1.000 / 0.979 before) and the twelfth (corpus-blind12,
 * 72 pages in en/es/de/fr of social and conversational text, written blind; 0.984 / 1.000 before;
 * the eleventh is dynamic and judged in the browser) and the thirteenth (corpus-blind13, 72 pages
 * in en/es/de/fr of reference and document genres, written blind; 0.984 / 0.969 before) and the
 * fourteenth (corpus-blind14, 72 pages in en/es/de/fr of opinion, satire and edited markup, written
 * blind; 0.982 / 1.000 before) and the fifteenth (corpus-blind15, 72 pages in en/es/de/fr of
 * regional variants and everyday spelling, written blind; 1.000 / 0.950 before) and the sixteenth
 * (corpus-blind16, 72 pages in en/es/de/fr framed from every side: state media, partisan blogs,
 * the accused's denials; 1.000 / 0.917 before; one page still missed and pinned as such) and the
 * seventeenth (corpus-blind17, 72 pages in en/es/de/fr: the event in passing or as one entry of a
 * list; 1.000 / 0.969 before) and the eighteenth (corpus-blind18, 72 pages in en/es/de/fr of loose,
 * second-hand retellings; 1.000 / 0.891 before) and the nineteenth (corpus-blind19, 72 pages in
 * en/es/de/fr on the aftermath: charges, sanctions, threat reports; 1.000 / 0.984 before) and the
 * twentieth (corpus-blind20, 72 pages in en/es/de/fr of CMS, converter and OCR markup; 1.000 /
 * 0.953 before) and the twenty-first (corpus-blind21, 72 pages in en/es/de/fr of plain and simple
 * language; 1.000 / 0.875 before) and the twenty-second (corpus-blind22, 72 pages in en/es/de/fr
 * where the event is an example in another subject; 1.000 / 0.953 before; one page still missed
 * and pinned as such) and the twenty-third to twenty-sixth (corpus-blind23 to 26, 72 pages each
 * in en/es/de/fr: looking back years later, text that crosses languages, spoken language written
 * down, questions and answers; 0.984 / 0.938, 1.000 / 0.969, 1.000 / 0.969, 1.000 / 0.969
 * before) and the twenty-seventh and twenty-eighth (local and niche outlets; legal,
 * parliamentary and official text; 1.000 / 0.969 and 1.000 / 0.906 before) and the
 * twenty-ninth and thirtieth (internet culture and slang; catalogues of similar incidents;
 * 1.000 / 1.000 and 1.000 / 0.984 before) and the thirty-first and thirty-second (narrative
 * and personal writing; world press outside the usual centres; 1.000 / 0.908 and 1.000 / 0.984
 * before). Exact counts, so a rule
 * change that loses a page or gains a false alarm fails here and says which page.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_PACK, evaluateCorpus } from './evaluate-corpus';

const FIXTURES = join(import.meta.dirname, '../tests/fixtures');

describe('bundled pack on the blind and probe fixtures', () => {
  it.each([
    ['corpus-blind', 82, { ratcliffe: 31, proud: 26 }],
    ['corpus-probe', 23, { ratcliffe: 7, proud: 5 }],
    ['corpus-blind2', 80, { ratcliffe: 30, proud: 25 }],
    ['corpus-blind3', 72, { ratcliffe: 26, proud: 25 }],
    ['corpus-blind4', 60, { ratcliffe: 19, proud: 19 }],
    ['corpus-blind5', 72, { ratcliffe: 25, proud: 25 }],
    ['corpus-blind6', 72, { ratcliffe: 24, proud: 24 }],
    ['corpus-blind9', 72, { ratcliffe: 24, proud: 24 }],
    ['corpus-blind10', 72, { ratcliffe: 24, proud: 24 }],
    ['corpus-blind12', 72, { ratcliffe: 30, proud: 30 }],
    ['corpus-blind13', 72, { ratcliffe: 32, proud: 32 }],
    ['corpus-blind14', 72, { ratcliffe: 28, proud: 28 }],
    ['corpus-blind15', 72, { ratcliffe: 30, proud: 30 }],
    ['corpus-blind17', 72, { ratcliffe: 32, proud: 32 }],
    ['corpus-blind18', 72, { ratcliffe: 32, proud: 32 }],
    ['corpus-blind19', 72, { ratcliffe: 32, proud: 32 }],
    ['corpus-blind20', 72, { ratcliffe: 32, proud: 32 }],
    ['corpus-blind21', 72, { ratcliffe: 32, proud: 32 }],
    ['corpus-blind23', 72, { ratcliffe: 32, proud: 32 }],
    ['corpus-blind24', 72, { ratcliffe: 32, proud: 32 }],
    ['corpus-blind25', 72, { ratcliffe: 32, proud: 32 }],
    ['corpus-blind26', 72, { ratcliffe: 32, proud: 32 }],
    ['corpus-blind27', 72, { ratcliffe: 32, proud: 32 }],
    ['corpus-blind28', 72, { ratcliffe: 32, proud: 32 }],
    ['corpus-blind29', 72, { ratcliffe: 32, proud: 32 }],
    ['corpus-blind30', 72, { ratcliffe: 32, proud: 32 }],
    ['corpus-blind31', 72, { ratcliffe: 32, proud: 33 }],
    ['corpus-blind32', 72, { ratcliffe: 32, proud: 32 }],
  ])('%s: every page classified correctly (%i pages)', (dir, pages, tp) => {
    const r = evaluateCorpus(join(FIXTURES, dir), [BUNDLED_PACK]);
    expect(r.misclassified.map((m) => `${m.file}: missed [${m.missed.join(', ')}] spurious [${m.spurious.join(', ')}] (${m.kind})`)).toEqual([]);
    expect(r.pages).toBe(pages);
    expect(r.scored).toBe(pages);
    expect(r.perClaim['ratcliffe-announcement']).toMatchObject({ tp: tp.ratcliffe, fp: 0, fn: 0, precision: 1, recall: 1 });
    expect(r.perClaim['proud-boys-emails']).toMatchObject({ tp: tp.proud, fp: 0, fn: 0, precision: 1, recall: 1 });
    expect(r.overall).toMatchObject({ precision: 1, recall: 1 });
  });

  // corpus-blind7 b006: the emails and their attribution to Tehran 527 characters apart, linked
  // only by "those messages"; c030: neither the group nor Iran named, the threat in German
  // indirect speech. corpus-blind8 b018: the emails in a bibliography entry right after one about
  // 6 January, whose guard reaches forward into it (see that set's README). corpus-blind16 c003:
  // the group's own denial post, the group never named ("someone misused our name").
  // corpus-blind22 c025: the emails and their attribution to Iran in two forum posts 330
  // characters apart (see that set's README).
  const RATCLIFFE = 'ratcliffe-announcement';
  const PROUD = 'proud-boys-emails';
  it.each([
    ['corpus-blind7', [['b006.html', PROUD], ['c030.html', PROUD]], { ratcliffe: 24, proud: 24 }],
    ['corpus-blind8', [['b018.html', PROUD]], { ratcliffe: 24, proud: 24 }],
    ['corpus-blind16', [['c003.html', PROUD]], { ratcliffe: 30, proud: 30 }],
    ['corpus-blind22', [['c025.html', PROUD]], { ratcliffe: 32, proud: 32 }],
  ] as const)('%s: no false alarm, and only the known pages missed (72 pages)', (dir, missed, positives) => {
    const r = evaluateCorpus(join(FIXTURES, dir), [BUNDLED_PACK]);
    expect(r.misclassified.map((m) => `${m.file}: missed [${m.missed.join(', ')}] spurious [${m.spurious.join(', ')}]`)).toEqual(
      missed.map(([file, claim]) => `${file}: missed [${claim}] spurious []`),
    );
    expect(r.pages).toBe(72);
    for (const [claim, total] of [[RATCLIFFE, positives.ratcliffe], [PROUD, positives.proud]] as const) {
      const fn = missed.filter(([, c]) => c === claim).length;
      expect(r.perClaim[claim]).toMatchObject({ tp: total - fn, fp: 0, fn });
    }
  });
});
