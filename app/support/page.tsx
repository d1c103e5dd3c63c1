import type { Metadata } from 'next';
import { switchLocale } from '@/app/actions';
import { enterHelpCodeAction } from '@/app/support/actions';
import { HelpCodeForm } from '@/components/support/help-code-form';
import { StepLinksSection } from '@/components/support/step-links-section';
import { SupportHeader } from '@/components/support/support-header';
import { SUPPORT_MESSAGES } from '@/lib/i18n/messages/support';
import { getLocale, getMessages } from '@/lib/i18n/server';
import { requireStaffPage } from '@/lib/support/access';

export async function generateMetadata(): Promise<Metadata> {
  return { title: SUPPORT_MESSAGES[await getLocale()].meta.title };
}

/** The console's start: enter a customer's help code, or copy a step's link for them. */
export default async function SupportHomePage() {
  await requireStaffPage('/support');
  const locale = await getLocale();
  const text = SUPPORT_MESSAGES[locale];
  const m = getMessages(locale);
  return (
    <>
      <SupportHeader locale={locale} text={text} headerText={m.header} switchLocale={switchLocale} />
      <main className="mx-auto max-w-3xl px-4 pt-8 pb-16">
        <h1 className="text-2xl font-semibold sm:text-3xl">{text.home.title}</h1>
        <p className="mt-3 leading-7 text-slate-700 dark:text-slate-300">{text.home.lead}</p>
        <HelpCodeForm locale={locale} text={text.home} action={enterHelpCodeAction} />
        <p className="mt-6 rounded-xl border border-red-300 bg-red-50 p-4 text-sm leading-6 text-red-950 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
          {text.home.never}
        </p>
        <StepLinksSection text={text} wizardText={m.wizard} />
      </main>
    </>
  );
}
