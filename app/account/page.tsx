import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { switchLocale } from '@/app/actions';
import { changePasswordAction, deleteUserAccountAction } from '@/app/account/actions';
import { ChangePasswordForm } from '@/components/account/change-password-form';
import { DeleteAccountForm } from '@/components/account/delete-account-form';
import { textLink } from '@/components/ui/styles';
import { LocaleSwitch } from '@/components/wizard/locale-switch';
import { getSessionUser } from '@/lib/auth/server';
import { ACCOUNT_MESSAGES, accountFormText } from '@/lib/i18n/messages/account';
import { getLocale, getMessages } from '@/lib/i18n/server';

const SIGN_IN_HREF = '/sign-in?next=/account';

export async function generateMetadata(): Promise<Metadata> {
  return { title: ACCOUNT_MESSAGES[await getLocale()].account.title };
}

/** The signed-in user's account: who they are, change the password, delete the account. */
export default async function AccountPage() {
  const user = await getSessionUser();
  if (!user) redirect(SIGN_IN_HREF);
  const locale = await getLocale();
  const text = accountFormText(locale);
  const { header } = getMessages(locale);
  return (
    <>
      <header className="border-b border-slate-200 dark:border-slate-800">
        <div className="mx-auto flex max-w-2xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3">
          <Link href="/" className={textLink}>
            ← {text.backToWizard}
          </Link>
          <LocaleSwitch locale={locale} text={header} action={switchLocale} />
        </div>
      </header>
      <main className="mx-auto max-w-2xl px-4 pt-6 pb-16 sm:pt-10">
        <h1 className="text-2xl font-semibold sm:text-3xl">{text.account.title}</h1>
        <dl className="mt-4">
          <dt className="muted-text">{text.account.signedInAs}</dt>
          <dd className="mt-1 text-lg font-medium break-all" data-testid="account-email">
            {user.email}
          </dd>
        </dl>
        <p className="mt-3">
          <Link href="/accounts" className={textLink}>
            {text.account.mailboxes}
          </Link>
        </p>

        <section aria-labelledby="change-password" className="mt-10 border-t border-slate-200 pt-8 dark:border-slate-800">
          <h2 id="change-password" className="text-xl font-semibold">
            {text.account.change.heading}
          </h2>
          <p className="mt-2 body-text">{text.account.change.lead}</p>
          <ChangePasswordForm email={user.email} action={changePasswordAction} locale={locale} text={text} />
        </section>

        <section aria-labelledby="delete-account" className="mt-10 border-t border-slate-200 pt-8 dark:border-slate-800">
          <h2 id="delete-account" className="text-xl font-semibold text-red-800 dark:text-red-300">
            {text.account.remove.heading}
          </h2>
          <p className="mt-2 body-text">{text.account.remove.lead}</p>
          <DeleteAccountForm email={user.email} action={deleteUserAccountAction} locale={locale} text={text} />
        </section>
      </main>
    </>
  );
}
