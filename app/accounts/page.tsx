import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { signOutAction } from '@/app/(auth)/actions';
import { answerHelpSuggestionAction, endHelpAction, reportHelpProgressAction, startHelpAction, switchLocale } from '@/app/actions';
import {
  checkNowAction,
  deleteAccountAction,
  pauseAccountAction,
  replaceCodeAction,
  resumeAccountAction,
} from '@/app/accounts/actions';
import { AccountList } from '@/components/accounts/account-list';
import { AccountMenu } from '@/components/auth/account-menu';
import { ContactSupportForPage } from '@/components/help/contact-support-for-page';
import type { AccountActions, AccountsContext, ProviderWording } from '@/components/accounts/types';
import { LocaleSwitch } from '@/components/wizard/locale-switch';
import { credentialWording } from '@/lib/accounts/credential-wording';
import { listAccountViews } from '@/lib/accounts/manage';
import { accountOf } from '@/lib/auth/current-user';
import { getSessionUser } from '@/lib/auth/server';
import { getDatabase } from '@/lib/db/client';
import type { Locale } from '@/lib/i18n/locale';
import { ACCOUNTS_MESSAGES, type AccountsMessages } from '@/lib/i18n/messages/accounts';
import type { WizardMessages } from '@/lib/i18n/messages/wizard';
import { getLocale, getMessages } from '@/lib/i18n/server';
import { DIAGNOSES, diagnose } from '@/lib/mail-check/diagnosis';
import type { FailureCode, GuideStep } from '@/lib/mail-check/types';
import { NETEASE_PERSONAL } from '@/lib/providers/netease';
import { getProvider, PROVIDERS } from '@/lib/providers/registry';
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

/** The words a provider's mailboxes are shown with: its name, its credential, its guide's step titles, its own failure titles. */
function providerWording(providerId: string, locale: Locale, text: AccountsMessages, wizardSteps: WizardMessages['wizard']['steps']): ProviderWording {
  // Practice mode's provider is registered at run time, and only while it is on; manual setup's
  // is in no list. A provider no longer known keeps its id for a name and NetEase's credential.
  const provider = getProvider(providerId);
  const own = PROVIDERS.find((listed) => listed.id === providerId && listed.id !== NETEASE_PERSONAL.id);
  return {
    name: provider?.name[locale] ?? providerId,
    credential: credentialWording(provider ?? NETEASE_PERSONAL, locale, text.replace),
    // NetEase's steps and diagnoses are the wizard catalog's and the general ones; another listed
    // provider words them in its own guide's terms where it has its own (iCloud's steps are not
    // NetEase's). Practice mode's and manual setup's use the defaults.
    guideSteps: Object.fromEntries(
      GUIDE_STEPS.map((step) => [
        step,
        { n: WIZARD_STEPS.indexOf(step) + 1, title: own?.guide?.find((ownStep) => ownStep.id === step)?.title[locale] ?? wizardSteps[step].title },
      ]),
    ) as ProviderWording['guideSteps'],
    failureTitles: Object.fromEntries(
      (Object.keys(DIAGNOSES) as FailureCode[]).flatMap((code) => {
        const title = diagnose(code, 'connect', own).title[locale];
        return title === DIAGNOSES[code].title[locale] ? [] : [[code, title]];
      }),
    ),
  };
}

/** The signed-in user's mailboxes: status, the last check, and what can be done with each. */
export default async function AccountsPage() {
  const user = await getSessionUser();
  if (!user) redirect(SIGN_IN_HREF);
  const locale = await getLocale();
  const wizardText = getMessages(locale);
  const text = ACCOUNTS_MESSAGES[locale];
  const { db } = await getDatabase();
  const [accounts, account] = await Promise.all([listAccountViews(db, user.id), accountOf(user)]);

  // The cards get the words they draw before anything is pressed, for the providers they show;
  // the rest comes with the part that needs it (components/accounts/types.ts).
  const providerIds = [...new Set(accounts.map((account) => account.providerId))];
  const context: AccountsContext = {
    locale,
    text: text.card,
    providers: Object.fromEntries(providerIds.map((id) => [id, providerWording(id, locale, text, wizardText.wizard.steps)])),
    signInHref: SIGN_IN_HREF,
  };

  return (
    <>
      <header className="border-b border-slate-200 dark:border-slate-800">
        <div className="mx-auto flex max-w-2xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3">
          <Link href="/" className="text-link">
            ← {text.header.backToWizard}
          </Link>
          <div className="flex min-w-0 items-center gap-2 sm:gap-4">
            <AccountMenu account={account} locale={locale} signOut={signOutAction} current="/accounts" />
            <LocaleSwitch locale={locale} text={wizardText.header} action={switchLocale} />
          </div>
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
            <Link href="/#core-parameters-configuration" className="text-link">
              {text.header.addMailbox}
            </Link>
          )}
        </div>
        <p className="mt-3 body-text">{text.lead}</p>
        <AccountList initialAccounts={accounts} serverNow={new Date().toISOString()} actions={ACTIONS} text={text.list} context={context} />
      </main>
    </>
  );
}
