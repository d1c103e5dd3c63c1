import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import {
  answerHelpSuggestionAction,
  connectMailbox,
  discoverMailDomainAction,
  endHelpAction,
  reportHelpProgressAction,
  startHelpAction,
  switchLocale,
} from '@/app/actions';
import { ContactSupportForPage } from '@/components/help/contact-support-for-page';
import { PracticeLink } from '@/components/practice/practice-link';
import { AddressStep } from '@/components/wizard/address-step';
import { ConnectForm } from '@/components/wizard/connect-form';
import { Faq, SafetyTips } from '@/components/wizard/faq';
import { LocaleSwitch } from '@/components/wizard/locale-switch';
import { ManualSummary } from '@/components/wizard/manual-summary';
import { ResultPanel } from '@/components/wizard/result-panel';
import { StepNavigator } from '@/components/wizard/step-navigator';
import { ProviderGuideAfterForm, ProviderGuideStep, type ProviderGuideText } from '@/components/wizard/provider-guide';
import { ProviderHint } from '@/components/wizard/provider-hint';
import { ProviderSwitch } from '@/components/wizard/provider-switch';
import { StepPanel, type StepLabelsByProvider } from '@/components/wizard/step-panel';
import { WRITTEN_GUIDE_MESSAGES } from '@/lib/i18n/messages/written-guides';
import { getLocale, getMessages } from '@/lib/i18n/server';
import { STAGE_LABELS } from '@/lib/mail-check/diagnosis';
import type { CheckStage, GuideStep } from '@/lib/mail-check/types';
import { format } from '@/lib/i18n/locale';
import { MANUAL_PROVIDER } from '@/lib/providers/manual';
import { NETEASE_PERSONAL } from '@/lib/providers/netease';
import { PROVIDERS } from '@/lib/providers/registry';
import type { MailProvider } from '@/lib/providers/types';
import { requestNonce } from '@/lib/security/nonce';
import { chooserProviders } from '@/lib/wizard/provider-choice';
import { stepBootScript, WIZARD_STEPS, type WizardStep } from '@/lib/wizard/steps';

export async function generateMetadata(): Promise<Metadata> {
  const { meta } = getMessages(await getLocale());
  return { title: meta.title, description: meta.description };
}

// The sign-in page sends the reader back to the code step; the hash is encoded so that it
// belongs to `next` rather than to the sign-in page's own URL.
const SIGN_IN_HREF = `/sign-in?next=${encodeURIComponent('/#configure-in-client')}`;

const GUIDE_STEPS: readonly GuideStep[] = [
  'core-parameters-configuration',
  'access-settings',
  'enable-service-and-get-code',
  'configure-in-client',
];

// Every provider with a guide, NetEase's first: the steps follow the one the address (or its
// domain's MX records, for NetEase enterprise) or the chooser names, NetEase's until then. Manual
// setup's generic steps follow an address on a domain none of them hosts.
const GUIDED_PROVIDERS: readonly MailProvider[] = [...PROVIDERS.filter((provider) => provider.guide), MANUAL_PROVIDER];

// The providers after NetEase, whose steps, intro and credential have names of their own.
const OTHER_PROVIDERS = GUIDED_PROVIDERS.filter((provider) => provider.id !== NETEASE_PERSONAL.id);

export default async function HomePage() {
  const locale = await getLocale();
  const m = getMessages(locale);
  const nonce = await requestNonce();
  const steps = Object.fromEntries(
    GUIDE_STEPS.map((step) => [step, { n: WIZARD_STEPS.indexOf(step) + 1, title: m.wizard.steps[step].title }]),
  ) as Record<GuideStep, { n: number; title: string }>;
  const stageLabels = Object.fromEntries(
    Object.entries(STAGE_LABELS).map(([stage, label]) => [stage, label[locale]]),
  ) as Record<CheckStage, string>;
  const guideText: ProviderGuideText = { guide: m.guide, written: WRITTEN_GUIDE_MESSAGES[locale], statusOk: m.result.statusOk };

  const choices = chooserProviders(PROVIDERS).map((provider) => ({
    id: provider.id,
    name: provider.name[locale],
    domain: provider.domains[0]?.domain ?? '',
  }));
  // Each provider's step titles (its guide's), and the short labels naming its credential. The
  // wizard's own step names were written for NetEase's.
  const labels: StepLabelsByProvider = Object.fromEntries([
    [NETEASE_PERSONAL.id, m.wizard.steps],
    ...OTHER_PROVIDERS.map((provider) => {
      const credential = provider.credential.name[locale];
      const own = (step: WizardStep) => provider.guide?.find((s) => s.id === step)?.title[locale] ?? m.wizard.steps[step].title;
      return [
        provider.id,
        Object.fromEntries(
          WIZARD_STEPS.map((step) => [
            step,
            {
              title: own(step),
              short:
                step === 'enable-service-and-get-code'
                  ? format(m.wizard.shortFor.get, { credential })
                  : step === 'configure-in-client'
                    ? format(m.wizard.shortFor.paste, { credential })
                    : m.wizard.steps[step].short,
            },
          ]),
        ),
      ];
    }),
  ]);
  const stepsByProvider = Object.fromEntries(
    Object.entries(labels).map(([id, own]) => [
      id,
      Object.fromEntries(GUIDE_STEPS.map((step) => [step, { n: WIZARD_STEPS.indexOf(step) + 1, title: own[step].title }])),
    ]),
  ) as Record<string, Record<GuideStep, { n: number; title: string }>>;
  const byProvider = (netease: ReactNode, other: (provider: MailProvider) => ReactNode) =>
    Object.fromEntries([[NETEASE_PERSONAL.id, netease], ...OTHER_PROVIDERS.map((provider) => [provider.id, other(provider)])]);
  // Each provider's variant of a piece of a step, drawn by the same components for every one.
  const eachProvider = (render: (provider: MailProvider) => ReactNode) =>
    Object.fromEntries(GUIDED_PROVIDERS.map((provider) => [provider.id, render(provider)]));
  const intro = (provider: MailProvider) => ({ name: provider.name[locale], credential: provider.credential.name[locale] });

  return (
    <>
      <a
        href="#wizard"
        className="sr-only rounded-lg bg-white px-4 py-2 font-medium text-blue-800 focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-10 dark:bg-slate-900 dark:text-blue-200"
      >
        {m.header.skipToWizard}
      </a>
      <header className="border-b border-slate-200 dark:border-slate-800">
        <div className="mx-auto flex max-w-2xl items-center justify-between gap-4 px-4 py-3">
          <span className="font-semibold">
            <ProviderSwitch variants={byProvider(NETEASE_PERSONAL.name[locale], (provider) => provider.name[locale])} />
          </span>
          <PracticeLink locale={locale} />
          <LocaleSwitch locale={locale} text={m.header} action={switchLocale} />
        </div>
      </header>
      <ContactSupportForPage
        place="wizard"
        locale={locale}
        actions={{ start: startHelpAction, end: endHelpAction, report: reportHelpProgressAction, answer: answerHelpSuggestionAction }}
      />
      <main className="mx-auto max-w-2xl px-4 pt-6 pb-16 sm:pt-10">
        <h1 className="text-2xl font-semibold sm:text-3xl">
          <ProviderSwitch variants={byProvider(m.intro.title, (provider) => format(m.intro.titleFor, intro(provider)))} />
        </h1>
        <p className="mt-4 leading-7 text-slate-700 dark:text-slate-300">
          <ProviderSwitch variants={byProvider(m.intro.lead, (provider) => format(m.intro.leadFor, intro(provider)))} />
        </p>
        <aside
          aria-labelledby="code-tip-title"
          className="mt-4 rounded-xl border border-violet-200 bg-violet-50 p-4 dark:border-violet-800 dark:bg-violet-950"
        >
          <p id="code-tip-title" className="font-semibold text-violet-950 dark:text-violet-100">
            <ProviderSwitch variants={byProvider(m.intro.codeTipTitle, (provider) => format(m.intro.codeTipTitleFor, intro(provider)))} />
          </p>
          <p className="mt-1 text-sm leading-6 text-violet-950 dark:text-violet-100">
            <ProviderSwitch variants={byProvider(m.intro.codeTip, (provider) => format(m.intro.codeTipFor, intro(provider)))} />
          </p>
        </aside>

        {/* Before the steps, so the right one is shown on first paint (see stepBootScript). The
            page's Content-Security-Policy runs an inline script only with this response's nonce. */}
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: stepBootScript() }} />
        <noscript>
          <p className="mt-6 rounded-lg border border-slate-300 p-3 text-sm dark:border-slate-700">{m.wizard.noscript}</p>
        </noscript>

        <div id="wizard" role="region" aria-label={m.wizard.label} className="mt-10 scroll-mt-4">
          <StepNavigator />
          <ProviderHint providerIds={Object.keys(labels)} />

          <StepPanel step="core-parameters-configuration" text={m.wizard} labels={labels}>
            <AddressStep locale={locale} text={m.address} choices={choices} discover={discoverMailDomainAction} />
          </StepPanel>

          <StepPanel step="access-settings" text={m.wizard} labels={labels}>
            <ProviderSwitch
              variants={eachProvider((provider) => (
                <ProviderGuideStep provider={provider} step="access-settings" locale={locale} text={guideText} />
              ))}
            />
          </StepPanel>

          <StepPanel step="enable-service-and-get-code" text={m.wizard} labels={labels}>
            <ProviderSwitch
              variants={eachProvider((provider) => (
                <ProviderGuideStep provider={provider} step="enable-service-and-get-code" locale={locale} text={guideText} />
              ))}
            />
          </StepPanel>

          <StepPanel step="configure-in-client" text={m.wizard} labels={labels}>
            <ProviderSwitch
              variants={eachProvider((provider) => (
                <>
                  <ProviderGuideStep provider={provider} step="configure-in-client" locale={locale} text={guideText} />
                  {provider.id === MANUAL_PROVIDER.id && <ManualSummary text={m.address.manual} tableText={m.address} />}
                </>
              ))}
            />
            <ConnectForm action={connectMailbox} locale={locale} text={m.configure} />
            <ProviderSwitch
              variants={eachProvider((provider) => (
                <ProviderGuideAfterForm provider={provider} step="configure-in-client" locale={locale} text={guideText} />
              ))}
            />
          </StepPanel>

          <StepPanel step="result" text={m.wizard} labels={labels}>
            <ResultPanel
              locale={locale}
              text={m.result}
              progressText={m.configure}
              steps={steps}
              stepsByProvider={stepsByProvider}
              stageLabels={stageLabels}
              signInHref={SIGN_IN_HREF}
            />
          </StepPanel>
        </div>

        <Faq text={m.faq} locale={locale} />
        <SafetyTips text={m.tips} />
      </main>
      <footer className="border-t border-slate-200 dark:border-slate-800">
        <p className="mx-auto max-w-2xl px-4 py-6 text-sm text-slate-600 dark:text-slate-400">{m.footer.note}</p>
      </footer>
    </>
  );
}
