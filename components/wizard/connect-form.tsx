'use client';

import { useEffect, useLayoutEffect, useRef, useState, type ClipboardEvent, type FormEvent, type ReactNode, type RefObject } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { CodeInput, type CodeCleaning } from '@/components/ui/code-input';
import { Field, typedAsIs } from '@/components/ui/field';
import { useHydrated } from '@/components/ui/use-hydrated';
import { Spinner } from '@/components/ui/spinner';
import { primaryButton, secondaryButton, textInput } from '@/components/ui/styles';
import { format, type Locale } from '@/lib/i18n/locale';
import type { WizardMessages as Messages } from '@/lib/i18n/messages/wizard';
import type { WizardLaterMessages } from '@/lib/i18n/messages/wizard-later';

/** The code form's words; other providers' come with the validation code (wizard-later.ts). */
export type ConnectFormText = Omit<Messages['configure'], 'byProvider'>;
import type { ConnectMailboxAction } from '@/lib/accounts/contract';
import { preloadWizardLogic } from '@/lib/wizard/client/logic-loader';
import { onDemand, useOnDemand } from '@/lib/wizard/client/on-demand';
import { useShownDomain, type ShownState } from '@/lib/wizard/client/shown-domain';
import { useSessionStore } from '@/lib/wizard/client/session-store';
import { addressStore, checkStore, resultStore, type CheckPhase } from '@/lib/wizard/client/stores';
import { CheckProgress } from './check-progress';

// Step 4's form. A first visit shows step 1, so the form is drawn (the same HTML, the same
// labels and ids) without react-hook-form, whose form (./connect-form-live.tsx) is fetched with
// the validation code: as soon as someone types an address, picks a provider, reaches this step
// or touches the form. What was typed or pasted here before it arrived is carried over to it.

export const ADDRESS_ID = 'connect-address';
export const CODE_ID = 'connect-code';
export const WARNING_ID = 'connect-code-warning';
export const FORM_ERROR_ID = 'connect-form-error';
export const SUBMIT_ID = 'connect-submit';

export interface ConnectFormProps {
  action: ConnectMailboxAction;
  locale: Locale;
  text: ConnectFormText;
}

/** What the form without react-hook-form hands to the one with it. */
export interface CarriedOver {
  code: string;
  /** Something was pasted into the code field (its warnings show at once). */
  pasted: boolean;
  /** The code field was left once (the warnings of a field the reader is done with show). */
  blurred: boolean;
  /** The note that the paste was cleaned is showing. */
  cleanedNote: boolean;
  /** The form control that had focus (its id, else its place in the form), and its selection. */
  focus: { id: string; index: number; start: number | null; end: number | null } | null;
  /** The form was submitted: the check runs once the form is here. */
  submitted: boolean;
}

/**
 * The code field in the provider's words (NetEase's are the catalog's own), how what is typed
 * into it is cleaned, and the length the counter counts to; the same for both forms.
 */
export function codeFieldOf(text: ConnectFormText, { shown, logic, manual, view }: ShownState, locale: Locale) {
  // Another provider's words come with the validation code, which has to be here to name one.
  const byProvider = logic?.WIZARD_LATER_MESSAGES[locale].byProvider as Record<string, WizardLaterMessages['byProvider']['qq'] | undefined> | undefined;
  const own = byProvider?.[shown.provider.id];
  // Whose rules the code follows: the provider the address names (or manual setup). With no
  // address yet, the one whose steps are shown, as the field's hint says. While a typed address
  // is not recognised yet (detection or its MX lookup still to come), none: the text is kept as
  // typed, since a password must not lose its spaces to a guess, and the server cleans it once
  // it knows the provider.
  const secretProvider = view.kind === 'known' || view.kind === 'empty' || manual ? shown.provider : null;
  const secretKind = secretProvider?.credential.kind;
  // No length on record (Sohu): the counter counts without a target and nothing is judged.
  const knownLength = shown.provider.credential.format?.length;
  // A code is cleaned with the provider's rules once the helpers are here; a password is never
  // rewritten: what is typed is sent.
  const cleaning: CodeCleaning = secretKind !== 'code' ? null : logic ? (typed) => logic.cleanSecret(typed, 'code') : 'loading';
  return {
    label: own?.label ?? text.codeLabel,
    hint: own?.hint ?? text.codeHint,
    warnings: own ?? text.warnings,
    secretProvider,
    secretKind,
    knownLength,
    expected: knownLength ?? 16,
    cleaning,
  };
}

/** What the form shows, computed by the form that is here. */
export interface ConnectFormViewProps {
  text: ConnectFormText;
  formRef: RefObject<HTMLFormElement | null>;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  /** The address field's wiring (react-hook-form's `register`, or the plain form's). */
  address: UseFormRegisterReturn;
  addressError?: string;
  code: {
    label: string;
    hint: string;
    registration: UseFormRegisterReturn;
    clean: CodeCleaning;
    cleanedAtStart?: boolean;
    onCleanedChange?: (cleaned: boolean) => void;
    onPaste: (event: ClipboardEvent<HTMLInputElement>) => void;
    error?: string;
    length: number;
    knownLength: number | undefined;
    expected: number;
    warning: string | null;
    /** "It is a code": shown under a warning that the code looks like a password. */
    confirm: (() => void) | null;
  };
  /** The servers to check, offered after a failed check of the address's own. */
  servers: ReactNode;
  check: CheckPhase;
  formError: string | null;
  running: boolean;
  /** The lockout's "try again at" line, while it lasts. */
  lockedUntil: string | null;
  /** On the form element: what starts fetching the form with react-hook-form. */
  formEvents?: Partial<Record<'onFocus' | 'onPointerDown' | 'onCompositionStart' | 'onCompositionEnd', () => void>>;
}

/** The form's HTML, the same whichever form drives it. */
export function ConnectFormView({
  text,
  formRef,
  onSubmit,
  address,
  addressError,
  code,
  servers,
  check,
  formError,
  running,
  lockedUntil,
  formEvents,
}: ConnectFormViewProps) {
  const locked = lockedUntil !== null;
  // Not before React runs the form: the browser would send the code in the page's address.
  const hydrated = useHydrated();
  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={onSubmit}
      onFocus={preloadWizardLogic}
      {...formEvents}
      aria-describedby={formError ? FORM_ERROR_ID : undefined}
      className="space-y-5"
    >
      <Field id={ADDRESS_ID} label={text.addressLabel} error={addressError}>
        {(control) => (
          <input {...control} {...typedAsIs} inputMode="email" autoComplete="email" className={`${textInput} mt-2`} {...address} />
        )}
      </Field>

      <CodeInput
        id={CODE_ID}
        label={code.label}
        labelAside={
          <span
            id="connect-code-counter"
            className={`font-mono text-sm tabular-nums ${
              code.knownLength !== undefined && code.length === code.knownLength ? 'text-green-800 dark:text-green-300' : 'text-slate-600 dark:text-slate-300'
            }`}
          >
            <span aria-hidden="true">
              {format(code.knownLength === undefined ? text.counterFree : text.counter, { length: code.length, expected: code.expected })}
            </span>
            <span className="sr-only">
              {format(code.knownLength === undefined ? text.counterFreeLabel : text.counterLabel, { length: code.length, expected: code.expected })}
            </span>
          </span>
        }
        hint={code.hint}
        describedBy={['connect-code-counter', code.warning && WARNING_ID]}
        error={code.error}
        registration={code.registration}
        clean={code.clean}
        cleanedNote={text.cleaned}
        cleanedAtStart={code.cleanedAtStart}
        onCleanedChange={code.onCleanedChange}
        onPaste={code.onPaste}
        after={
          <div
            id={WARNING_ID}
            tabIndex={-1}
            aria-live="polite"
            className={
              code.warning
                ? 'mt-3 rounded-lg border border-amber-400 bg-amber-50 p-3 text-sm leading-6 text-amber-950 dark:border-amber-600 dark:bg-amber-950 dark:text-amber-100'
                : ''
            }
          >
            {code.warning && <p>{code.warning}</p>}
            {code.warning && code.confirm && (
              <button type="button" className={`${secondaryButton} mt-3`} onClick={code.confirm}>
                {text.confirmPassword}
              </button>
            )}
          </div>
        }
      />

      {servers}

      <CheckProgress check={check} text={text} />

      <div id={FORM_ERROR_ID} tabIndex={-1} aria-live="polite" className="text-sm text-red-700 dark:text-red-300">
        {formError && <p>{formError}</p>}
      </div>

      <div className="flex flex-wrap items-center gap-3">
        <button
          id={SUBMIT_ID}
          type="submit"
          disabled={locked || !hydrated}
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
            {lockedUntil}
          </p>
        )}
      </div>
      <noscript>
        <p className="text-sm">{text.noscript}</p>
      </noscript>
    </form>
  );
}

const liveForm = onDemand(() => import('./connect-form-live'));

/**
 * Step 4: the address and the authorization code, checked on the server by `action` (the page
 * passes app/actions.ts `connectMailbox`; its contract is lib/accounts/contract.ts). This draws
 * the form until react-hook-form's (./connect-form-live.tsx) is here, then hands over to it.
 */
export function ConnectForm(props: ConnectFormProps) {
  const { text } = props;
  const storedAddress = useSessionStore(addressStore);
  const check = useSessionStore(checkStore);
  const lastResult = useSessionStore(resultStore);
  const [touched, setTouched] = useState(false);
  const shownState = useShownDomain(storedAddress);
  // Typing or a pick on step 1, this step or the result step fetch the validation code (see
  // StepNavigator); the form comes after it, or at once when this form is touched.
  const live = useOnDemand(liveForm, touched || shownState.logic !== null || lastResult !== null || check.phase !== 'idle');

  const formRef = useRef<HTMLFormElement | null>(null);
  const addressRef = useRef<HTMLInputElement | null>(null);
  const codeRef = useRef<HTMLInputElement | null>(null);
  const [codeLength, setCodeLength] = useState(0);
  const carried = useRef({ pasted: false, blurred: false, cleanedNote: false, submitted: false });
  // An input method composing, or a press not yet released: the hand-over waits for either to end,
  // since new fields would break the composition and lose the click.
  const busy = useRef({ composing: false, pressing: false });
  const [waited, setWaited] = useState(0);
  const [handedOver, setHandedOver] = useState<CarriedOver | null>(null);

  // The address typed in step 1 and the one here are the same field, seen from two steps.
  useEffect(() => {
    if (addressRef.current && addressRef.current.value !== storedAddress) addressRef.current.value = storedAddress;
  }, [storedAddress]);

  // Read and handed over in the same task as the new form's first paint: no key pressed in
  // between can be lost.
  useLayoutEffect(() => {
    if (!live || handedOver || busy.current.composing || busy.current.pressing) return;
    const form = formRef.current;
    const active = document.activeElement;
    const index = form && active ? Array.prototype.indexOf.call(form.elements, active) : -1;
    const selection = active instanceof HTMLInputElement ? { start: active.selectionStart, end: active.selectionEnd } : { start: null, end: null };
    const id = active instanceof HTMLElement ? active.id : '';
    setHandedOver({ ...carried.current, code: codeRef.current?.value ?? '', focus: index === -1 ? null : { id, index, ...selection } });
  }, [live, handedOver, waited]);

  useEffect(() => {
    const released = () => {
      if (!busy.current.pressing) return;
      // After the click that the release makes has been handled.
      setTimeout(() => {
        busy.current.pressing = false;
        setWaited((n) => n + 1);
      });
    };
    window.addEventListener('pointerup', released);
    window.addEventListener('pointercancel', released);
    return () => {
      window.removeEventListener('pointerup', released);
      window.removeEventListener('pointercancel', released);
    };
  }, []);

  if (live && handedOver) return <live.LiveConnectForm {...props} carried={handedOver} />;

  const field = codeFieldOf(text, shownState, props.locale);
  return (
    <ConnectFormView
      text={text}
      formRef={formRef}
      onSubmit={(event) => {
        event.preventDefault();
        carried.current.submitted = true;
        setTouched(true);
      }}
      // The shape react-hook-form's `register` gives, for the same fields.
      address={{
        name: 'address',
        ref: (element: HTMLInputElement | null) => {
          addressRef.current = element;
        },
        onChange: async (event) => addressStore.set(event.target.value),
        onBlur: async () => {},
      }}
      code={{
        label: field.label,
        hint: field.hint,
        registration: {
          name: 'code',
          ref: (element: HTMLInputElement | null) => {
            codeRef.current = element;
          },
          onChange: async (event) => setCodeLength(event.target.value.length),
          onBlur: async () => {
            carried.current.blurred = true;
          },
        },
        clean: field.cleaning,
        onPaste: () => (carried.current.pasted = true),
        onCleanedChange: (cleaned) => (carried.current.cleanedNote = cleaned),
        length: codeLength,
        knownLength: field.knownLength,
        expected: field.expected,
        warning: null,
        confirm: null,
      }}
      servers={null}
      check={check}
      formError={null}
      running={check.phase === 'running'}
      lockedUntil={null}
      formEvents={{
        onFocus: () => {
          preloadWizardLogic();
          setTouched(true);
        },
        onPointerDown: () => {
          busy.current.pressing = true;
          setTouched(true);
        },
        onCompositionStart: () => (busy.current.composing = true),
        onCompositionEnd: () => {
          busy.current.composing = false;
          setWaited((n) => n + 1);
        },
      }}
    />
  );
}
