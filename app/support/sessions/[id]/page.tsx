import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { switchLocale } from '@/app/actions';
import { suggestStepAction } from '@/app/support/actions';
import { LiveSession } from '@/components/support/live-session';
import { StepLinksSection } from '@/components/support/step-links-section';
import { SupportHeader } from '@/components/support/support-header';
import { textLink } from '@/components/ui/styles';
import { SUPPORT_MESSAGES } from '@/lib/i18n/messages/support';
import { getLocale, getMessages } from '@/lib/i18n/server';
import { requireStaffPage } from '@/lib/support/access';
import { readStaffSessionView, recordSessionViewed } from '@/lib/support/console';
import { WIZARD_STEPS, type WizardStep } from '@/lib/wizard/steps';

export async function generateMetadata(): Promise<Metadata> {
  return { title: SUPPORT_MESSAGES[await getLocale()].meta.title };
}

/** One customer's progress, live, for the staff member who entered their help code. */
export default async function SupportSessionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { db, staff } = await requireStaffPage(`/support/sessions/${encodeURIComponent(id)}`);
  const locale = await getLocale();
  // Written before anything is shown: the audit log holds every look at a customer's data.
  if (!(await recordSessionViewed(db, staff, id))) notFound();
  const view = await readStaffSessionView(db, staff, id, locale);
  if (!view) notFound();
  const text = SUPPORT_MESSAGES[locale];
  const m = getMessages(locale);
  const stepTitles = Object.fromEntries(WIZARD_STEPS.map((step) => [step, m.wizard.steps[step].title])) as Record<WizardStep, string>;
  return (
    <>
      <SupportHeader locale={locale} text={text} headerText={m.header} switchLocale={switchLocale} />
      <main className="mx-auto max-w-3xl px-4 pt-8 pb-16">
        <p className="mb-4 text-sm">
          <Link href="/support" className={textLink}>
            ← {text.session.back}
          </Link>
        </p>
        <LiveSession sessionId={id} initialView={view} locale={locale} text={text} stepTitles={stepTitles} suggestAction={suggestStepAction} />
        <StepLinksSection text={text} wizardText={m.wizard} providerId={view.state === 'live' ? view.providerId : null} />
      </main>
    </>
  );
}
