import { answerHelpSuggestionAction, endHelpAction, reportHelpProgressAction, startHelpAction } from '@/app/actions';
import { HELP_MESSAGES } from '@/lib/i18n/messages/help';
import { getMessages } from '@/lib/i18n/server';
import type { Locale } from '@/lib/i18n/locale';
import { WIZARD_STEPS, type WizardStep } from '@/lib/wizard/steps';
import { ContactSupport, type ContactSupportActions } from './contact-support';

const HELP_ACTIONS: ContactSupportActions = {
  start: startHelpAction,
  end: endHelpAction,
  report: reportHelpProgressAction,
  answer: answerHelpSuggestionAction,
};

/** 「联系客服」 on a customer's page (the wizard, /accounts): the help-request actions and words, in the reader's language. */
export function ContactSupportForPage({ place, locale }: { place: 'wizard' | 'accounts'; locale: Locale }) {
  const { wizard } = getMessages(locale);
  const stepTitles = Object.fromEntries(WIZARD_STEPS.map((step) => [step, wizard.steps[step].title])) as Record<WizardStep, string>;
  return <ContactSupport place={place} locale={locale} text={HELP_MESSAGES[locale]} stepTitles={stepTitles} actions={HELP_ACTIONS} />;
}
