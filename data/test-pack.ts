/**
 * Test-only: small synthetic packs for the store's unit tests. The text is
 * invented filler (not claims about real people or events) and never ships:
 * only *.test.ts files import this module.
 */
import type { Pack } from '@/lib/pack/schema';

export function samplePack(overrides: Partial<Pack> = {}): Pack {
  return {
    format: 1,
    id: 'sample',
    version: 1,
    title: 'Sample pack',
    publisher: 'Test Publisher',
    issued: '2020-10-22T12:00:00Z',
    claims: [
      {
        id: 'alpha-claim',
        title: 'Alpha widget shortage',
        summary: 'Officials said the alpha widgets ran out in October.',
        eventDate: '2020-10-21',
        match: {
          terms: { widget: { en: ['alpha widget*'] } },
          rules: [{ all: ['widget'], window: 200 }],
          guards: [],
        },
        statements: [
          {
            id: 'alpha-undated',
            kind: 'context',
            speaker: { name: null, role: null, organisation: 'Widget Council' },
            date: null,
            summary: 'The council gave background on widget supply.',
            quote: null,
            sources: ['gazette'],
          },
          {
            id: 'alpha-denial',
            kind: 'denial',
            speaker: { name: 'Zoë Ñandú', role: 'spokeswoman', organisation: 'Widget Makers' },
            date: '2020-10-22',
            summary: 'The makers denied any shortage.',
            quote: 'There is no shortage of widgets whatsoever.',
            sources: ['gazette', 'herald'],
          },
          {
            id: 'alpha-allegation',
            kind: 'allegation',
            speaker: { name: 'Bram Okafor', role: 'director', organisation: 'Supply Office' },
            date: '2020-10-21',
            summary: 'The director said widgets ran out.',
            quote: 'The alpha widgets are gone.',
            sources: ['gazette'],
          },
        ],
      },
      {
        id: 'beta-claim',
        title: 'Beta gadget recall',
        summary: 'A recall of beta gadgets was announced.',
        eventDate: '2020-10-20',
        match: {
          terms: { gadget: { en: ['beta gadget*'] } },
          rules: [{ all: ['gadget'], window: 200 }],
          guards: [],
        },
        statements: [
          {
            id: 'beta-allegation',
            kind: 'allegation',
            speaker: { name: 'Chen Liu', role: null, organisation: null },
            date: '2020-10-20',
            summary: 'Chen Liu announced the recall.',
            quote: null,
            sources: ['herald'],
          },
        ],
      },
    ],
    sources: [
      { id: 'gazette', publisher: 'The Example Gazette', title: 'Widgets in short supply', published: '2020-10-22', url: 'https://gazette.example/widgets', note: null },
      { id: 'herald', publisher: 'Sample Herald', title: 'Makers respond', published: null, url: null },
    ],
    ...overrides,
  };
}
