import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './format-date';

describe('formatDate', () => {
  it('shows exactly the precision the pack date has, in UTC', () => {
    expect(formatDate('2020-10-21', 'en-US')).toBe('Oct 21, 2020');
    expect(formatDate('2020-10', 'en-US')).toBe('October 2020');
    expect(formatDate('2020', 'en-US')).toBe('2020');
  });

  it('uses the reader locale, and each locale keeps its own formatter', () => {
    expect(formatDate('2020-10-21', 'de-DE')).toBe('21. Okt. 2020');
    expect(formatDate('2020-10-21', 'en-US')).toBe('Oct 21, 2020');
    expect(formatDate('2020-10-22', 'de-DE')).toBe('22. Okt. 2020');
  });

  it('returns text that is not a calendar date, or a date in an invalid locale, unchanged', () => {
    expect(formatDate('21 October', 'en-US')).toBe('21 October');
    expect(formatDate('2020-10-21', 'not a locale!')).toBe('2020-10-21');
  });
});

describe('formatDateTime', () => {
  it('formats an ISO date-time and passes other text through', () => {
    expect(formatDateTime('2026-11-23T12:00:00Z', 'en-US')).toMatch(/Nov 23, 2026/);
    expect(formatDateTime('yesterday', 'en-US')).toBe('yesterday');
  });
});
