'use client';

import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useForm, useWatch, type Resolver } from 'react-hook-form';
import { format } from '@/lib/i18n/locale';
import type { ConnectMailboxInput, ConnectMailboxValues } from '@/lib/accounts/schema';
import type { SecretKind } from '@/lib/providers/types';
import { lazyConnectMailboxResolver } from '@/lib/wizard/client/logic-loader';
import { useShownDomain } from '@/lib/wizard/client/shown-domain';
import { useSessionStore } from '@/lib/wizard/client/session-store';
import { fallbackOffer } from '@/lib/wizard/fallback-offer';
import { addressStore, checkRunner, checkStore, resultStore, retryAtOf, serverChoiceStore } from '@/lib/wizard/client/stores';
import { codeFieldOf, ConnectFormView, type CarriedOver, type ConnectFormProps } from './connect-form';
import { formatRetryTime, useLockedUntil } from './lockout';
import { useConnectSubmit } from './use-connect-submit';

const SERVERS_HINT_ID = 'connect-servers-hint';

/**
 * Step 4's form driven by react-hook-form, validated by the shared schema (fetched with the
 * validation code). For a provider whose code has a known format, the field cleans what is
 * pasted as it arrives; a password (Sohu's, manual setup's) stays exactly as typed. The field
 * counts and warns, before any connection, when a code looks like a login password. The code
 * stays in this form's memory only. `carried`: what the form drawn before this one held
 * (./connect-form.tsx), taken over as it was, focus included.
 */
export function LiveConnectForm({ action, locale, text, carried }: ConnectFormProps & { carried: CarriedOver }) {
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
    defaultValues: { address: addressStore.get(), code: carried.code },
    mode: 'onTouched',
  });

  const storedAddress = useSessionStore(addressStore);
  const check = useSessionStore(checkStore);
  const lastResult = useSessionStore(resultStore);
  const retryAt = retryAtOf(lastResult);
  const locked = useLockedUntil(retryAt);
  const [pasted, setPasted] = useState(carried.pasted);

  // The address typed in step 1 and the one here are the same field, seen from two steps.
  useEffect(() => {
    if (getValues('address') !== storedAddress) setValue('address', storedAddress);
  }, [storedAddress, getValues, setValue]);

  const address = useWatch({ control, name: 'address' });
  const code = useWatch({ control, name: 'code' });
  const shownState = useShownDomain(address);
  const { shown, logic, manual, view } = shownState;
  const field = codeFieldOf(text, shownState, locale);
  const { secretProvider, secretKind, knownLength, expected } = field;
  useEffect(() => {
    secretKindRef.current = secretKind;
  }, [secretKind]);
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
    assessment.length > 0 &&
    (pasted || carried.blurred || Boolean(touchedFields.code) || submitCount > 0 || assessment.length >= expected);
  const looksLikePassword = assessment.warnings.includes('looks_like_password');
  const warning = !showWarnings
    ? null
    : looksLikePassword
      ? field.warnings.looks_like_password
      : assessment.warnings.includes('non_letters')
        ? field.warnings.non_letters
        : assessment.warnings.includes('wrong_length')
          ? format(field.warnings.wrong_length, { expected })
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

  // The form drawn before this one had focus in a field, or was sent: this one goes on from there.
  const formRef = useRef<HTMLFormElement | null>(null);
  useLayoutEffect(() => {
    const { focus } = carried;
    const element = focus ? (focus.id && document.getElementById(focus.id)) || formRef.current?.elements[focus.index] : undefined;
    if (!focus || !(element instanceof HTMLElement)) return;
    element.focus({ preventScroll: true });
    if (element instanceof HTMLInputElement && focus.start !== null && focus.end !== null) element.setSelectionRange(focus.start, focus.end);
  }, [carried]);
  const submittedBefore = useRef(carried.submitted);
  useEffect(() => {
    if (!submittedBefore.current) return;
    submittedBefore.current = false;
    checkRunner.get()?.();
  }, []);

  const addressField = register('address', {
    onChange: (event: { target: { value: string } }) => addressStore.set(event.target.value),
  });

  return (
    <ConnectFormView
      text={text}
      formRef={formRef}
      onSubmit={onSubmit}
      address={addressField}
      addressError={errors.address?.message}
      code={{
        label: field.label,
        hint: field.hint,
        registration: register('code'),
        clean: field.cleaning,
        cleanedAtStart: carried.cleanedNote,
        onPaste: () => setPasted(true),
        error: errors.code?.message,
        length: assessment.length,
        knownLength,
        expected,
        warning,
        confirm: looksLikePassword && askConfirm ? submitConfirmed : null,
      }}
      servers={
        showServerChoice && (
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
        )
      }
      check={check}
      formError={formError}
      running={running}
      lockedUntil={locked ? format(text.lockedUntil, { time: formatRetryTime(retryAt, locale) }) : null}
    />
  );
}
