/**
 * Highlight style, colour and sync interval: a small form saved as one
 * value (preferences.ts) with the Save button.
 *
 * Contract: every field is validated by `PreferencesSchema` before anything
 * is written; problems are shown beside their field (aria-invalid,
 * aria-describedby) and nothing is saved until all are fixed. A preview
 * shows the chosen style exactly as pages will (lib/highlight-style.ts, the
 * first claim's look). Never throws.
 */
import * as v from 'valibot';
import { useRef, useState } from 'preact/hooks';
import { t } from '@/components/i18n';
import { claimHighlightStyle, highlightDeclarations } from '@/lib/highlight-style';
import { HIGHLIGHT_STYLES, PreferencesSchema, SYNC_INTERVALS_HOURS, type Preferences } from '@/lib/preferences';
import type { OptionsApi } from './options-api';

export interface HighlightSectionProps {
  api: Pick<OptionsApi, 'savePreferences'>;
  preferences: Preferences;
  onSaved: (p: Preferences) => void;
}

type Draft = { style: string; color: string; syncIntervalHours: string };
const draftOf = (p: Preferences): Draft => ({ style: p.highlight.style, color: p.highlight.color, syncIntervalHours: String(p.syncIntervalHours) });

export function HighlightSection({ api, preferences, onSaved }: HighlightSectionProps) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(preferences));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<string | null>(null);
  // New preferences from outside (an import) replace the draft; checked during render, not in an
  // effect, so a late effect can never undo what was typed meanwhile.
  const shownPrefs = useRef(preferences);
  if (shownPrefs.current !== preferences) {
    shownPrefs.current = preferences;
    setDraft(draftOf(preferences));
  }

  const set = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setStatus(null);
  };

  const save = async (e: Event) => {
    e.preventDefault();
    const candidate = {
      highlight: { style: draft.style, color: draft.color },
      syncIntervalHours: Number(draft.syncIntervalHours),
    };
    const parsed = v.safeParse(PreferencesSchema, candidate);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.issues.map((i) => [v.getDotPath(i) ?? '', i.message])));
      setStatus(t('optionsNotSaved'));
      return;
    }
    setErrors({});
    try {
      onSaved(await api.savePreferences(parsed.output));
      setStatus(t('optionsSaved'));
    } catch (err) {
      setStatus(t('saveFailed', err instanceof Error ? err.message : String(err)));
    }
  };

  const colorError = errors['highlight.color'];
  const swatch = /^#[0-9a-f]{6}$/i.test(draft.color.trim()) ? draft.color.trim().toLowerCase() : preferences.highlight.color;
  const previewStyle = highlightDeclarations(claimHighlightStyle({ style: draft.style === 'underline' ? 'underline' : 'background', color: swatch }, 0));
  return (
    <form class="op-card" onSubmit={save} noValidate aria-labelledby="op-look-title">
      <h2 id="op-look-title">{t('optionsLookTitle')}</h2>
      <fieldset class="op-fieldset">
        <legend>{t('optionsStyle')}</legend>
        {HIGHLIGHT_STYLES.map((style) => (
          <label key={style} class="op-radio">
            <input type="radio" name="style" value={style} checked={draft.style === style} onChange={() => set({ style })} />
            {t(`optionsStyle_${style}`)}
          </label>
        ))}
      </fieldset>
      <div class="op-field">
        <label for="op-color">{t('optionsColour')}</label>
        <div class="op-color-row">
          <input
            type="color"
            aria-label={t('optionsColourPicker')}
            value={swatch}
            onInput={(e) => set({ color: e.currentTarget.value })}
          />
          <input
            id="op-color"
            class="op-input op-input-short"
            value={draft.color}
            spellcheck={false}
            aria-invalid={!!colorError}
            aria-describedby={colorError ? 'op-color-error' : undefined}
            onInput={(e) => set({ color: e.currentTarget.value })}
          />
        </div>
        {colorError && (
          <p id="op-color-error" class="op-field-error">
            {t('optionsColour')}: {colorError}
          </p>
        )}
      </div>
      <p class="op-preview" aria-hidden="true">
        {t('optionsPreviewBefore')}{' '}
        <span class="op-preview-mark" style={previewStyle}>
          {t('optionsPreviewMark')}
        </span>{' '}
        {t('optionsPreviewAfter')}
      </p>
      <div class="op-field">
        <label for="op-interval">{t('optionsInterval')}</label>
        <select
          id="op-interval"
          class="op-input op-input-short"
          value={draft.syncIntervalHours}
          onChange={(e) => set({ syncIntervalHours: e.currentTarget.value })}
        >
          {SYNC_INTERVALS_HOURS.map((h) => (
            <option key={h} value={String(h)}>
              {t(h === 1 ? 'optionsEveryHour' : 'optionsEveryHours', h)}
            </option>
          ))}
        </select>
      </div>
      <div class="op-actions">
        <button type="submit" class="op-button op-button-primary">
          {t('optionsSave')}
        </button>
        <span role="status" class="op-status">
          {status}
        </span>
      </div>
    </form>
  );
}
