import Link from 'next/link';
import { AuthForm } from '@/components/auth/auth-form';
import { textLink } from '@/components/ui/styles';
import type { AuthFormAction } from '@/lib/auth/form-state';
import { ACCOUNT_MESSAGES } from '@/lib/i18n/messages/account';
import { AUTH_MESSAGES } from '@/lib/i18n/messages/auth';
import type { Locale } from '@/lib/i18n/locale';

/** The frame shared by the sign-in and sign-up pages. */
export function AuthPage({ mode, locale, next, action }: { mode: 'sign-in' | 'sign-up'; locale: Locale; next: string; action: AuthFormAction }) {
  const m = AUTH_MESSAGES[locale];
  const page = mode === 'sign-in' ? m.signIn : m.signUp;
  const other = mode === 'sign-in' ? '/sign-up' : '/sign-in';
  return (
    <main className="mx-auto max-w-md px-4 py-10 sm:py-16">
      <p>
        <Link href={next} className={textLink}>
          ← {m.backToWizard}
        </Link>
      </p>
      <h1 className="mt-6 text-2xl font-semibold">{page.title}</h1>
      <p className="mt-2 leading-7 text-slate-700 dark:text-slate-300">{page.lead}</p>
      <AuthForm mode={mode} locale={locale} next={next} action={action} text={{ fields: m.fields, errors: m.errors, wait: m.wait, issues: m.issues, submit: page.submit, pending: page.pending }} />
      {mode === 'sign-in' && (
        <p className="mt-4 text-sm">
          <Link href="/forgot-password" className={textLink}>
            {ACCOUNT_MESSAGES[locale].forgotLink}
          </Link>
        </p>
      )}
      <p className="mt-6 text-sm">
        {page.switchPrompt}{' '}
        <Link href={`${other}?next=${encodeURIComponent(next)}`} className={textLink}>
          {page.switchLink}
        </Link>
      </p>
    </main>
  );
}
