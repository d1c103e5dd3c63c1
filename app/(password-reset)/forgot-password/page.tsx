import type { Metadata } from 'next';
import Link from 'next/link';
import { requestPasswordResetAction } from '@/app/(password-reset)/actions';
import { ForgotPasswordForm } from '@/components/account/forgot-password-form';
import { textLink } from '@/components/ui/styles';
import { env } from '@/lib/env';
import { ACCOUNT_MESSAGES, accountFormText } from '@/lib/i18n/messages/account';
import { getLocale } from '@/lib/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  return { title: ACCOUNT_MESSAGES[await getLocale()].forgot.title };
}

/** 「忘记密码」: asks for a reset mail. Open to anyone, signed in or not. */
export default async function ForgotPasswordPage() {
  const locale = await getLocale();
  const text = accountFormText(locale);
  return (
    <main className="mx-auto max-w-md px-4 py-10 sm:py-16">
      <p>
        <Link href="/sign-in" className={textLink}>
          ← {text.backToSignIn}
        </Link>
      </p>
      <h1 className="mt-6 text-2xl font-semibold">{text.forgot.title}</h1>
      <p className="mt-2 body-text">{text.forgot.lead}</p>
      <ForgotPasswordForm action={requestPasswordResetAction} locale={locale} text={text} minutes={env().PASSWORD_RESET_LINK_MINUTES} />
    </main>
  );
}
