import { HELP_MESSAGES } from '@/lib/i18n/messages/help';
import { requestNonce } from '@/lib/security/nonce';
import { getMessages } from '@/lib/i18n/server';
import type { Locale } from '@/lib/i18n/locale';
import { WIZARD_STEPS, type WizardStep } from '@/lib/wizard/steps';
import { ContactSupport, type ContactSupportActions } from './contact-support';
import { EARLY_PRESS_SCRIPT } from './early-press';

/**
 * 「联系客服」 on a customer's page (the wizard, /accounts): the words in the reader's language,
 * and the help-request actions the page passes in (app/actions.ts).
 */
export async function ContactSupportForPage({ place, locale, actions }: { place: 'wizard' | 'accounts'; locale: Locale; actions: ContactSupportActions }) {
  const { wizard } = getMessages(locale);
  const stepTitles = Object.fromEntries(WIZARD_STEPS.map((step) => [step, wizard.steps[step].title])) as Record<WizardStep, string>;
  const { open, panelTitle } = HELP_MESSAGES[locale];
  return (
    <>
      {/* Before the button: a press made before the page's scripts run is kept (./early-press.ts). */}
      <script nonce={await requestNonce()} dangerouslySetInnerHTML={{ __html: EARLY_PRESS_SCRIPT }} />
      <ContactSupport place={place} locale={locale} text={{ open, panelTitle }} stepTitles={stepTitles} actions={actions} />
    </>
  );
}
