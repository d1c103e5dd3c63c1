import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { answerHelpSuggestionAction, endHelpAction, reportHelpProgressAction, startHelpAction, switchLocale } from '@/app/actions';
import {
  checkNowAction,
  deleteAccountAction,
  pauseAccountAction,
  replaceCodeAction,
  resumeAccountAction,
} from '@/app/accounts/actions';
import { AccountList } from '@/components/accounts/account-list';
import { ContactSupportForPage } from '@/components/help/contact-support-for-page';
import type { AccountActions, AccountsContext, ProviderWording } from '@/components/accounts/types';
import { textLink } from '@/components/ui/styles';
import { LocaleSwitch } from '@/components/wizard/locale-switch';
import { credentialWording } from '@/lib/accounts/credential-wording';
import { listAccountViews } from '@/lib/accounts/manage';
import { getSessionUser } from '@/lib/auth/server';
import { getDatabase } from '@/lib/db/client';
import { ACCOUNTS_MESSAGES } from '@/lib/i18n/messages/accounts';
import { getLocale, getMessages } from '@/lib/i18n/server';
import { DIAGNOSES, diagnose } from '@/lib/mail-check/diagnosis';
import type { FailureCode, GuideStep } from '@/lib/mail-check/types';
import { NETEASE_PERSONAL } from '@/lib/providers/netease';
import { getProvider, listRuntimeProviders, PROVIDERS } from '@/lib/providers/registry';
import type { MailProvider } from '@/lib/providers/types';
import { WIZARD_STEPS } from '@/lib/wizard/steps';

const SIGN_IN_HREF = '/sign-in?next=/accounts';

const GUIDE_STEPS: readonly GuideStep[] = [
  'core-parameters-configuration',
  'access-settings',
  'enable-service-and-get-code',
  'configure-in-client',
];

export async function generateMetadata(): Promise<Metadata> {
  return { title: ACCOUNTS_MESSAGES[await getLocale()].meta.title };
}

const ACTIONS: AccountActions = {
  checkNow: checkNowAction,
  pause: pauseAccountAction,
  resume: resumeAccountAction,
  replaceCode: replaceCodeAction,
  remove: deleteAccountAction,
};

/** The signed-in user's mailboxes: status, the last check, and what can be done with each. */
export default async function AccountsPage() {
  const user = await getSessionUser();
  if (!user) redirect(SIGN_IN_HREF);
  const locale = await getLocale();
  const wizardText = getMessages(locale);
  const text = ACCOUNTS_MESSAGES[locale];
  const { db } = await getDatabase();
  const accounts = await listAccountViews(db, user.id);

  // Providers other than NetEase word their steps and diagnoses in their own guide's terms;
  // NetEase's are the wizard catalog's and the general diagnoses, the defaults below.
  const byProvider: AccountsContext['byProvider'] = Object.fromEntries(
    PROVIDERS.filter((provider) => provider.id !== NETEASE_PERSONAL.id).map((provider) => [
      provider.id,
      {
        guideSteps: Object.fromEntries(
          GUIDE_STEPS.map((step) => [
            step,
            {
              n: WIZARD_STEPS.indexOf(step) + 1,
              title: provider.guide?.find((own) => own.id === step)?.title[locale] ?? wizardText.wizard.steps[step].title,
            },
          ]),
        ) as ProviderWording['guideSteps'],
        failureTitles: Object.fromEntries(
          (Object.keys(DIAGNOSES) as FailureCode[]).map((code) => [code, diagnose(code, 'connect', provider).title[locale]]),
        ) as Record<FailureCode, string>,
      },
    ]),
  );

  // Practice mode's provider is registered at run time, and only while it is on; manual setup's
  // is in no list.
  const allProviders = [...PROVIDERS, ...listRuntimeProviders(), getProvider('manual')].filter((provider): provider is MailProvider => !!provider);
  const context: AccountsContext = {
    locale,
    text,
    providerNames: Object.fromEntries(allProviders.map((provider) => [provider.id, provider.name[locale]])),
    guideSteps: Object.fromEntries(
      GUIDE_STEPS.map((step) => [step, { n: WIZARD_STEPS.indexOf(step) + 1, title: wizardText.wizard.steps[step].title }]),
    ) as AccountsContext['guideSteps'],
    failureTitles: Object.fromEntries(
      Object.entries(DIAGNOSES).map(([code, diagnosis]) => [code, diagnosis.title[locale]]),
    ) as Record<FailureCode, string>,
    byProvider,
    credentials: Object.fromEntries(allProviders.map((provider) => [provider.id, credentialWording(provider, locale, text.replace)])),
    defaultCredential: credentialWording(NETEASE_PERSONAL, locale, text.replace),
    signInHref: SIGN_IN_HREF,
  };

  return (
    <>
      <header className="border-b border-slate-200 dark:border-slate-800">
        <div className="mx-auto flex max-w-2xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3">
          <Link href="/" className={textLink}>
            ← {text.header.backToWizard}
          </Link>
          <LocaleSwitch locale={locale} text={wizardText.header} action={switchLocale} />
        </div>
      </header>
      <ContactSupportForPage
        place="accounts"
        locale={locale}
        actions={{ start: startHelpAction, end: endHelpAction, report: reportHelpProgressAction, answer: answerHelpSuggestionAction }}
      />
      <main className="mx-auto max-w-2xl px-4 pt-6 pb-16 sm:pt-10">
        <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-2">
          <h1 className="text-2xl font-semibold sm:text-3xl">{text.title}</h1>
          {accounts.length > 0 && (
            <Link href="/#core-parameters-configuration" className={textLink}>
              {text.header.addMailbox}
            </Link>
          )}
        </div>
        <p className="mt-3 leading-7 text-slate-700 dark:text-slate-300">{text.lead}</p>
        <AccountList initialAccounts={accounts} serverNow={new Date().toISOString()} actions={ACTIONS} context={context} />
      </main>
    </>
  );
}
