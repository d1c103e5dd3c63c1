import type { Metadata } from 'next';
import { signInHereAction, signOutAction, signUpHereAction } from '@/app/(auth)/actions';
import {
  answerHelpSuggestionAction,
  connectMailbox,
  discoverMailDomainAction,
  endHelpAction,
  reportHelpProgressAction,
  startHelpAction,
  switchLocale,
} from '@/app/actions';
import { HeaderAccount } from '@/components/auth/account-menu';
import { ForVisitors } from '@/components/auth/for-visitors';
import { ContactSupportForPage } from '@/components/help/contact-support-for-page';
import { PracticeLink } from '@/components/practice/practice-link';
import { AddressStep } from '@/components/wizard/address-step';
import { ConnectForm } from '@/components/wizard/connect-form';
import { Faq, SafetyTips } from '@/components/wizard/faq';
import { LocaleSwitch } from '@/components/wizard/locale-switch';
import { ManualSummary } from '@/components/wizard/manual-summary';
import { ResultPanel } from '@/components/wizard/result-panel';
import { SaveAccountNotice } from '@/components/wizard/save-account-notice';
import { SaveAccountPanel } from '@/components/wizard/save-account-panel';
import { StepNavigator } from '@/components/wizard/step-navigator';
import { ProviderGuideAfterForm, ProviderGuideStep, type ProviderGuideText } from '@/components/wizard/provider-guide';
import { ProviderHint } from '@/components/wizard/provider-hint';
import { ProviderContent, ProviderScope, ProviderWord, type ProviderWordsCatalog } from '@/components/wizard/provider-scope';
import { StepPanel, StepProgress } from '@/components/wizard/step-panel';
import { WRITTEN_GUIDE_MESSAGES } from '@/lib/i18n/messages/written-guides';
import { getLocale, getMessages } from '@/lib/i18n/server';
import { STAGE_LABELS } from '@/lib/mail-check/diagnosis';
import type { CheckStage } from '@/lib/mail-check/types';
import { MANUAL_PROVIDER } from '@/lib/providers/manual';
import { NETEASE_PERSONAL } from '@/lib/providers/netease';
import { PROVIDERS } from '@/lib/providers/registry';
import type { MailProvider } from '@/lib/providers/types';
import { requestNonce } from '@/lib/security/nonce';
import { chooserProviders } from '@/lib/wizard/provider-choice';
import { PROVIDER_HINT_PARAM } from '@/lib/wizard/provider-hint';
import { stepBootScript } from '@/lib/wizard/steps';

export async function generateMetadata(): Promise<Metadata> {
  const { meta } = getMessages(await getLocale());
  return { title: meta.title, description: meta.description };
}

// Every provider with a guide, NetEase's first, and manual setup's generic steps (for an address on
// a domain none of them hosts). The page draws the steps of the one its `?provider=` names, none on
// a first visit; the steps of the one the address or the chooser names (NetEase's by default)
// arrive once the reader is past step 1 (components/wizard/provider-scope.tsx).
const GUIDED_PROVIDERS: readonly MailProvider[] = [...PROVIDERS.filter((provider) => provider.guide), MANUAL_PROVIDER];

// What a client component is given is sent with the page a second time, as React's payload: the
// words it shows only later (other providers', manual setup's, a result's) come with its code.
function without<T extends object, K extends keyof T>(words: T, ...keys: K[]): Omit<T, K> {
  const rest = { ...words };
  for (const key of keys) delete rest[key];
  return rest;
}

function pick<T extends object, K extends keyof T>(words: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((key) => [key, words[key]])) as Pick<T, K>;
}

// Step 4's sign-in panel for visitors (step 3's notice has the other words).
const SAVE_ACCOUNT_PANEL_WORDS = ['panelTitle', 'panel', 'choose', 'haveAccount', 'newHere', 'asked', 'loading'] as const;

// The check's progress rows, as the result step shows a check that is running.
const PROGRESS_WORDS = ['progressLabel', 'imapName', 'smtpName', 'idle', 'imapRunning', 'smtpRunning', 'passed', 'failed', 'notTried'] as const;

export default async function HomePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const locale = await getLocale();
  const m = getMessages(locale);
  const nonce = await requestNonce();
  const asked = (await searchParams)[PROVIDER_HINT_PARAM];
  const rendered = GUIDED_PROVIDERS.find((provider) => provider.id === asked) ?? null;

  const stageLabels = Object.fromEntries(
    Object.entries(STAGE_LABELS).map(([stage, label]) => [stage, label[locale]]),
  ) as Record<CheckStage, string>;
  const guideText: ProviderGuideText = { guide: m.guide, written: WRITTEN_GUIDE_MESSAGES[locale], statusOk: m.result.statusOk };

  const choices = chooserProviders(PROVIDERS).map((provider) => ({
    id: provider.id,
    name: provider.name[locale],
    domain: provider.domains[0]?.domain ?? '',
  }));
  // The words naming each provider outside its steps: the heading, the intro, each step's title
  // (its guide's) and short label (naming its credential). The wizard's own were written for NetEase's.
  const { title, lead, codeTipTitle, codeTip } = m.intro;
  const words: ProviderWordsCatalog = {
    netease: { title, lead, codeTipTitle, codeTip },
    templates: { title: m.intro.titleFor, lead: m.intro.leadFor, codeTipTitle: m.intro.codeTipTitleFor, codeTip: m.intro.codeTipFor },
    shortFor: m.wizard.shortFor,
    steps: m.wizard.steps,
    providers: Object.fromEntries(
      GUIDED_PROVIDERS.map((provider) => [
        provider.id,
        {
          name: provider.name[locale],
          credential: provider.credential.name[locale],
          titles: Object.fromEntries((provider.guide ?? []).map((step) => [step.id, step.title[locale]])),
        },
      ]),
    ),
  };
  const loading = m.wizard.loadingSteps;

  return (
    <ProviderScope rendered={rendered?.id ?? null} words={words}>
      <a
        href="#wizard"
        className="sr-only rounded-lg bg-white px-4 py-2 font-medium text-blue-800 focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-10 dark:bg-slate-900 dark:text-blue-200"
      >
        {m.header.skipToWizard}
      </a>
      <header className="border-b border-slate-200 dark:border-slate-800">
        <div className="mx-auto flex max-w-2xl items-center justify-between gap-2 px-4 py-3 sm:gap-4">
          <span className="min-w-0 truncate font-semibold">
            <ProviderWord name="name" />
          </span>
          <PracticeLink locale={locale} />
          {/* The tab's place in the wizard (step, address) is kept for it: back at `/`, it reopens. */}
          <HeaderAccount locale={locale} signOut={signOutAction} signInHref="/sign-in" />
          <LocaleSwitch locale={locale} text={m.header} action={switchLocale} />
        </div>
      </header>
      <ContactSupportForPage
        place="wizard"
        locale={locale}
        actions={{ start: startHelpAction, end: endHelpAction, report: reportHelpProgressAction, answer: answerHelpSuggestionAction }}
      />
      <main className="mx-auto max-w-2xl px-4 pt-4 pb-16 sm:pt-10">
        <h1 className="text-xl font-semibold sm:text-3xl">
          <ProviderWord name="title" />
        </h1>
        <p className="mt-4 body-text">
          <ProviderWord name="lead" />
        </p>

        {/* Before the steps, so the right one is shown on first paint (see stepBootScript). The
            page's Content-Security-Policy runs an inline script only with this response's nonce. */}
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: stepBootScript() }} />
        <noscript>
          <p className="mt-6 rounded-lg border border-slate-300 p-3 text-sm dark:border-slate-700">
            {m.wizard.noscript}
            {!rendered && (
              <>
                {' '}
                <a href={`/?${PROVIDER_HINT_PARAM}=${NETEASE_PERSONAL.id}`} className="text-link">
                  {m.wizard.noscriptLink}
                </a>
              </>
            )}
          </p>
        </noscript>

        <div id="wizard" role="region" aria-label={m.wizard.label} className="mt-6 scroll-mt-4 sm:mt-8">
          <StepNavigator />
          <ProviderHint providerIds={Object.keys(words.providers)} />
          <StepProgress text={m.wizard} />

          <StepPanel step="core-parameters-configuration" text={m.wizard}>
            <AddressStep locale={locale} text={without(m.address, 'manual', 'mx')} choices={choices} discover={discoverMailDomainAction} />
          </StepPanel>

          <StepPanel step="access-settings" text={m.wizard}>
            <ProviderContent loading={loading}>
              {rendered && <ProviderGuideStep provider={rendered} step="access-settings" locale={locale} text={guideText} />}
            </ProviderContent>
          </StepPanel>

          <StepPanel step="enable-service-and-get-code" text={m.wizard}>
            {/* Like the steps, drawn once a provider's are (not on a first visit, which shows step 1). */}
            {rendered && (
              <ForVisitors>
                <SaveAccountNotice text={m.saveAccount} providerId={rendered.id} />
              </ForVisitors>
            )}
            {/* Where the code is made: what matters about it, in the words of the provider named. */}
            <aside
              aria-labelledby="code-tip-title"
              className="mb-6 rounded-xl border border-violet-200 bg-violet-50 p-4 dark:border-violet-800 dark:bg-violet-950"
            >
              <p id="code-tip-title" className="font-semibold text-violet-950 dark:text-violet-100">
                <ProviderWord name="codeTipTitle" />
              </p>
              <p className="mt-1 text-sm leading-6 text-violet-950 dark:text-violet-100">
                <ProviderWord name="codeTip" />
              </p>
            </aside>
            <ProviderContent loading={loading}>
              {rendered && <ProviderGuideStep provider={rendered} step="enable-service-and-get-code" locale={locale} text={guideText} />}
            </ProviderContent>
          </StepPanel>

          <StepPanel step="configure-in-client" text={m.wizard}>
            <ProviderContent loading={loading}>
              {rendered && <ProviderGuideStep provider={rendered} step="configure-in-client" locale={locale} text={guideText} />}
              {rendered?.id === MANUAL_PROVIDER.id && <ManualSummary text={m.address.manual} tableText={m.address} />}
            </ProviderContent>
            {/* With the provider's steps, like the notice (a first visit's HTML stays step 1's). */}
            {rendered && (
              <ForVisitors>
                <SaveAccountPanel
                  locale={locale}
                  text={pick(m.saveAccount, SAVE_ACCOUNT_PANEL_WORDS)}
                  actions={{ signIn: signInHereAction, signUp: signUpHereAction }}
                />
              </ForVisitors>
            )}
            <ConnectForm action={connectMailbox} locale={locale} text={without(m.configure, 'byProvider')} />
            <ProviderContent loading={loading}>
              {rendered && <ProviderGuideAfterForm provider={rendered} step="configure-in-client" locale={locale} text={guideText} />}
            </ProviderContent>
          </StepPanel>

          <StepPanel step="result" text={m.wizard}>
            <ResultPanel
              locale={locale}
              text={{ empty: m.result.empty, goToForm: m.result.goToForm }}
              progressText={pick(m.configure, PROGRESS_WORDS)}
              stageLabels={stageLabels}
            />
          </StepPanel>
        </div>

        {/* Below the steps, for readers past the first: they come with a provider's steps. */}
        {rendered && (
          <>
            <Faq text={m.faq} locale={locale} />
            <SafetyTips text={m.tips} />
          </>
        )}
      </main>
      <footer className="border-t border-slate-200 dark:border-slate-800">
        <p className="mx-auto max-w-2xl px-4 py-6 text-sm text-slate-600 dark:text-slate-400">{m.footer.note}</p>
      </footer>
    </ProviderScope>
  );
}
