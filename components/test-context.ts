/**
 * Test support: a synthetic claim context (fictional people, example.org
 * links) covering every field, for the component tests.
 *
 * Contract: `testContext()` returns a fresh deep copy each call, so a test
 * may change it freely.
 */
import type { ClaimContext, SourceView, StatementView } from '@/data/queries';

const daily: SourceView = {
  id: 'daily',
  publisher: 'Example Daily',
  title: 'Officials describe the announcement',
  published: '2020-10-21',
  url: 'https://example.org/daily/announcement',
  note: null,
};
const wire: SourceView = {
  id: 'wire',
  publisher: 'Example Wire',
  title: 'Ministry rejects the accusation',
  published: '2020-10-22',
  url: null,
  note: 'reprint of an Example Radio article',
};

const statements: StatementView[] = [
  {
    id: 'alleg-1',
    kind: 'allegation',
    speaker: { name: 'Ada Example', role: 'Director of Examples', organisation: 'Office of Examples' },
    date: '2020-10-21',
    summary: 'Says a foreign actor obtained voter data.',
    quote: 'We have confirmed that some voter registration information has been obtained.',
    sources: [daily],
  },
  {
    id: 'alleg-2',
    kind: 'allegation',
    speaker: { name: 'Ben Sample', role: 'Bureau Chief', organisation: null },
    date: '2020-10-21',
    summary: 'Adds that the bureau is investigating.',
    quote: null,
    sources: [daily],
  },
  {
    id: 'deny-1',
    kind: 'denial',
    speaker: { name: 'Cy Placeholder', role: 'Spokesperson', organisation: 'Ministry of Examples' },
    date: '2020-10-22',
    summary: 'Rejects the accusation as baseless.',
    quote: 'These accusations are baseless.',
    sources: [wire],
  },
  {
    id: 'deny-2',
    kind: 'denial',
    speaker: { name: null, role: null, organisation: 'Example Mission to the UN' },
    date: null,
    summary: 'Denies any involvement.',
    quote: null,
    sources: [wire],
  },
  {
    id: 'ctx-1',
    kind: 'context',
    speaker: { name: null, role: null, organisation: null },
    date: '2020-10-20',
    summary: 'Voters reported receiving threatening emails.',
    quote: null,
    sources: [daily, wire],
  },
];

const context: ClaimContext = {
  packId: 'test-pack',
  claim: {
    id: 'test-claim',
    title: 'Officials say a foreign actor obtained voter data',
    summary: 'At a news conference, officials said voter data had been obtained; the accused government denied it.',
    eventDate: '2020-10-21',
  },
  statements,
};

export function testContext(): ClaimContext {
  return structuredClone(context);
}
