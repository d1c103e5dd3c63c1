'use client';

import { primaryButton } from '@/components/ui/styles';
import { format, type Locale } from '@/lib/i18n/locale';
import { DEFAULT_SHOWN_DOMAIN } from '@/lib/wizard/default-domain';
import { useWizardLogic } from '@/lib/wizard/client/logic-loader';
import { useSessionStore } from '@/lib/wizard/client/session-store';
import { addressStore } from '@/lib/wizard/client/stores';

/** Step 2's button: the webmail of the address typed in step 1 (163.com until then), in a new tab. */
export function WebmailLink({
  locale,
  text,
}: {
  locale: Locale;
  text: { open: string; opensInNewTab: string };
}) {
  const typed = useSessionStore(addressStore);
  const logic = useWizardLogic(typed !== '');
  const view = logic?.viewAddress(typed);
  const info = view?.kind === 'known' ? view.domain.info : DEFAULT_SHOWN_DOMAIN.info;
  return (
    <a href={info.webmailUrl} target="_blank" rel="noopener noreferrer" className={primaryButton}>
      {format(text.open, { name: info.name[locale] })}
      <span className="sr-only">{text.opensInNewTab}</span>
      <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.5">
        <path d="M9 2.5h4.5V7M13.5 2.5L7 9M11.5 9.5v3a1 1 0 01-1 1h-7a1 1 0 01-1-1v-7a1 1 0 011-1h3" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
    </a>
  );
}
