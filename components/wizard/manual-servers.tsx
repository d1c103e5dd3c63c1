'use client';

import { useEffect, useMemo, useRef, useState } from 'react';
import { useForm, type UseFormRegisterReturn } from 'react-hook-form';
import { Field, FieldError, fieldControl, fieldErrorId, FieldHint, typedAsIs } from '@/components/ui/field';
import { secondaryButton, textInput, textLink } from '@/components/ui/styles';
import { shownAddress, shownDomain } from '@/lib/discovery/idn';
import type { ManualGuess, ManualServerInput, ManualServerValues } from '@/lib/discovery/manual';
import { format, type Locale } from '@/lib/i18n/locale';
import type { WizardMessages as Messages } from '@/lib/i18n/messages/wizard';
import type { TlsMode } from '@/lib/providers/types';
import { lazyManualServerResolver, useWizardLogic } from '@/lib/wizard/client/logic-loader';
import {
  draftFor,
  draftFromGuess,
  MANUAL_FIELDS,
  manualFieldId,
  manualValuesAsText,
  USUAL_PORTS,
  type ManualDraft,
  type ManualField,
  type ManualProtocol,
} from '@/lib/wizard/manual-setup';
import { useSessionStore } from '@/lib/wizard/client/session-store';
import { manualDraftStore } from '@/lib/wizard/client/manual-draft-store';
import { manualErrorsStore } from '@/lib/wizard/client/stores';

type ManualText = Messages['address']['manual'];

const TLS_MODES: readonly TlsMode[] = ['implicit', 'starttls'];

/** What the guess rests on, in the reader's words; `domain` as the reader typed it. */
function basisLine(text: ManualText, domain: string, guess: ManualGuess): string {
  const { imapHost, smtpHost } = guess.values;
  const line = format(text.basis[guess.basis], {
    domain,
    host: imapHost,
    imap: imapHost,
    smtp: smtpHost,
    base: imapHost.replace(/^imap\./, ''),
  });
  // With nothing filled in there is no guess to be careful about; what a domain publishes is no guess.
  if (guess.basis === 'none') return line;
  return `${line} ${guess.basis === 'published' ? text.publishedCaution : text.caution}`;
}

const LOGIN_ID = manualFieldId('loginName');

/**
 * Step 1's server form for an address no provider hosts: IMAP and SMTP host, port and TLS mode,
 * and, behind a disclosure, the login name when it is not the address; prefilled from the guess,
 * checked as typed by the schema the server parses them with, and kept for the tab
 * (sessionStorage) so going back and forth or reloading loses nothing. The check itself runs
 * from step 4 with these values; refusals it brings back land on the field.
 */
export function ManualServers({
  domain,
  address,
  typed,
  guess,
  locale,
  text,
  tlsNames,
}: {
  /** The mail domain, ASCII (xn--… for an internationalised one): the draft's key. */
  domain: string;
  /** The address, normalised (ASCII domain): what an empty login name means, and what a login template is filled from. */
  address: string;
  /** The address as typed, to show the domain and address as the reader wrote them. */
  typed: string;
  guess: ManualGuess;
  locale: Locale;
  text: ManualText;
  tlsNames: Record<TlsMode, string>;
}) {
  const stored = useSessionStore(manualDraftStore);
  const draft = draftFor(stored, domain, guess, address);
  const domainShown = shownDomain(domain, typed);
  // The disclosure opens by itself for a login name filled in or refused; else as the reader leaves it.
  const [loginOpenChoice, setLoginOpenChoice] = useState<boolean | null>(null);
  // The draft this form was filled from; a new one (another domain, the guess again) refills it.
  const shownDraft = useRef<ManualDraft | null>(null);
  const resolver = useMemo(() => lazyManualServerResolver(locale), [locale]);
  const logic = useWizardLogic(false);
  const {
    register,
    reset,
    setValue,
    getValues,
    setError,
    clearErrors,
    formState: { errors },
  } = useForm<ManualServerInput, unknown, ManualServerValues>({ resolver, defaultValues: draft.values, mode: 'onTouched' });

  useEffect(() => {
    if (stored !== draft) manualDraftStore.set(draft);
    if (shownDraft.current?.values !== draft.values && JSON.stringify(manualValuesAsText(getValues())) !== JSON.stringify(draft.values)) {
      reset(draft.values);
    }
    shownDraft.current = draft;
  }, [stored, draft, getValues, reset]);

  // Problems the last check found with these servers (a refused host), shown on their fields.
  const serverErrors = useSessionStore(manualErrorsStore);
  useEffect(() => {
    if (!serverErrors) return;
    for (const field of MANUAL_FIELDS) {
      const message = serverErrors[field];
      if (message) setError(field, { type: 'server', message });
    }
  }, [serverErrors, setError]);

  const save = (change: Partial<Pick<ManualDraft, 'portEdited' | 'loginEdited'>> = {}) => {
    const current = manualDraftStore.get() ?? draft;
    manualDraftStore.set({ ...current, ...change, domain, values: manualValuesAsText(getValues()), edited: true });
  };
  const forgetServerError = (field: ManualField) => {
    const current = manualErrorsStore.get();
    if (current?.[field]) manualErrorsStore.set({ ...current, [field]: undefined });
  };

  const restoreGuess = () => {
    const fresh = draftFromGuess(domain, guess, address);
    manualErrorsStore.set(null);
    clearErrors();
    manualDraftStore.set(fresh);
  };

  const protocolFields = (protocol: ManualProtocol) => {
    const hostField = `${protocol}Host` as const;
    const portField = `${protocol}Port` as const;
    const tlsField = `${protocol}Tls` as const;
    const hostId = manualFieldId(hostField);
    const portId = manualFieldId(portField);
    const tlsId = `manual-${protocol}-tls`;
    const hostError = errors[hostField]?.message;
    // A refused host that is a provider's server: its own steps are where to go instead.
    const guide = hostError ? logic?.providerGuideFor(getValues(hostField) ?? '', locale) : undefined;
    const portError = errors[portField]?.message;
    const tlsError = errors[tlsField]?.message;
    const alternatives = draft.alternatives[protocol].filter((host) => host !== (draft.values[hostField] ?? ''));
    const withSave = (field: ManualField, registered: UseFormRegisterReturn, after?: () => void): UseFormRegisterReturn => ({
      ...registered,
      onChange: async (event) => {
        await registered.onChange(event);
        forgetServerError(field);
        after?.();
      },
    });
    const host = withSave(hostField, register(hostField), () => save());
    const port = withSave(portField, register(portField), () =>
      save({ portEdited: { ...(manualDraftStore.get() ?? draft).portEdited, [protocol]: true } }),
    );
    const tls = withSave(tlsField, register(tlsField), () => {
      const current = manualDraftStore.get() ?? draft;
      // The usual port of the new mode, unless a port was typed by hand.
      if (!current.portEdited[protocol]) {
        const mode = getValues(tlsField);
        setValue(portField, String(USUAL_PORTS[protocol][mode]), { shouldValidate: Boolean(errors[portField]) });
        forgetServerError(portField);
      }
      save();
    });

    return (
      <fieldset key={protocol} className="min-w-0 rounded-lg border border-slate-300 p-3 sm:p-4 dark:border-slate-700">
        <legend className="px-1 font-medium">
          {protocol === 'imap' ? text.imapLegend : text.smtpLegend}
        </legend>
        <Field
          id={hostId}
          look="small"
          label={text.host}
          error={hostError}
          after={
            <>
              {guide && (
                <p className="mt-1 text-sm">
                  <a href={guide.href} target="_blank" rel="noopener noreferrer" className={textLink}>
                    {guide.label}
                  </a>
                </p>
              )}
              {alternatives.length > 0 && (
                <div className="mt-2 flex flex-wrap items-center gap-2 text-sm">
                  <span className="text-slate-600 dark:text-slate-300">{text.alternatives}</span>
                  {alternatives.map((alternative) => (
                    <button
                      key={alternative}
                      type="button"
                      className="min-h-8 rounded-md border border-slate-300 px-2 font-mono text-xs break-all hover:bg-slate-50 dark:border-slate-600 dark:hover:bg-slate-800"
                      aria-label={format(text.useAlternative, { host: alternative })}
                      onClick={() => {
                        setValue(hostField, alternative, { shouldValidate: true });
                        forgetServerError(hostField);
                        save();
                      }}
                    >
                      {alternative}
                    </button>
                  ))}
                </div>
              )}
            </>
          }
        >
          {(control) => (
            <input
              {...control}
              {...typedAsIs}
              inputMode="url"
              autoComplete="off"
              className={`${textInput} mt-1 font-mono`}
              {...host}
            />
          )}
        </Field>
        <div className="mt-3 grid gap-3 sm:grid-cols-[8rem_1fr]">
          {/* The port's hint and error run under the whole row, so they are placed apart from it. */}
          <div>
            <label htmlFor={portId} className="block text-sm font-medium">
              {text.port}
            </label>
            <input
              {...fieldControl({ id: portId, hint: true, error: portError })}
              type="text"
              inputMode="numeric"
              autoComplete="off"
              className={`${textInput} mt-1 font-mono`}
              {...port}
            />
          </div>
          <fieldset aria-describedby={tlsError ? fieldErrorId(tlsId) : undefined}>
            <legend className="block text-sm font-medium">{text.tls}</legend>
            <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
              {TLS_MODES.map((mode) => (
                <label key={mode} className="flex min-h-11 items-center gap-2">
                  <input
                    id={`manual-${protocol}-tls-${mode}`}
                    type="radio"
                    value={mode}
                    className="size-4"
                    {...tls}
                  />
                  {tlsNames[mode]}
                </label>
              ))}
            </div>
          </fieldset>
        </div>
        <FieldHint id={portId} look="small">
          {text.portHint[protocol]}
        </FieldHint>
        <FieldError id={portId} look="small" error={portError} />
        <FieldError id={tlsId} look="small" error={tlsError} />
      </fieldset>
    );
  };

  /** The login name, when it is not the address: empty means the address. */
  const loginNameField = () => {
    const loginError = errors.loginName?.message;
    const open = Boolean(loginError) || (loginOpenChoice ?? draft.values.loginName !== '');
    const login = register('loginName');
    // Filled in from the domain's autoconfig file and not typed over: say where it comes from.
    const fromFile = !draft.loginEdited && draft.loginTemplate !== undefined && draft.values.loginName !== '' && guess.publisher !== undefined;
    return (
      <details
        open={open}
        onToggle={(event) => setLoginOpenChoice(event.currentTarget.open)}
        className="mt-4 rounded-lg border border-slate-300 p-3 sm:p-4 dark:border-slate-700"
      >
        <summary className="flex min-h-11 cursor-pointer items-center font-medium">{text.loginToggle}</summary>
        <Field
          id={LOGIN_ID}
          look="small"
          wrapper="mt-2"
          label={text.loginLabel}
          hint={format(text.loginHint, { address: shownAddress(address, typed) })}
          error={loginError}
          after={
            fromFile && (
              <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">
                {format(text.loginFromAutoconfig, { publisher: shownDomain(guess.publisher ?? '', typed) })}
              </p>
            )
          }
        >
          {(control) => (
            <input
              {...control}
              {...typedAsIs}
              autoComplete="off"
              className={`${textInput} mt-1 font-mono`}
              {...login}
              onChange={async (event) => {
                await login.onChange(event);
                forgetServerError('loginName');
                save({ loginEdited: true });
              }}
            />
          )}
        </Field>
      </details>
    );
  };

  return (
    <section aria-labelledby="manual-servers-title" data-manual-servers className="mt-6">
      <h3 id="manual-servers-title" className="text-lg font-semibold">
        {text.title}
      </h3>
      <p className="mt-2 leading-7">{text.intro}</p>
      <p className="mt-2 text-sm leading-6 text-slate-700 dark:text-slate-200">{basisLine(text, domainShown, guess)}</p>
      <div className="mt-4 space-y-4">
        {protocolFields('imap')}
        {protocolFields('smtp')}
      </div>
      {loginNameField()}
      {draft.edited && (
        <button type="button" className={`${secondaryButton} mt-4`} onClick={restoreGuess}>
          {text.reset}
        </button>
      )}
    </section>
  );
}
