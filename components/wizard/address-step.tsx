'use client';

import { useEffect, useState } from 'react';
import { ServerTable } from '@/components/providers/server-table';
import { Field, typedAsIs } from '@/components/ui/field';
import { textInput } from '@/components/ui/styles';
import { format, type Locale } from '@/lib/i18n/locale';
import type { WizardMessages as Messages } from '@/lib/i18n/messages/wizard';
import { preloadWizardLogic } from '@/lib/wizard/client/logic-loader';
import { onDemand, useOnDemand } from '@/lib/wizard/client/on-demand';
import { DEFAULT_PROVIDER_ID, useShownDomain } from '@/lib/wizard/client/shown-domain';
import { useSessionStore } from '@/lib/wizard/client/session-store';
import { addressStore, domainDiscoveryStore, providerChoiceStore } from '@/lib/wizard/client/stores';
import type { DiscoverDomainAction, DiscoverDomainResult, DomainDiscoveryResult } from '@/lib/discovery/contract';
import { shownAddress, shownDomain } from '@/lib/discovery/idn';
import { ProviderChooser, type ProviderChoice } from './provider-chooser';

// Manual setup's server form (with react-hook-form) only ever shows for a domain no provider
// hosts: fetched when one is typed, while its MX records are looked up.
const manualServers = onDemand(() => import('./manual-servers'));

export type AddressStepText = Omit<Messages['address'], 'manual' | 'mx'>;

/** The lookup's answer as step 1 keeps it: the discovery, or why there is none. */
function discoveryOf(answer: DiscoverDomainResult): DomainDiscoveryResult {
  if (answer.ok) return answer.data;
  return answer.code === 'rate_limited'
    ? { status: 'rate_limited', domain: answer.domain, retryAfterSeconds: answer.retryAfterSeconds }
    : { status: 'invalid' };
}

/**
 * Step 1: the address, the provider recognised as it is typed, and the servers for it. The
 * address is shared with the later steps (webmail link, code form) and kept for the tab.
 */
export function AddressStep({
  locale,
  text,
  choices,
  discover,
}: {
  locale: Locale;
  /** Step 1's words; manual setup's and the MX lookup's come with the validation code. */
  text: AddressStepText;
  choices: readonly ProviderChoice[];
  /** Asks the server what a domain's MX records say, for domains no provider lists. */
  discover?: DiscoverDomainAction;
}) {
  const typed = useSessionStore(addressStore);
  const choice = useSessionStore(providerChoiceStore);
  const [blurred, setBlurred] = useState(false);
  const { view, shown, manual, logic } = useShownDomain();
  const discovery = useSessionStore(domainDiscoveryStore);
  const unknownDomain = view.kind === 'unknown' ? view.domain : null;
  const unknownAddress = view.kind === 'unknown' ? view.address : null;
  // Recognised from its MX records rather than from a list: say how we know.
  const hostedDomain =
    view.kind === 'known' && discovery?.result?.status === 'provider' && discovery.domain === view.address.slice(view.address.lastIndexOf('@') + 1)
      ? discovery.domain
      : null;
  const lookup = unknownDomain !== null && discovery?.domain === unknownDomain ? discovery.result : undefined;
  const manualForm = useOnDemand(manualServers, unknownDomain !== null);

  // One lookup per domain, once typing has paused on it; a refused one is asked again when the
  // address is edited, so the user need not reload once the limit has passed.
  useEffect(() => {
    if (!discover || unknownDomain === null || unknownAddress === null) return;
    const previous = domainDiscoveryStore.get();
    if (previous?.domain === unknownDomain && previous.result?.status !== 'rate_limited') return;
    const timer = setTimeout(() => {
      domainDiscoveryStore.set({ domain: unknownDomain, result: null });
      const settle = (result: DomainDiscoveryResult) => {
        if (domainDiscoveryStore.get()?.domain === unknownDomain) domainDiscoveryStore.set({ domain: unknownDomain, result });
      };
      discover(unknownAddress).then(
        (answer) => settle(discoveryOf(answer)),
        () => settle({ status: 'not_found', domain: unknownDomain, reason: 'lookup_failed' }),
      );
    }, 400);
    return () => clearTimeout(timer);
  }, [discover, unknownDomain, unknownAddress]);
  // A provider picked but no user name typed yet: say what is missing instead of an error.
  // A provider of company domains (NetEase enterprise) fills in nothing after the "@": the user types the company's domain.
  const ownDomain = shown.info.domain === '';
  const chosen =
    view.kind !== 'known' &&
    choice !== '' &&
    shown.provider.id === choice &&
    (ownDomain ? view.kind !== 'unknown' : typed.trim().startsWith('@'));
  const showError = view.kind === 'invalid' && blurred && !chosen;
  const alternative = shown.alternatives[0];
  const isNetease = shown.provider.id === DEFAULT_PROVIDER_ID;
  const credential = shown.provider.credential.name[locale];
  // Manual setup's and the MX lookup's words come with the validation code, which detection needs.
  const later = logic ? logic.WIZARD_LATER_MESSAGES[locale] : null;
  const username = manual && later
    ? later.manual.username
    : isNetease
      ? text.username
      : format(text.usernameFor[shown.provider.usernameForm.imap], { credential });
  // The servers to start manual setup from; made here only when the lookup itself failed to answer.
  const manualGuess = manual ? (manual.guess ?? logic?.guessManualSettings(manual.domain)) : undefined;
  // An internationalised domain is looked up in its ASCII form (xn--...) and shown as typed.
  const domainShown = view.kind === 'unknown' ? shownDomain(view.domain, typed) : '';
  // Where the servers below come from: the domain's SRV records, an autoconfig file, or our guess.
  const source =
    lookup?.status === 'not_found' && lookup.guess && logic
      ? logic.guessSourceText(lookup.guess, {
          domain: domainShown,
          ...(lookup.guess.publisher !== undefined ? { publisher: shownDomain(lookup.guess.publisher, typed) } : {}),
        })
      : undefined;

  return (
    <div>
      <p className="leading-7">{text.intro}</p>
      {/* The problem, if any, is told by the status line, which always says something. */}
      <Field
        id="wizard-address"
        wrapper="mt-4"
        label={text.label}
        hint={text.hint}
        invalid={showError}
        describedBy={['wizard-address-status']}
        after={
          // One line, always present, so typing never moves the table below it.
          <div
            id="wizard-address-status"
            role="status"
            className={`mt-2 min-h-12 text-sm leading-6 ${showError ? 'text-red-700 dark:text-red-300' : 'text-slate-700 dark:text-slate-200'}`}
          >
            {chosen && format(ownDomain ? text.chosenOwnDomain : text.chosen, { name: shown.provider.name[locale] })}
            {!chosen && view.kind === 'empty' && text.waiting}
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
                {hostedDomain && later && (
                  <>
                    <span>{format(later.mx.found, { domain: shownDomain(hostedDomain, typed), name: shown.provider.name[locale] })}</span>
                    <br />
                  </>
                )}
                <span className="break-all">{format(text.usingAddress, { address: shownAddress(view.address, typed) })}</span>
              </>
            )}
            {view.kind === 'unknown' &&
              (!discover || !later
                ? format(text.unknown, { domain: domainShown })
                : !lookup
                  ? format(later.mx.looking, { domain: domainShown })
                  : lookup.status === 'not_found'
                    ? format(later.mx[lookup.reason], { domain: domainShown })
                    : lookup.status === 'rate_limited'
                      ? format(later.mx.rate_limited, { domain: domainShown, minutes: Math.ceil(lookup.retryAfterSeconds / 60) })
                      : format(text.unknown, { domain: domainShown }))}
            {source && (
              <span className="mt-1 block" data-testid="discovery-source">
                {source[locale]}
              </span>
            )}
            {view.kind === 'invalid' && !chosen && (showError ? view.message[locale] : text.waiting)}
          </div>
        }
      >
        {(control) => (
          <input
            {...control}
            {...typedAsIs}
            name="address"
            inputMode="email"
            autoComplete="email"
            placeholder={text.placeholder}
            value={typed}
            onChange={(event) => addressStore.set(event.target.value)}
            onFocus={preloadWizardLogic}
            onBlur={() => setBlurred(true)}
            className={`${textInput} mt-2`}
          />
        )}
      </Field>

      {manual && manualGuess && manualForm && later && unknownAddress !== null && (
        <manualForm.ManualServers
          domain={manual.domain}
          address={unknownAddress}
          typed={typed}
          guess={manualGuess}
          locale={locale}
          text={later.manual}
          tlsNames={text.tls}
        />
      )}

      <ProviderChooser choices={choices} text={text.chooser} />

      {!shown.info.confirmed && isNetease && (
        <p className="mt-3 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm leading-6 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
          {format(text.unconfirmed, { domain: shown.info.domain })}
        </p>
      )}

      {!manual && (
        <div className="mt-6">
          <ServerTable
            endpoints={shown.endpoints}
            caption={
              view.kind === 'known' || !isNetease ? format(text.tableCaption, { name: shown.info.name[locale] }) : text.defaultTableCaption
            }
            text={text}
          />
        </div>
      )}
      <p className="mt-3 text-sm leading-6">{username}</p>
      {shown.provider.hostNote && (
        <p className="mt-3 text-sm leading-6 text-slate-600 dark:text-slate-300">{shown.provider.hostNote[locale]}</p>
      )}
      {alternative && (
        <details className="mt-4 rounded-lg border border-slate-200 p-3 dark:border-slate-700">
          <summary className="cursor-pointer font-medium">{format(text.alternativeTitle, { host: alternative.imap.host })}</summary>
          <p className="mt-2 text-sm">{text.alternativeIntro}</p>
          <div className="mt-3">
            <ServerTable endpoints={alternative} caption={format(text.alternativeCaption, { host: alternative.imap.host })} text={text} />
          </div>
        </details>
      )}
    </div>
  );
}
