'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useTransition, type FormEvent } from 'react';
import type { UseFormHandleSubmit, UseFormSetError, UseFormSetValue, FieldErrors } from 'react-hook-form';
import type { ConnectField, ConnectMailboxAction, ConnectMailboxResult } from '@/lib/accounts/contract';
import type { ConnectMailboxInput, ConnectMailboxValues } from '@/lib/accounts/schema';
import type { FailureOf } from '@/lib/actions/result';
import type { Locale } from '@/lib/i18n/locale';
import type { WizardMessages as Messages } from '@/lib/i18n/messages/wizard';
import type { MailProvider } from '@/lib/providers/types';
import { loadWizardLogic } from '@/lib/wizard/client/logic-loader';
import { manualFieldErrors, manualFieldId, MANUAL_FIELDS, type ManualField } from '@/lib/wizard/manual-setup';
import { goToStep } from '@/lib/wizard/client/navigation';
import { useSessionStore } from '@/lib/wizard/client/session-store';
import { manualDraftStore } from '@/lib/wizard/client/manual-draft-store';
import { checkRunner, checkStore, manualErrorsStore, resultStore, serverChoiceStore, type ShownResult } from '@/lib/wizard/client/stores';
import { ADDRESS_ID, CODE_ID, FORM_ERROR_ID, WARNING_ID } from './connect-form';
import { askSignInStore, signInWantedStore } from './save-account-store';

// The code form's submit (components/wizard/connect-form-live.tsx): what runs between the press and
// the result step. The typed servers are checked first, a code that looks like a password asks
// once, a reader the page knows is not signed in signs in on this step first (the code stays
// here), then the action runs and its answer goes where the reader will look: a complaint on its
// field (the servers' on step 1), anything else to the result step, kept for the tab.


type WizardLogic = typeof import('@/lib/wizard/client/logic');

/** The action's answer as the result step shows it and the tab keeps it (lib/wizard/client/stores.ts). */
function shownResult(result: Exclude<ConnectMailboxResult, { code: 'invalid' | 'signed_out' }>): ShownResult {
  if (result.ok) {
    const { passed, ...checked } = result.data;
    return { status: 'checked', ok: passed, ...checked };
  }
  return { status: 'refused', reason: result.reason, retryAt: result.retryAt };
}

export function useConnectSubmit({
  action,
  locale,
  text,
  handleSubmit,
  setError,
  setValue,
  logic,
  manual,
  provider,
  hasAlternative,
  locked,
}: {
  action: ConnectMailboxAction;
  locale: Locale;
  text: Pick<Messages['configure'], 'manualInvalid' | 'networkError'>;
  handleSubmit: UseFormHandleSubmit<ConnectMailboxInput, ConnectMailboxValues>;
  setError: UseFormSetError<ConnectMailboxInput>;
  setValue: UseFormSetValue<ConnectMailboxInput>;
  /** The validation code, once here (lib/wizard/client/logic-loader.ts). */
  logic: WizardLogic | null;
  /** Manual setup: the servers typed on step 1 go with the code. */
  manual: boolean;
  /** Whose code this is, for the warning that it looks like a password. */
  provider: Pick<MailProvider, 'credential'>;
  /** The provider has fallback servers the reader may have picked. */
  hasAlternative: boolean;
  /** The lockout refused the last check and has not run out yet. */
  locked: boolean;
}) {
  const check = useSessionStore(checkStore);
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const [formError, setFormError] = useState<string | null>(null);
  const [askConfirm, setAskConfirm] = useState(false);
  // The code the reader said is a code despite the warning; not asked again for it.
  const [confirmedCode, setConfirmedCode] = useState<string | null>(null);
  const running = isPending || check.phase === 'running';

  // Problems with the servers typed on step 1 are shown there, on their fields.
  const showManualProblems = (problems: Partial<Record<ManualField, string>>) => {
    manualErrorsStore.set(problems);
    setFormError(text.manualInvalid);
    const first = MANUAL_FIELDS.find((field) => problems[field]);
    goToStep('core-parameters-configuration', first ? manualFieldId(first) : undefined);
  };

  /** `invalid`, in words, on the fields it names: the address and code here, the servers on step 1. */
  const showInvalid = async (result: Extract<FailureOf<ConnectMailboxResult>, { code: 'invalid' }>) => {
    // Loaded by the submit's own validation already; the words come with it.
    const { issueText } = await loadWizardLogic();
    const words: Partial<Record<ConnectField, string[]>> = {};
    for (const [field, issues] of Object.entries(result.fieldErrors) as [ConnectField, typeof result.fieldErrors.address][]) {
      if (issues?.length) words[field] = issues.map((issue) => issueText(issue, locale));
    }
    const addressError = words.address?.[0];
    const codeError = words.code?.[0];
    if (addressError) setError('address', { type: 'server', message: addressError });
    if (codeError) setError('code', { type: 'server', message: codeError });
    const serverProblems = manualFieldErrors(words);
    if (!addressError && !codeError && Object.keys(serverProblems).length > 0) {
      showManualProblems(serverProblems);
      return;
    }
    setFormError(result.formError !== undefined ? issueText(result.formError, locale) : null);
    goToStep('configure-in-client', addressError ? ADDRESS_ID : codeError ? CODE_ID : FORM_ERROR_ID);
  };

  const runCheck = (values: ConnectMailboxValues, confirmed = false) => {
    if (running || locked) return;
    const servers = manual ? manualDraftStore.get()?.values : undefined;
    if (servers && logic) {
      const problems = logic.manualServerProblems(servers, locale);
      if (Object.keys(problems).length > 0) {
        showManualProblems(problems);
        return;
      }
    }
    // Warn, do not block: a login password always fails, and failures count toward the lockout.
    const passwordLike = logic?.assessAuthCode(values.code, provider).warnings.includes('looks_like_password');
    if (passwordLike && !confirmed && confirmedCode !== values.code) {
      setAskConfirm(true);
      goToStep('configure-in-client', WARNING_ID);
      return;
    }
    if (confirmed) setConfirmedCode(values.code);
    setAskConfirm(false);
    // Not signed in, as the page knows: the panel on this step signs the reader in, and runs
    // this again with the code still here. The code is not sent to an action that would refuse it.
    const askSignIn = askSignInStore.get();
    if (askSignIn) {
      askSignIn();
      return;
    }
    setFormError(null);
    manualErrorsStore.set(null);
    checkStore.set({ phase: 'running' });
    // Read at submit time: the result step's "check with the fallback servers" picks and submits at once.
    const picked = hasAlternative ? serverChoiceStore.get() : null;
    startTransition(async () => {
      let result: ConnectMailboxResult;
      try {
        result = await action({
          address: values.address,
          code: values.code,
          ...(picked !== null ? { alternative: picked } : {}),
          ...(servers ? { manual: servers } : {}),
        });
        if (!result.ok && result.code === 'invalid') {
          checkStore.set({ phase: 'idle' });
          await showInvalid(result);
          return;
        }
        if (!result.ok && result.code === 'signed_out') {
          // The session ended since the page was drawn: drawn again, it has the sign-in panel,
          // which opens. The code stays in the field meanwhile.
          checkStore.set({ phase: 'idle' });
          const ask = askSignInStore.get();
          if (ask) {
            ask();
          } else {
            signInWantedStore.set(true);
            router.refresh();
          }
          return;
        }
      } catch {
        checkStore.set({ phase: 'idle' });
        setFormError(text.networkError);
        goToStep('configure-in-client', FORM_ERROR_ID);
        return;
      }
      checkStore.set(result.ok ? { phase: 'done', imap: result.data.imap, smtp: result.data.smtp } : { phase: 'idle' });
      // A saved code has done its job; drop it from memory too.
      if (result.ok && result.data.passed) setValue('code', '');
      resultStore.set(shownResult(result));
      goToStep('result');
    });
  };

  const onInvalid = (invalid: FieldErrors<ConnectMailboxInput>) => {
    // The result step's "check again" can land here with the code gone (after a reload).
    goToStep('configure-in-client', invalid.address ? ADDRESS_ID : CODE_ID);
  };
  const submit = handleSubmit((values) => runCheck(values), onInvalid);
  const submitConfirmed = handleSubmit((values) => runCheck(values, true), onInvalid);

  // The result step runs the latest submit through one stable function.
  const latestSubmit = useRef(submit);
  useEffect(() => {
    latestSubmit.current = submit;
  });
  useEffect(() => {
    checkRunner.set(() => {
      latestSubmit.current().catch(() => setFormError(text.networkError));
    });
    return () => checkRunner.set(null);
  }, [text.networkError]);

  return {
    /** The form's onSubmit. */
    onSubmit: (event: FormEvent<HTMLFormElement>) => {
      submit(event).catch(() => setFormError(text.networkError));
    },
    /** "It is a code": submits once more, past the warning. */
    submitConfirmed: () => void submitConfirmed(),
    running,
    formError,
    askConfirm,
  };
}
