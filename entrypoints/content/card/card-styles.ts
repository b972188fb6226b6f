/**
 * The CSS inside the card's shadow root: the shared component styles plus
 * the host and dialog rules.
 *
 * Contract: the host rules are all `!important` inside the shadow root, which
 * beats any page rule, even `!important` and inline ones (CSS cascade: for
 * important declarations the inner tree context wins), so page CSS cannot
 * hide, move or restyle the card. Nothing here can match page elements.
 * Sizes are in em of the host's `font-size: medium` (the user's default
 * font size), not rem, so a page shrinking its root font cannot shrink the
 * card; page zoom scales it like any content.
 */
/// <reference types="vite/client" />
import componentsCss from '@/components/components.css?inline';

const hostCss = /* css */ `
:host {
  all: initial !important;
  display: block !important;
  position: fixed !important;
  inset: 0 auto auto 0 !important;
  width: 0 !important;
  height: 0 !important;
  margin: 0 !important;
  padding: 0 !important;
  border: 0 !important;
  overflow: visible !important;
  background: transparent !important;
  visibility: visible !important;
  opacity: 1 !important;
  transform: none !important;
  filter: none !important;
  clip-path: none !important;
  contain: none !important;
  pointer-events: none !important;
  z-index: 2147483647 !important;
  font-size: medium !important;
  color-scheme: light dark !important;
}
:host::backdrop {
  display: none !important;
}

.sl-dialog {
  position: fixed;
  top: 0;
  left: 0;
  box-sizing: border-box;
  pointer-events: auto;
  outline: none;
  font-size: 1em;
}

/* ~420 px wide at the default 16 px font (the card's own font is 0.875em). */
.sl-dialog .sl-card {
  width: 30em;
  max-width: min(30em, var(--sl-available-width, 30em));
  /* A glance, not a page: long contexts scroll inside the card. */
  max-height: min(32em, var(--sl-available-height, 32em));
  overflow: auto;
  overscroll-behavior: contain;
}

/* A glance: one outlet per statement; the full view ("N more statements") lists them all. */
.sl-dialog .sl-sources li:nth-child(n + 2) {
  display: none;
}

/*
 * "N more statements" stays in reach at the bottom edge while the rest
 * scrolls; its soft top shadow in the card colour says there is more above it.
 */
.sl-dialog .sl-more {
  position: sticky;
  bottom: 0;
  box-shadow: 0 -0.9em 0.8em -0.1em var(--sl-bg);
}

/* A solid band below the button hides what scrolls under the card's bottom padding. */
.sl-dialog .sl-more::after {
  content: '';
  position: absolute;
  top: calc(100% + 1px);
  left: -0.5em;
  right: -0.5em;
  height: 1.2em;
  background: var(--sl-bg);
}

.sl-dialog:focus-visible .sl-card {
  outline: 0.15em solid var(--sl-focus);
  outline-offset: 0.1em;
}

@media (prefers-reduced-motion: no-preference) {
  .sl-dialog {
    animation: sl-card-in 140ms ease-out;
  }
  .sl-dialog[data-placement^='top'] {
    animation-name: sl-card-in-above;
  }
}

@keyframes sl-card-in {
  from {
    opacity: 0;
    translate: 0 -0.25em;
  }
}

@keyframes sl-card-in-above {
  from {
    opacity: 0;
    translate: 0 0.25em;
  }
}

@media (forced-colors: active) {
  .sl-dialog .sl-card {
    border: 1px solid CanvasText;
  }
}
`;

export const cardCss = `${componentsCss}\n${hostCss}`;
