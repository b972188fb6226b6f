/**
 * One source of a statement: outlet, title, publication date, optional note.
 *
 * Contract: renders all pack text as text. The outlet and title link to the
 * source only when its URL passes `httpsHref` (https, no credentials); the
 * link opens a new tab with rel="noopener noreferrer". Missing date or note
 * are left out. Never throws.
 */
import type { SourceView } from '@/data/queries';
import { formatDate } from './format-date';
import { httpsHref } from './https-href';
import { t } from './i18n';

export interface SourceLineProps {
  source: SourceView;
  /** BCP 47 tag for dates; default: the reader's locale. */
  locale?: string;
}

export function SourceLine({ source, locale }: SourceLineProps) {
  const href = httpsHref(source.url);
  const label = (
    <>
      <span class="sl-outlet">{source.publisher}</span>
      <span class="sl-sep">: </span>
      <cite class="sl-source-title">{source.title}</cite>
    </>
  );
  return (
    <span class="sl-source">
      {href ? (
        <a class="sl-source-link" href={href} target="_blank" rel="noopener noreferrer">
          {label}
          <span class="sl-vh"> {t('opensInNewTab')}</span>
        </a>
      ) : (
        label
      )}
      {source.published && (
        <>
          <span class="sl-sep"> · </span>
          <time class="sl-date" dateTime={source.published}>
            {formatDate(source.published, locale)}
          </time>
        </>
      )}
      {source.note && <span class="sl-source-note"> ({source.note})</span>}
    </span>
  );
}
