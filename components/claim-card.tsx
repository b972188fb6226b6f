/**
 * The hover card's content: claim title (a heading whose id a dialog can
 * name in aria-labelledby), a one-line summary, the principal allegation
 * (the first allegation in timeline order), every denial, and a button
 * "N more statements" for the rest that calls `onMore`.
 *
 * Contract: pure Preact, props only, text only; the host mounts it (in a
 * shadow root) and injects components.css. Never throws.
 */
import { useId } from 'preact/hooks';
import type { ClaimContext } from '@/data/queries';
import { formatDate } from './format-date';
import { plural, t } from './i18n';
import { StatementItem } from './statement-item';

export interface ClaimCardProps {
  context: ClaimContext;
  onMore: () => void;
  /** Id for the title heading; default: a generated one. */
  titleId?: string;
  locale?: string;
}

export function ClaimCard({ context, onMore, titleId, locale }: ClaimCardProps) {
  const generated = `sl-card-title${useId()}`;
  const headingId = titleId ?? generated;
  const { claim, statements } = context;
  const principal = statements.find((s) => s.kind === 'allegation') ?? null;
  const denials = statements.filter((s) => s.kind === 'denial');
  const more = statements.length - denials.length - (principal ? 1 : 0);
  return (
    <article class="sl-card" aria-labelledby={headingId}>
      <header class="sl-card-header">
        <p class="sl-eyebrow">
          <span>{t('extName')}</span>
          {claim.eventDate && (
            <>
              <span class="sl-sep"> · </span>
              <time dateTime={claim.eventDate}>{formatDate(claim.eventDate, locale)}</time>
            </>
          )}
        </p>
        <h2 class="sl-card-title" id={headingId}>
          {claim.title}
        </h2>
        <p class="sl-card-summary">{claim.summary}</p>
      </header>
      {principal && (
        <section class="sl-card-section" aria-label={t('principalAllegation')}>
          <StatementItem statement={principal} locale={locale} />
        </section>
      )}
      {denials.length > 0 && (
        <section class="sl-card-section" aria-label={t('denialsLabel')}>
          {denials.map((s) => (
            <StatementItem key={s.id} statement={s} locale={locale} />
          ))}
        </section>
      )}
      {more > 0 && (
        <button type="button" class="sl-more" onClick={onMore}>
          {plural('moreStatements', more)}
        </button>
      )}
    </article>
  );
}
