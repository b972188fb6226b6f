/**
 * Dates from packs, shown in the reader's locale.
 *
 * Contract: `formatDate` takes a pack calendar date (YYYY-MM-DD, YYYY-MM or
 * YYYY) and shows exactly the precision it has (a month-only date never gains
 * a day); `formatDateTime` takes an ISO 8601 date-time. Text that is not such
 * a date is returned unchanged. Never throws.
 */
const CALENDAR = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function formatDate(iso: string, locale?: string): string {
  const m = CALENDAR.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m;
  // Calendar dates have no time zone: format them in UTC so no reader sees the day before.
  const at = new Date(Date.UTC(Number(y), mo ? Number(mo) - 1 : 0, d ? Number(d) : 1));
  return format(at, d ? 'day' : mo ? 'month' : 'year', locale) ?? iso;
}

export function formatDateTime(iso: string, locale?: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return format(at, 'dateTime', locale) ?? iso;
}

const STYLES = {
  day: { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' },
  month: { year: 'numeric', month: 'long', timeZone: 'UTC' },
  year: { year: 'numeric', timeZone: 'UTC' },
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

// Building a formatter costs about a millisecond (locale data); a list of 100 claims
// formats hundreds of dates, so each locale and style gets one formatter.
const formatters = new Map<string, Intl.DateTimeFormat>();

function format(at: Date, style: keyof typeof STYLES, locale?: string): string | null {
  const key = `${locale ?? ''}|${style}`;
  try {
    let f = formatters.get(key);
    if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(locale, STYLES[style])));
    return f.format(at);
  } catch {
    return null;
  }
}
