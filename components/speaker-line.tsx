/**
 * Who made a statement: name, then role and organisation.
 *
 * Contract: shows the fields that are present, separated by commas; an
 * entirely unknown speaker renders nothing (unknown stays unknown: no
 * placeholder name is invented). Text only. Never throws.
 */
import type { Speaker } from '@/lib/pack/schema';

export function SpeakerLine({ speaker }: { speaker: Speaker }) {
  const details = [speaker.role, speaker.organisation].filter((x): x is string => !!x).join(', ');
  if (!speaker.name && !details) return null;
  return (
    <span class="sl-speaker">
      {speaker.name && <span class="sl-speaker-name">{speaker.name}</span>}
      {speaker.name && details && <span class="sl-sep">, </span>}
      {details && <span class="sl-speaker-role">{details}</span>}
    </span>
  );
}
