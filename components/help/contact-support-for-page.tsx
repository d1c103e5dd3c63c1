import { HELP_MESSAGES } from '@/lib/i18n/messages/help';
import { getMessages } from '@/lib/i18n/server';
import type { Locale } from '@/lib/i18n/locale';
import { WIZARD_STEPS, type WizardStep } from '@/lib/wizard/steps';
import { ContactSupport, type ContactSupportActions } from './contact-support';

/**
 * 「联系客服」 on a customer's page (the wizard, /accounts): the words in the reader's language,
 * and the help-request actions the page passes in (app/actions.ts).
 */
export function ContactSupportForPage({ place, locale, actions }: { place: 'wizard' | 'accounts'; locale: Locale; actions: ContactSupportActions }) {
  const { wizard } = getMessages(locale);
  const stepTitles = Object.fromEntries(WIZARD_STEPS.map((step) => [step, wizard.steps[step].title])) as Record<WizardStep, string>;
  const { open, panelTitle } = HELP_MESSAGES[locale];
  return <ContactSupport place={place} locale={locale} text={{ open, panelTitle }} stepTitles={stepTitles} actions={actions} />;
}
