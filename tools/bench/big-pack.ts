/**
 * A synthetic pack of many claims for the popup's first-paint benchmark.
 *
 * Contract: `bigPack(claims)` returns a deterministic pack that passes
 * lib/pack/validate.ts: `claims` claims (ids `bench-claim-N`, which never
 * collide with real packs) of three statements each (allegation, denial,
 * context), each claim with its own invented phrase rule, citing 1,000
 * shared sources. The text is obviously synthetic filler about no real
 * person or event, and is only ever installed by the benchmark. Throws nothing.
 */
import type { Pack } from '@/lib/pack/schema';

export const BIG_PACK_ID = 'bench-synthetic';

export function bigPack(claims: number): Pack {
  const sourceCount = Math.min(1000, claims);
  const sources = Array.from({ length: sourceCount }, (_, i) => ({
    id: `bench-source-${i}`,
    publisher: `Benchmark Gazette ${i % 50}`,
    title: `Synthetic report number ${i} on benchmark widgets`,
    published: `2020-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
    url: `https://bench.example/report/${i}`,
  }));
  const src = (n: number) => `bench-source-${n % sourceCount}`;
  return {
    format: 1,
    id: BIG_PACK_ID,
    version: 1,
    title: 'Benchmark pack (synthetic)',
    publisher: 'Sourcelight benchmark',
    issued: '2020-11-01T00:00:00Z',
    sources,
    claims: Array.from({ length: claims }, (_, i) => ({
      id: `bench-claim-${i}`,
      title: `Synthetic widget claim ${i}`,
      summary: `A synthetic claim about widget batch ${i}, used only to measure how the popup copes with many claims.`,
      eventDate: `2020-${String((i % 12) + 1).padStart(2, '0')}`,
      match: {
        terms: { widget: { en: [`widget batch zq${i.toString(36)}`] } },
        rules: [{ all: ['widget'], window: 200 }],
        guards: [],
      },
      statements: [
        {
          id: `s${i}-a`,
          kind: 'allegation' as const,
          speaker: { name: `Speaker ${i}`, role: 'spokesperson', organisation: `Widget Office ${i % 97}` },
          date: '2020-10-21',
          summary: `Speaker ${i} said widget batch ${i} was late.`,
          quote: null,
          sources: [src(i)],
        },
        {
          id: `s${i}-d`,
          kind: 'denial' as const,
          speaker: { name: null, role: null, organisation: `Widget Makers ${i % 89}` },
          date: '2020-10-22',
          summary: `The makers denied that widget batch ${i} was late.`,
          quote: null,
          sources: [src(i + 1)],
        },
        {
          id: `s${i}-c`,
          kind: 'context' as const,
          speaker: { name: null, role: null, organisation: null },
          date: null,
          summary: `Background on widget batch ${i}.`,
          quote: null,
          sources: [src(i + 2)],
        },
      ],
    })),
  };
}
