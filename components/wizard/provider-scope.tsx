'use client';

import { useRouter } from 'next/navigation';
import { createContext, startTransition, useContext, useEffect, useSyncExternalStore, type ReactNode } from 'react';
import { Spinner } from '@/components/ui/spinner';
import { format } from '@/lib/i18n/locale';
import { withProviderHint } from '@/lib/wizard/provider-hint';
import { DEFAULT_PROVIDER_ID, useShownDomain } from '@/lib/wizard/client/shown-domain';
import { useSessionStore } from '@/lib/wizard/client/session-store';
import { addressStore, providerChoiceStore } from '@/lib/wizard/client/stores';
import { FIRST_STEP, isWizardStep, stepFromHash, type WizardStep } from '@/lib/wizard/steps';

// The steps after the first are drawn for one provider: the one the page's `?provider=` names.
// A first visit (`/`, no provider named) gets the first step only, which is all it shows. Once
// the reader is past the first step, the steps of the provider the address or the chooser names
// (NetEase's if none) are fetched: a soft navigation to `?provider=<id>` that keeps the step and
// its deep link `#step`; until it arrives the places of the steps say so instead of showing
// another provider's screens. The words naming the provider (the heading, the intro, the step
// titles) are here for every provider and follow at once.
//
// The navigation keeps the page's elements (checked: the fields, their values and the focus stay).
// It waits until the reader is past step 1 all the same: step 1 is where people type and ask for
// help, and a navigation running beside the help panel's action lost that action's answer.

/** The words naming the providers outside their steps, as the page sends them once. */
export interface ProviderWordsCatalog {
  /** NetEase's own words, written for it. */
  netease: { title: string; lead: string; codeTipTitle: string; codeTip: string };
  /** The same four for any other provider, with `{name}` and `{credential}`. */
  templates: { title: string; lead: string; codeTipTitle: string; codeTip: string };
  /** Short labels of steps 3 and 4 naming another provider's credential. */
  shortFor: { get: string; paste: string };
  /** The wizard's own step labels and titles (NetEase's). */
  steps: Record<WizardStep, { short: string; title: string }>;
  /** Each provider with steps of its own: its name, its credential's, and its own step titles. */
  providers: Record<string, { name: string; credential: string; titles: Partial<Record<WizardStep, string>> }>;
}

type Word = 'name' | keyof ProviderWordsCatalog['netease'];

interface Scope {
  /** The provider whose steps the server drew; null when it drew none (a first visit). */
  rendered: string | null;
  /** The provider whose steps should show; null while nothing asks for any. */
  wanted: string | null;
  words: ProviderWordsCatalog;
}

const ScopeContext = createContext<Scope | null>(null);

function useScope(): Scope {
  const scope = useContext(ScopeContext);
  if (!scope) throw new Error('A provider-dependent piece of the wizard is outside <ProviderScope>');
  return scope;
}

// Typing goes through other providers' domains on the way (li@qq.co is no provider's yet): a
// provider named by the address is fetched once it has held still this long.
const SETTLE_MS = 250;

const pastFirst = (step: string | null | undefined) => step != null && step !== FIRST_STEP;

// Once true, true for the tab's page: the steps asked for stay asked for.
let pastFirstSeen = false;

/** Whether the reader is, or has been, on a step after the first: the shown step, or the hash. */
function readPastFirstStep(): boolean {
  pastFirstSeen ||=
    pastFirst(document.documentElement.getAttribute('data-wizard')) || pastFirst(stepFromHash(window.location.hash));
  return pastFirstSeen;
}

/** Told of every change of the shown step (StepNavigator sets `data-wizard`) and of the hash. */
function subscribeToStep(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-wizard'] });
  window.addEventListener('hashchange', onChange);
  return () => {
    observer.disconnect();
    window.removeEventListener('hashchange', onChange);
  };
}

/**
 * True once the reader has been on a step after the first. The boot script names the shown step
 * before the page's scripts run; a page reached by a soft navigation (back from signing in) ran
 * none, and learns it when StepNavigator shows the step. The server draws as if on step 1, which
 * shows the same (a wait, or the steps it drew).
 */
function usePastFirstStep(): boolean {
  return useSyncExternalStore(subscribeToStep, readPastFirstStep, () => false);
}

export function ProviderScope({
  rendered,
  words,
  children,
}: {
  rendered: string | null;
  words: ProviderWordsCatalog;
  children: ReactNode;
}) {
  const router = useRouter();
  const { view, providerId } = useShownDomain();
  const address = useSessionStore(addressStore);
  const choice = useSessionStore(providerChoiceStore);
  const pastFirstStep = usePastFirstStep();
  // Nothing typed or picked: the page's own provider stands (a link's `?provider=`), else NetEase
  // once the reader heads on. A provider without steps of its own (practice mode's) follows NetEase's.
  const decided = (address.trim() !== '' || choice !== '') && view.kind !== 'pending';
  const named = Object.hasOwn(words.providers, providerId) ? providerId : DEFAULT_PROVIDER_ID;
  const wanted = decided ? named : (rendered ?? (pastFirstStep ? DEFAULT_PROVIDER_ID : null));

  useEffect(() => {
    const here = () => `${window.location.pathname}${window.location.search}${window.location.hash}`;
    if (wanted === null || wanted === rendered) {
      // The address bar names the provider shown (a hint naming none we know is dropped) and the
      // step: the hash, which is the step's source of truth, or the step shown when the
      // navigation below left none.
      const shown = document.documentElement.getAttribute('data-wizard');
      const hash = stepFromHash(window.location.hash)
        ? window.location.hash
        : isWizardStep(shown) && shown !== FIRST_STEP
          ? `#${shown}`
          : window.location.hash;
      const href = withProviderHint(here(), rendered, hash);
      if (href !== here()) window.history.replaceState(window.history.state, '', href);
      return;
    }
    // Step 1 shows nothing of a provider's steps but their words, which follow at once.
    if (!pastFirstStep) return;
    // Without the hash: the router writes the address it was given once the steps arrive, and a
    // hash taken now would move the reader back if they changed step meanwhile. The step stays
    // shown (and in the tab's storage); the branch above puts its hash back.
    const timer = window.setTimeout(
      () => startTransition(() => router.replace(withProviderHint(here(), wanted, ''), { scroll: false })),
      decided ? SETTLE_MS : 0,
    );
    return () => window.clearTimeout(timer);
  }, [wanted, rendered, decided, pastFirstStep, router]);

  return <ScopeContext.Provider value={{ rendered, wanted, words }}>{children}</ScopeContext.Provider>;
}

/** `word` of the provider whose steps show (NetEase's until one is named). */
function wordOf(words: ProviderWordsCatalog, id: string, word: Word): string {
  const provider = words.providers[id] ?? words.providers[DEFAULT_PROVIDER_ID]!;
  if (word === 'name') return provider.name;
  if (id === DEFAULT_PROVIDER_ID || !words.providers[id]) return words.netease[word];
  return format(words.templates[word], { name: provider.name, credential: provider.credential });
}

function stepLabelOf(words: ProviderWordsCatalog, id: string, step: WizardStep, kind: 'short' | 'title'): string {
  const provider = words.providers[id];
  if (!provider || id === DEFAULT_PROVIDER_ID) return words.steps[step][kind];
  if (kind === 'title') return provider.titles[step] ?? words.steps[step].title;
  const credential = provider.credential;
  if (step === 'enable-service-and-get-code') return format(words.shortFor.get, { credential });
  if (step === 'configure-in-client') return format(words.shortFor.paste, { credential });
  return words.steps[step].short;
}

/** One of the words naming the provider whose steps show. */
export function ProviderWord({ name }: { name: Word }) {
  const { wanted, rendered, words } = useScope();
  return <>{wordOf(words, wanted ?? rendered ?? DEFAULT_PROVIDER_ID, name)}</>;
}

/** A step's short label or title in the words of the provider whose steps show. */
export function StepLabel({ step, kind }: { step: WizardStep; kind: 'short' | 'title' }) {
  const { wanted, rendered, words } = useScope();
  return <>{stepLabelOf(words, wanted ?? rendered ?? DEFAULT_PROVIDER_ID, step, kind)}</>;
}

/** A step's title in the words of any provider (NetEase's for one without steps of its own). */
export function useStepTitles(): (providerId: string, step: WizardStep) => string {
  const { words } = useScope();
  return (providerId, step) => stepLabelOf(words, providerId, step, 'title');
}

/**
 * A part of a step drawn for the rendered provider: shown while that is the provider wanted,
 * and a short wait in its place while the wanted one's page is on its way (or before any is
 * asked for, on a first visit). `loading` names the provider as `{name}`.
 */
export function ProviderContent({ loading, children }: { loading: string; children?: ReactNode }) {
  const { rendered, wanted, words } = useScope();
  if (rendered !== null && rendered === wanted) return <div data-provider-steps={rendered}>{children}</div>;
  return (
    <p role="status" className="flex items-center gap-2 py-6 text-slate-700 dark:text-slate-300">
      <Spinner />
      {format(loading, { name: wordOf(words, wanted ?? DEFAULT_PROVIDER_ID, 'name') })}
    </p>
  );
}
