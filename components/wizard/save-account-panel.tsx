'use client';

import { useCallback, useEffect, useState } from 'react';
import type { InlineAuthActions } from '@/components/auth/inline-auth';
import { secondaryButton } from '@/components/ui/styles';
import type { Locale } from '@/lib/i18n/locale';
import type { WizardMessages } from '@/lib/i18n/messages/wizard';
import { goToStep } from '@/lib/wizard/client/navigation';
import { onDemand, useOnDemand } from '@/lib/wizard/client/on-demand';
import { checkRunner } from '@/lib/wizard/client/stores';
import { CODE_ID, SUBMIT_ID } from './connect-form';
import { askSignInStore, signInWantedStore } from './save-account-store';

// Step 4 for a reader who is not signed in (the page draws this only for them): signing in or up
// happens here, beside the code form, so the code pasted below never has to be pasted again. It
// stays in the form's memory; this panel never reads it. Once signed in, the check runs as if
// 「检测并保存」 had been pressed, and the page, drawn again by the sign-in action, no longer shows
// this panel.

/** The panel's words; the page sends no others with it. */
export type SaveAccountPanelText = Pick<WizardMessages['saveAccount'], 'panelTitle' | 'panel' | 'choose' | 'haveAccount' | 'newHere' | 'asked' | 'loading'>;

const inlineAuth = onDemand(() => import('@/components/auth/inline-auth'));

const TITLE_ID = 'save-account-title';

type Mode = 'sign-in' | 'sign-up';

export function SaveAccountPanel({
  locale,
  text,
  actions,
}: {
  locale: Locale;
  text: SaveAccountPanelText;
  actions: InlineAuthActions;
}) {
  // Drawn because a check found the session over (signInWantedStore): open from the start.
  const [mode, setMode] = useState<Mode | null>(() => (signInWantedStore.get() ? 'sign-up' : null));
  // A check was asked for: the panel says the check goes on once signed in.
  const [asked, setAsked] = useState(() => signInWantedStore.get());
  const forms = useOnDemand(inlineAuth, mode !== null);

  const openForCheck = useCallback(() => {
    setAsked(true);
    // Someone asked to check a code is most likely new here; the other form is one press away.
    setMode((current) => current ?? 'sign-up');
    goToStep('configure-in-client', TITLE_ID);
  }, []);

  useEffect(() => {
    askSignInStore.set(openForCheck);
    return () => {
      if (askSignInStore.get() === openForCheck) askSignInStore.set(null);
    };
  }, [openForCheck]);

  useEffect(() => {
    if (!signInWantedStore.get()) return;
    signInWantedStore.set(false);
    goToStep('configure-in-client', TITLE_ID);
  }, []);

  const signedIn = () => {
    // Signed in from now on: the check must not come back here.
    askSignInStore.set(null);
    const code = document.getElementById(CODE_ID);
    const run = checkRunner.get();
    // This panel goes away with the page drawn again: focus goes where the reader continues.
    if (run && code instanceof HTMLInputElement && code.value !== '') {
      document.getElementById(SUBMIT_ID)?.focus();
      run();
    } else {
      code?.focus();
    }
  };

  const choice = (value: Mode, label: string) => (
    <button
      type="button"
      aria-pressed={mode === value}
      onClick={() => setMode(value)}
      className={`${secondaryButton} aria-pressed:border-blue-700 aria-pressed:bg-blue-100 dark:aria-pressed:border-blue-300 dark:aria-pressed:bg-blue-900`}
    >
      {label}
    </button>
  );

  return (
    <section
      aria-labelledby={TITLE_ID}
      className="mb-6 rounded-xl border border-blue-200 bg-blue-50 p-4 dark:border-blue-800 dark:bg-blue-950"
    >
      <h3 id={TITLE_ID} tabIndex={-1} className="font-semibold text-blue-950 dark:text-blue-100">
        {text.panelTitle}
      </h3>
      <p className="mt-1 text-sm leading-6 text-blue-950 dark:text-blue-100">{text.panel}</p>
      <div role="group" aria-label={text.choose} className="mt-3 flex flex-wrap gap-3">
        {choice('sign-in', text.haveAccount)}
        {choice('sign-up', text.newHere)}
      </div>
      {/* Always in the page, so what appears in it is announced. */}
      <p aria-live="polite" className={asked ? 'mt-3 text-sm font-medium text-blue-950 dark:text-blue-100' : undefined}>
        {asked ? text.asked : ''}
      </p>
      {mode !== null &&
        (forms ? (
          <forms.InlineAuth mode={mode} locale={locale} actions={actions} onSignedIn={signedIn} />
        ) : (
          <p role="status" className="mt-4 text-sm">
            {text.loading}
          </p>
        ))}
    </section>
  );
}
