/**
 * Pack subscriptions: the publishers this browser syncs from (built-in ones
 * marked and not removable), a form to add one by pack id, manifest URL and
 * Ed25519 public key, Remove buttons, and per subscription with a release
 * address a "Check for updates" switch (off: paused, not synced; its
 * installed pack stays in use).
 *
 * Contract: the form checks that every field is filled and the URL is
 * https before sending; the background validates fully and its message is
 * shown as is. A failed add keeps what was typed. A switch shows the
 * requested state while it is saved, then the saved one; a failed save
 * shows the reason and the switch returns to the saved state. Never throws.
 */
import { useState } from 'preact/hooks';
import { formatDateTime } from '@/components/format-date';
import { t } from '@/components/i18n';
import type { SubscriptionView } from '@/lib/sync-messages';
import type { OptionsApi } from './options-api';

export interface SubscriptionsSectionProps {
  api: Pick<OptionsApi, 'addSubscription' | 'removeSubscription' | 'setSubscriptionEnabled'>;
  subscriptions: SubscriptionView[] | null;
  loadError: string | null;
  onChange: (s: SubscriptionView[]) => void;
}

const EMPTY = { packId: '', manifestUrl: '', publicKey: '' };
type Field = keyof typeof EMPTY;

export function SubscriptionsSection({ api, subscriptions, loadError, onChange }: SubscriptionsSectionProps) {
  const [form, setForm] = useState(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  // Requested on/off of switches being saved, by pack id.
  const [pending, setPending] = useState<Record<string, boolean>>({});

  const add = async (e: Event) => {
    e.preventDefault();
    const found = checkForm(form);
    setErrors(found);
    setMessage(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      onChange(await api.addSubscription({ packId: form.packId.trim(), manifestUrl: form.manifestUrl.trim(), publicKey: form.publicKey.trim() }));
      setForm(EMPTY);
      setMessage({ ok: true, text: t('optionsSubscribed', form.packId.trim()) });
    } catch (err) {
      setMessage({ ok: false, text: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };
  const setEnabled = (packId: string, on: boolean) => {
    if (packId in pending) return;
    setMessage(null);
    setPending((p) => ({ ...p, [packId]: on }));
    api
      .setSubscriptionEnabled(packId, on)
      .then(onChange, (err: unknown) => setMessage({ ok: false, text: err instanceof Error ? err.message : String(err) }))
      .finally(() =>
        setPending((p) => {
          const rest = { ...p };
          delete rest[packId];
          return rest;
        }),
      );
  };
  const remove = (packId: string) => {
    setMessage(null);
    api.removeSubscription(packId).then(onChange, (err: unknown) =>
      setMessage({ ok: false, text: err instanceof Error ? err.message : String(err) }),
    );
  };

  const field = (name: Field, label: string, multiline = false) => {
    const id = `op-sub-${name}`;
    const props = {
      id,
      class: 'op-input',
      value: form[name],
      spellcheck: false,
      'aria-invalid': !!errors[name],
      'aria-describedby': errors[name] ? `${id}-error` : undefined,
      onInput: (e: Event) => {
        const value = (e.currentTarget as HTMLInputElement).value;
        setForm((f) => ({ ...f, [name]: value }));
      },
    };
    return (
      <div class="op-field">
        <label for={id}>{label}</label>
        {multiline ? <textarea rows={2} {...props} /> : <input {...props} />}
        {errors[name] && (
          <p id={`${id}-error`} class="op-field-error">
            {errors[name]}
          </p>
        )}
      </div>
    );
  };

  return (
    <section class="op-card" aria-labelledby="op-subs-title">
      <h2 id="op-subs-title">{t('optionsSubsTitle')}</h2>
      {loadError && (
        <p class="op-error" role="alert">
          {t('loadFailed', loadError)}
        </p>
      )}
      {subscriptions && subscriptions.length === 0 && <p class="op-muted">{t('optionsNoSubs')}</p>}
      {subscriptions && subscriptions.length > 0 && (
        <ul class="op-list">
          {subscriptions.map((s) => (
            <li key={s.packId} class="op-list-row op-sub" data-pack={s.packId}>
              <div class="op-sub-text">
                <span class="op-sub-id">{s.packId}</span>
                {s.pinned && <span class="op-tag">{t('optionsBuiltIn')}</span>}
                {!s.enabled && <span class="op-tag op-tag-paused">{t('optionsPaused')}</span>}
                <span class="op-muted op-sub-url">{s.manifestUrl ?? t('optionsNoUrl')}</span>
                <span class="op-muted">
                  {t('optionsKeyId', s.keyId)}
                  {' · '}
                  {s.lastCheck
                    ? `${formatDateTime(s.lastCheck.at)} · ${s.lastCheck.ok ? t('checkOk') : t('checkFailed')}: ${s.lastCheck.message}`
                    : t('neverChecked')}
                </span>
              </div>
              {s.manifestUrl && (
                <label class="pp-switch op-sub-switch">
                  <input
                    type="checkbox"
                    role="switch"
                    checked={pending[s.packId] ?? s.enabled}
                    aria-busy={s.packId in pending}
                    aria-label={t('optionsCheckUpdatesOf', s.packId)}
                    onChange={(e) => setEnabled(s.packId, e.currentTarget.checked)}
                  />
                  <span class="pp-switch-track" aria-hidden="true" />
                  <span class="pp-switch-label">
                    {t('optionsCheckUpdates')}
                  </span>
                </label>
              )}
              {!s.pinned && (
                <button
                  type="button"
                  class="op-button op-button-small"
                  aria-label={t('optionsUnsubscribe', s.packId)}
                  onClick={() => remove(s.packId)}
                >
                  {t('optionsRemove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <form class="op-subform" onSubmit={add} noValidate aria-labelledby="op-subs-add">
        <h3 id="op-subs-add">{t('optionsAddSub')}</h3>
        {field('packId', t('optionsPackId'))}
        {field('manifestUrl', t('optionsManifestUrl'))}
        {field('publicKey', t('optionsPublicKey'), true)}
        <div class="op-actions">
          <button type="submit" class="op-button op-button-primary" disabled={busy}>
            {t('optionsSubscribe')}
          </button>
          <span role="status" class="op-status">
            {message?.ok && message.text}
          </span>
        </div>
        {message && !message.ok && (
          <p class="op-error" role="alert">
            {message.text}
          </p>
        )}
      </form>
    </section>
  );
}

function checkForm(form: typeof EMPTY): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = {};
  if (!form.packId.trim()) errors.packId = t('optionsRequired');
  if (!form.publicKey.trim()) errors.publicKey = t('optionsRequired');
  const url = form.manifestUrl.trim();
  if (!url) errors.manifestUrl = t('optionsRequired');
  else if (!url.startsWith('https://')) errors.manifestUrl = t('optionsHttpsOnly');
  return errors;
}
