/**
 * The card as a dialog: wraps the shared ClaimCard (components/) in a
 * non-modal dialog named by the claim title, and keeps Tab inside it.
 *
 * Contract: renders `role="dialog"`, `aria-modal="false"`,
 * `aria-labelledby` pointing at ClaimCard's title heading, and
 * `tabindex="-1"` so the controller can focus the dialog itself (screen
 * readers then announce the title). Tab / Shift+Tab cycle through the
 * card's links and buttons (focus-cycle.ts). `dialogRef` receives the
 * element to position. Text only, as ClaimCard; never throws.
 */
import type { Ref } from 'preact';
import { ClaimCard } from '@/components/claim-card';
import type { ClaimContext } from '@/data/queries';
import { cycleTarget, focusableIn } from './focus-cycle';

/** Unique within the card's own shadow root, which holds one card at a time. */
const TITLE_ID = 'sl-card-title';

export interface CardDialogProps {
  context: ClaimContext;
  onMore: () => void;
  dialogRef: Ref<HTMLDivElement>;
}

export function CardDialog({ context, onMore, dialogRef }: CardDialogProps) {
  return (
    <div
      class="sl-dialog"
      role="dialog"
      aria-modal="false"
      aria-labelledby={TITLE_ID}
      tabIndex={-1}
      ref={dialogRef}
      onKeyDown={cycleTab}
    >
      <ClaimCard context={context} onMore={onMore} titleId={TITLE_ID} />
    </div>
  );
}

function cycleTab(event: KeyboardEvent): void {
  if (event.key !== 'Tab' || event.altKey || event.ctrlKey || event.metaKey) return;
  const dialog = event.currentTarget as HTMLElement;
  const root = dialog.getRootNode() as ShadowRoot | Document;
  const target = cycleTarget(focusableIn(dialog), root.activeElement, event.shiftKey);
  event.preventDefault();
  target?.focus();
}
