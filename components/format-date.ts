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
  const options: Intl.DateTimeFormatOptions = d
    ? { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }
    : mo
      ? { year: 'numeric', month: 'long', timeZone: 'UTC' }
      : { year: 'numeric', timeZone: 'UTC' };
  return format(at, options, locale) ?? iso;
}

export function formatDateTime(iso: string, locale?: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return format(at, { dateStyle: 'medium', timeStyle: 'short' }, locale) ?? iso;
}

function format(at: Date, options: Intl.DateTimeFormatOptions, locale?: string): string | null {
  try {
    return new Intl.DateTimeFormat(locale, options).format(at);
  } catch {
    return null;
  }
}
