import { secondaryButton } from '@/components/ui/styles';
import type { WizardMessages } from '@/lib/i18n/messages/wizard';
import { wizardStepHref } from '@/lib/wizard/provider-hint';

// Step 3, for a reader who is not signed in (the page draws it only for them): before the code is
// made, which the provider shows once, that saving the mailbox needs an account. The links come
// back to this step, with the provider whose steps are shown.

const STEP = 'enable-service-and-get-code';

export function SaveAccountNotice({ text, providerId }: { text: WizardMessages['saveAccount']; providerId: string }) {
  const next = `?next=${encodeURIComponent(wizardStepHref(STEP, providerId))}`;
  return (
    <aside
      aria-labelledby="save-account-notice-title"
      className="mb-6 rounded-xl border border-blue-200 bg-blue-50 p-4 dark:border-blue-800 dark:bg-blue-950"
    >
      <p id="save-account-notice-title" className="font-semibold text-blue-950 dark:text-blue-100">
        {text.noticeTitle}
      </p>
      <p className="mt-1 text-sm leading-6 text-blue-950 dark:text-blue-100">{text.notice}</p>
      <p className="mt-3 flex flex-wrap gap-3">
        <a href={`/sign-in${next}`} className={secondaryButton}>
          {text.signIn}
        </a>
        <a href={`/sign-up${next}`} className={secondaryButton}>
          {text.signUp}
        </a>
      </p>
    </aside>
  );
}
