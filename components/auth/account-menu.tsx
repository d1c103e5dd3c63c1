import Link from 'next/link';
import { Suspense } from 'react';
import { accountOf, getSignedInUser, hasSessionCookie, type SignedInAccount } from '@/lib/auth/current-user';
import type { Locale } from '@/lib/i18n/locale';
import { AUTH_MESSAGES } from '@/lib/i18n/messages/auth';
import { MenuCloser } from './menu-closer';

// The header's account menu: who is signed in, 「我的邮箱」, 「账号设置」, the console for staff,
// and 「退出登录」. A disclosure (<details>): a button that says whom it is about and whether it
// is open, working from the keyboard and before (and without) any script. Once the page runs,
// Escape and a press outside close it too (MenuCloser).

/** 「退出登录」's server action (app/(auth)/actions.ts `signOutAction`), passed in by the page. */
export type SignOutAction = () => Promise<void>;

/** Pages the menu links to; the one being shown is marked as current. */
type MenuPage = '/accounts' | '/account' | '/support';

const itemLook =
  'flex min-h-11 w-full items-center rounded-md px-3 text-left text-sm font-medium text-slate-900 hover:bg-slate-100 focus-visible:bg-slate-100 dark:text-slate-100 dark:hover:bg-slate-800 dark:focus-visible:bg-slate-800';

export function AccountMenu({
  account,
  locale,
  signOut,
  current,
}: {
  account: SignedInAccount;
  locale: Locale;
  signOut: SignOutAction;
  current?: MenuPage;
}) {
  const text = AUTH_MESSAGES[locale].account;
  const item = (href: MenuPage, label: string) => (
    <li>
      <Link href={href} prefetch={false} aria-current={current === href ? 'page' : undefined} className={itemLook}>
        {label}
      </Link>
    </li>
  );
  return (
    <details className="group relative shrink-0" data-account-menu>
      <MenuCloser />
      <summary className="flex min-h-10 min-w-10 cursor-pointer list-none items-center gap-1 rounded-lg border border-slate-300 px-2 text-sm font-medium hover:bg-slate-50 dark:border-slate-600 dark:hover:bg-slate-800 [&::-webkit-details-marker]:hidden">
        <span className="sr-only">{text.signedInAs}</span>
        {/* A phone's header has room for a figure only; the address is the menu's first line. */}
        <PersonIcon className="sm:hidden" />
        <span className="sr-only sm:not-sr-only sm:max-w-56 sm:truncate">{account.email}</span>
        <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4 shrink-0 transition-transform group-open:rotate-180 motion-reduce:transition-none">
          <path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.5" />
        </svg>
      </summary>
      <div className="absolute right-0 z-20 mt-2 w-64 max-w-[calc(100vw-2rem)] rounded-lg border border-slate-200 bg-white p-2 shadow-lg dark:border-slate-700 dark:bg-slate-900">
        <p className="px-3 py-2 text-sm break-all text-slate-600 dark:text-slate-300">
          {text.signedInAs}
          {account.email}
        </p>
        <ul>
          {item('/accounts', text.mailboxes)}
          {item('/account', text.settings)}
          {account.staff && item('/support', text.console)}
        </ul>
        <form action={signOut} className="mt-1 border-t border-slate-200 pt-1 dark:border-slate-700">
          <button type="submit" className={itemLook}>
            {text.signOut}
          </button>
        </form>
      </div>
    </details>
  );
}

async function SignedInPart({ locale, signOut, signInHref }: { locale: Locale; signOut: SignOutAction; signInHref: string }) {
  const user = await getSignedInUser();
  if (!user) return <SignInLink locale={locale} href={signInHref} />;
  return <AccountMenu account={await accountOf(user)} locale={locale} signOut={signOut} />;
}

function PersonIcon({ className }: { className: string }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className={`size-5 shrink-0 ${className}`}>
      <circle cx="10" cy="6.5" r="3.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path d="M3.5 17c.8-3.3 3.4-5 6.5-5s5.7 1.7 6.5 5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
    </svg>
  );
}

function SignInLink({ locale, href }: { locale: Locale; href: string }) {
  return (
    <Link
      href={href}
      prefetch={false}
      className="inline-flex min-h-10 min-w-10 shrink-0 items-center justify-center rounded-lg px-2 text-sm font-medium whitespace-nowrap text-blue-700 underline underline-offset-2 hover:text-blue-900 dark:text-blue-300 dark:hover:text-blue-200"
    >
      <PersonIcon className="sm:hidden" />
      <span className="sr-only sm:not-sr-only">{AUTH_MESSAGES[locale].account.signIn}</span>
    </Link>
  );
}

/**
 * The header's account part on a page anyone may read (the wizard): a sign-in link for a visitor,
 * drawn at once without a query when there is no session cookie; the menu for someone signed in,
 * read while the rest of the page streams.
 */
export async function HeaderAccount({ locale, signOut, signInHref }: { locale: Locale; signOut: SignOutAction; signInHref: string }) {
  if (!(await hasSessionCookie())) return <SignInLink locale={locale} href={signInHref} />;
  return (
    <Suspense fallback={null}>
      <SignedInPart locale={locale} signOut={signOut} signInHref={signInHref} />
    </Suspense>
  );
}
