'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { useForm, useWatch, type Resolver } from 'react-hook-form';
import { CodeInput, type CodeCleaning } from '@/components/ui/code-input';
import { Field, typedAsIs } from '@/components/ui/field';
import { Spinner } from '@/components/ui/spinner';
import { primaryButton, secondaryButton, textInput } from '@/components/ui/styles';
import { format, type Locale } from '@/lib/i18n/locale';
import type { WizardMessages as Messages } from '@/lib/i18n/messages/wizard';
import type { ConnectMailboxAction } from '@/lib/accounts/contract';
import type { ConnectMailboxInput, ConnectMailboxValues } from '@/lib/accounts/schema';
import type { SecretKind } from '@/lib/providers/types';
import { lazyConnectMailboxResolver, preloadWizardLogic } from '@/lib/wizard/client/logic-loader';
import { useShownDomain } from '@/lib/wizard/client/shown-domain';
import { useSessionStore } from '@/lib/wizard/client/session-store';
import { fallbackOffer } from '@/lib/wizard/fallback-offer';
import { addressStore, checkStore, resultStore, retryAtOf, serverChoiceStore } from '@/lib/wizard/client/stores';
import { CheckProgress } from './check-progress';
import { formatRetryTime, useLockedUntil } from './lockout';
import { ADDRESS_ID, CODE_ID, FORM_ERROR_ID, useConnectSubmit, WARNING_ID } from './use-connect-submit';

const SERVERS_HINT_ID = 'connect-servers-hint';

/**
 * Step 4: the address and the authorization code, checked on the server by `action` (the page
 * passes app/actions.ts `connectMailbox`; its contract is lib/accounts/contract.ts). For a
 * provider whose code has a known format, the field cleans what is pasted as it arrives; a
 * password (Sohu's, manual setup's) stays exactly as typed. The field counts and warns, before
 * any connection, when a code looks like a login password. It stays in this form's memory only.
 */
export function ConnectForm({
  action,
  locale,
  text,
}: {
  action: ConnectMailboxAction;
  locale: Locale;
  text: Messages['configure'];
}) {
  // The provider, and so how the code is cleaned, is known only further down and may change;
  // the resolver asks for it at each validation.
  const secretKindRef = useRef<SecretKind | undefined>(undefined);
  const resolver = useCallback<Resolver<ConnectMailboxInput, unknown, ConnectMailboxValues>>(
    (values, context, options) => lazyConnectMailboxResolver(locale, secretKindRef.current)(values, context, options),
    [locale],
  );
  const {
    register,
    handleSubmit,
    setValue,
    getValues,
    setError,
    control,
    formState: { errors, touchedFields, submitCount },
  } = useForm<ConnectMailboxInput, unknown, ConnectMailboxValues>({
    resolver,
    // Which servers to check is not a form field: it is offered only after a failed check, and
    // the result step can pick it too (serverChoiceStore).
    defaultValues: { address: '', code: '' },
    mode: 'onTouched',
  });

  const storedAddress = useSessionStore(addressStore);
  const check = useSessionStore(checkStore);
  const lastResult = useSessionStore(resultStore);
  const retryAt = retryAtOf(lastResult);
  const locked = useLockedUntil(retryAt);
  const [pasted, setPasted] = useState(false);

  // The address typed in step 1 and the one here are the same field, seen from two steps.
  useEffect(() => {
    if (getValues('address') !== storedAddress) setValue('address', storedAddress);
  }, [storedAddress, getValues, setValue]);

  const address = useWatch({ control, name: 'address' });
  const code = useWatch({ control, name: 'code' });
  const { shown, logic, manual, view } = useShownDomain(address);
  // Whose rules the code follows: the provider the address names (or manual setup). With no
  // address yet, the one whose steps are shown, as the field's hint says. While a typed address
  // is not recognised yet (detection or its MX lookup still to come), none: the text is kept as
  // typed, since a password must not lose its spaces to a guess, and the server cleans it once
  // it knows the provider.
  const secretProvider = view.kind === 'known' || view.kind === 'empty' || manual ? shown.provider : null;
  const secretKind = secretProvider?.credential.kind;
  useEffect(() => {
    secretKindRef.current = secretKind;
  }, [secretKind]);
  // The code field in the provider's words (NetEase's are the catalog's own).
  const own = (text.byProvider as Record<string, (typeof text.byProvider)['qq'] | undefined>)[shown.provider.id];
  const words = {
    label: own?.label ?? text.codeLabel,
    hint: own?.hint ?? text.codeHint,
    warnings: own ?? text.warnings,
  };
  // No length on record (Sohu): the counter counts without a target and nothing is judged.
  const knownLength = shown.provider.credential.format?.length;
  const expected = knownLength ?? 16;
  // Until the helpers arrive (they come with the step), the counter counts what is there.
  const assessment = logic?.assessAuthCode(code, shown.provider) ?? {
    length: code.length,
    expectedLength: expected,
    looksValid: false,
    warnings: [],
  };

  // A code typed before the helpers arrived, or before the address named its provider, is
  // cleaned as soon as both are here (for a paste with no address yet, the paste handler has
  // already said so).
  useEffect(() => {
    if (!logic || secretProvider?.credential.kind !== 'code') return;
    const current = getValues('code');
    const clean = logic.cleanSecret(current, 'code');
    if (clean !== current) setValue('code', clean, { shouldValidate: submitCount > 0 });
  }, [logic, secretProvider, getValues, setValue, submitCount]);

  const showWarnings =
    assessment.length > 0 && (pasted || Boolean(touchedFields.code) || submitCount > 0 || assessment.length >= expected);
  const looksLikePassword = assessment.warnings.includes('looks_like_password');
  const warning = !showWarnings
    ? null
    : looksLikePassword
      ? words.warnings.looks_like_password
      : assessment.warnings.includes('non_letters')
        ? words.warnings.non_letters
        : assessment.warnings.includes('wrong_length')
          ? format(words.warnings.wrong_length, { expected })
          : null;
  const hasAlternative = shown.alternatives.length > 0;
  const serverChoice = useSessionStore(serverChoiceStore);
  const current = view.kind === 'known' ? { address: view.address, alternatives: shown.alternatives } : null;
  // The fallback servers appear only after a failed check of this very address (or while picked,
  // so the pick can be undone); never on a first visit, never picked by default.
  const showServerChoice = hasAlternative && (fallbackOffer(lastResult, current).kind !== 'none' || serverChoice !== null);
  // Another address, another mailbox: a pick made after one address failed does not carry over,
  // not even to another address on the same domain (it has failed nothing yet).
  const addressKey = view.kind === 'known' || view.kind === 'unknown' ? view.address : address.trim();
  useEffect(() => {
    serverChoiceStore.set(null);
  }, [addressKey]);
  const { onSubmit, submitConfirmed, running, formError, askConfirm } = useConnectSubmit({
    action,
    locale,
    text,
    handleSubmit,
    setError,
    setValue,
    logic,
    manual: Boolean(manual),
    provider: shown.provider,
    hasAlternative,
    locked,
  });

  const addressField = register('address', {
    onChange: (event: { target: { value: string } }) => addressStore.set(event.target.value),
  });
  const codeField = register('code');

  // A code is cleaned with the provider's rules once the helpers are here; a password is never
  // rewritten: what is typed is sent.
  const codeCleaning: CodeCleaning = secretKind !== 'code' ? null : logic ? (typed) => logic.cleanSecret(typed, 'code') : 'loading';

  return (
    <form
      noValidate
      onSubmit={onSubmit}
      onFocus={preloadWizardLogic}
      aria-describedby={formError ? FORM_ERROR_ID : undefined}
      className="space-y-5"
    >
      <Field id={ADDRESS_ID} label={text.addressLabel} error={errors.address?.message}>
        {(control) => (
          <input
            {...control}
            {...typedAsIs}
            inputMode="email"
            autoComplete="email"
            className={`${textInput} mt-2`}
            {...addressField}
          />
        )}
      </Field>

      <CodeInput
        id={CODE_ID}
        label={words.label}
        labelAside={
          <span
            id="connect-code-counter"
            className={`font-mono text-sm tabular-nums ${
              knownLength !== undefined && assessment.length === knownLength ? 'text-green-800 dark:text-green-300' : 'text-slate-600 dark:text-slate-300'
            }`}
          >
            <span aria-hidden="true">
              {format(knownLength === undefined ? text.counterFree : text.counter, { length: assessment.length, expected })}
            </span>
            <span className="sr-only">
              {format(knownLength === undefined ? text.counterFreeLabel : text.counterLabel, { length: assessment.length, expected })}
            </span>
          </span>
        }
        hint={words.hint}
        describedBy={['connect-code-counter', warning && WARNING_ID]}
        error={errors.code?.message}
        registration={codeField}
        clean={codeCleaning}
        cleanedNote={text.cleaned}
        onPaste={() => setPasted(true)}
        after={
          <div
            id={WARNING_ID}
            tabIndex={-1}
            aria-live="polite"
            className={warning ? 'mt-3 rounded-lg border border-amber-400 bg-amber-50 p-3 text-sm leading-6 text-amber-950 dark:border-amber-600 dark:bg-amber-950 dark:text-amber-100' : ''}
          >
            {warning && <p>{warning}</p>}
            {warning && looksLikePassword && askConfirm && (
              <button
                type="button"
                className={`${secondaryButton} mt-3`}
                onClick={submitConfirmed}
              >
                {text.confirmPassword}
              </button>
            )}
          </div>
        }
      />

      {showServerChoice && (
        <fieldset aria-describedby={SERVERS_HINT_ID}>
          <legend className="font-medium">{text.serversLegend}</legend>
          <p id={SERVERS_HINT_ID} className="mt-1 text-sm text-slate-600 dark:text-slate-300">
            {text.serversHint}
          </p>
          <div className="mt-2 space-y-2">
            <label className="flex items-start gap-2">
              <input
                type="radio"
                name="servers"
                className="mt-1 size-4 shrink-0"
                checked={serverChoice === null}
                onChange={() => serverChoiceStore.set(null)}
              />
              <span className="min-w-0 break-words">
                {format(text.serversOwn, { domain: shown.info.domain || shown.provider.name[locale] })}
              </span>
            </label>
            <label className="flex items-start gap-2">
              <input
                type="radio"
                name="servers"
                className="mt-1 size-4 shrink-0"
                checked={serverChoice === 0}
                onChange={() => serverChoiceStore.set(0)}
              />
              <span className="min-w-0 break-words">
                {format(text.serversAlternative, { host: shown.alternatives[0]?.imap.host ?? '' })}
              </span>
            </label>
          </div>
        </fieldset>
      )}

      <CheckProgress check={check} text={text} />

      <div id={FORM_ERROR_ID} tabIndex={-1} aria-live="polite" className="text-sm text-red-700 dark:text-red-300">
        {formError && <p>{formError}</p>}
      </div>

      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          disabled={locked}
          aria-disabled={running || undefined}
          aria-describedby={locked ? 'connect-locked' : undefined}
          className={primaryButton}
          // Leaving the code field shows its warnings, which pushes this button down between
          // press and release, and the click would be lost. Keeping focus in the field on press
          // lets the click land; the submit then shows the warnings anyway.
          onMouseDown={(event) => event.preventDefault()}
        >
          {running && <Spinner />}
          {running ? text.submitting : text.submit}
        </button>
        {locked && (
          <p id="connect-locked" className="text-sm text-slate-700 dark:text-slate-200">
            {format(text.lockedUntil, { time: formatRetryTime(retryAt, locale) })}
          </p>
        )}
      </div>
      <noscript>
        <p className="text-sm">{text.noscript}</p>
      </noscript>
    </form>
  );
}
