import type { Metadata } from 'next';
import Link from 'next/link';
import { resetPasswordAction } from '@/app/(password-reset)/actions';
import { InvalidResetLink, ResetPasswordForm } from '@/components/account/reset-password-form';
import { textLink } from '@/components/ui/styles';
import { resetTokenIsUsable } from '@/lib/auth/password-reset';
import { resetTokenSchema } from '@/lib/auth/password-schema';
import { getAuth } from '@/lib/auth/server';
import { env } from '@/lib/env';
import { ACCOUNT_MESSAGES, accountFormText } from '@/lib/i18n/messages/account';
import { getLocale } from '@/lib/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  return { title: ACCOUNT_MESSAGES[await getLocale()].reset.title };
}

/**
 * The page the reset mail links to (`/reset-password?token=…`; the request log never writes the
 * query). A link that can no longer be used (spent, expired, never issued) says so at once; the
 * action asks the library again when the password is sent.
 */
export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const locale = await getLocale();
  const text = accountFormText(locale);
  const minutes = env().PASSWORD_RESET_LINK_MINUTES;
  const parsed = resetTokenSchema.safeParse((await searchParams).token);
  const token = parsed.success ? parsed.data : undefined;
  const usable = token !== undefined && (await resetTokenIsUsable(await getAuth(), token));
  return (
    <main className="mx-auto max-w-md px-4 py-10 sm:py-16">
      <p>
        <Link href="/sign-in" className={textLink}>
          ← {text.backToSignIn}
        </Link>
      </p>
      <h1 className="mt-6 text-2xl font-semibold">{text.reset.title}</h1>
      {usable ? (
        <>
          <p className="mt-2 body-text">{text.reset.lead}</p>
          <ResetPasswordForm token={token} action={resetPasswordAction} locale={locale} text={text} minutes={minutes} />
        </>
      ) : (
        <InvalidResetLink text={text} minutes={minutes} />
      )}
    </main>
  );
}
