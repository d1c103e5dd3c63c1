'use client';

import { useState } from 'react';
import { ServerTable } from '@/components/providers/server-table';
import { textInput } from '@/components/ui/styles';
import { format, type Locale } from '@/lib/i18n/locale';
import type { Messages } from '@/lib/i18n/messages/zh';
import { shownDomainOf, type AddressView } from '@/lib/wizard/default-domain';
import { preloadWizardLogic, useWizardLogic } from '@/lib/wizard/logic-loader';
import { useSessionStore } from '@/lib/wizard/session-store';
import { addressStore } from '@/lib/wizard/stores';

/**
 * Step 1: the address, the provider recognised as it is typed, and the servers for it. The
 * address is shared with the later steps (webmail link, code form) and kept for the tab.
 */
export function AddressStep({ locale, text }: { locale: Locale; text: Messages['address'] }) {
  const typed = useSessionStore(addressStore);
  const [blurred, setBlurred] = useState(false);
  const logic = useWizardLogic(typed !== '');
  const view: AddressView = typed.trim() === '' ? { kind: 'empty' } : logic ? logic.viewAddress(typed) : { kind: 'pending' };
  const shown = shownDomainOf(view);
  const showError = view.kind === 'invalid' && blurred;
  const alternative = shown.alternatives[0];

  return (
    <div>
      <p className="leading-7">{text.intro}</p>
      <div className="mt-4">
        <label htmlFor="wizard-address" className="block font-medium">
          {text.label}
        </label>
        <p id="wizard-address-hint" className="mt-1 text-sm text-slate-600 dark:text-slate-300">
          {text.hint}
        </p>
        <input
          id="wizard-address"
          name="address"
          type="text"
          inputMode="email"
          autoComplete="email"
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          placeholder={text.placeholder}
          value={typed}
          onChange={(event) => addressStore.set(event.target.value)}
          onFocus={preloadWizardLogic}
          onBlur={() => setBlurred(true)}
          aria-invalid={showError || undefined}
          aria-describedby={`wizard-address-hint wizard-address-status`}
          className={`${textInput} mt-2`}
        />
        {/* One line, always present, so typing never moves the table below it. */}
        <div
          id="wizard-address-status"
          role="status"
          className={`mt-2 min-h-12 text-sm leading-6 ${showError ? 'text-red-700 dark:text-red-300' : 'text-slate-700 dark:text-slate-200'}`}
        >
          {view.kind === 'empty' && text.waiting}
          {view.kind === 'pending' && text.detecting}
          {view.kind === 'known' && (
            <>
              <span className="font-medium">{format(text.detected, { name: shown.info.name[locale] })}</span>
              {!shown.info.confirmed && (
                <span className="ml-2 inline-block rounded bg-amber-100 px-1.5 text-xs font-semibold text-amber-900 dark:bg-amber-900 dark:text-amber-100">
                  {text.unconfirmedBadge}
                </span>
              )}
              <br />
              <span className="break-all">{format(text.usingAddress, { address: view.address })}</span>
            </>
          )}
          {view.kind === 'unknown' && format(text.unknown, { domain: view.domain })}
          {view.kind === 'invalid' && (showError ? view.message[locale] : text.waiting)}
        </div>
      </div>

      {!shown.info.confirmed && (
        <p className="mt-3 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm leading-6 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
          {format(text.unconfirmed, { domain: shown.info.domain })}
        </p>
      )}

      <div className="mt-6">
        <ServerTable
          endpoints={shown.endpoints}
          caption={view.kind === 'known' ? format(text.tableCaption, { name: shown.info.name[locale] }) : text.defaultTableCaption}
          text={text}
        />
      </div>
      <p className="mt-3 text-sm leading-6">{text.username}</p>
      {shown.provider.hostNote && (
        <p className="mt-3 text-sm leading-6 text-slate-600 dark:text-slate-300">{shown.provider.hostNote[locale]}</p>
      )}
      {alternative && (
        <details className="mt-4 rounded-lg border border-slate-200 p-3 dark:border-slate-700">
          <summary className="cursor-pointer font-medium">{text.alternativeTitle}</summary>
          <p className="mt-2 text-sm">{text.alternativeIntro}</p>
          <div className="mt-3">
            <ServerTable endpoints={alternative} caption={text.alternativeCaption} text={text} />
          </div>
        </details>
      )}
    </div>
  );
}
