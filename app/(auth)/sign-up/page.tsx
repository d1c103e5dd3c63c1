import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { signUpAction } from '@/app/(auth)/actions';
import { AuthPage } from '@/components/auth/auth-page';
import { safeNextPath } from '@/lib/auth/next-path';
import { getSessionUser } from '@/lib/auth/server';
import { AUTH_MESSAGES } from '@/lib/i18n/messages/auth';
import { getLocale } from '@/lib/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  return { title: AUTH_MESSAGES[await getLocale()].signUp.title };
}

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const next = safeNextPath((await searchParams).next);
  if (await getSessionUser()) redirect(next);
  return <AuthPage mode="sign-up" locale={await getLocale()} next={next} action={signUpAction} />;
}
