'use client';

import { ServerTable, type ServerTableText } from '@/components/providers/server-table';
import { secondaryButton } from '@/components/ui/styles';
import { format } from '@/lib/i18n/locale';
import type { WizardMessages as Messages } from '@/lib/i18n/messages/wizard';
import { useWizardLogic } from '@/lib/wizard/client/logic-loader';
import { useManualDraft } from '@/lib/wizard/client/shown-domain';

/** Step 4 of manual setup: the servers the check will use, as typed on step 1, and the way back to change them. */
export function ManualSummary({ text, tableText }: { text: Messages['address']['manual']; tableText: ServerTableText }) {
  // The typed servers are kept by the validation code, fetched for this step anyway.
  const logic = useWizardLogic(true);
  const draft = useManualDraft(logic);
  const endpoints = draft && logic ? logic.draftEndpoints(draft.values) : undefined;
  return (
    <div className="mb-6">
      {endpoints ? (
        <ServerTable endpoints={endpoints} caption={text.summaryCaption} text={tableText} />
      ) : (
        <p className="leading-7">{text.summaryIncomplete}</p>
      )}
      {/* The name the check logs in with, when it is not the address. */}
      {endpoints && draft && draft.values.loginName.trim() !== '' && (
        <p className="mt-2 text-sm leading-6 break-all">{format(text.summaryLogin, { name: draft.values.loginName.trim() })}</p>
      )}
      <a href="#core-parameters-configuration" className={`${secondaryButton} mt-3`}>
        {text.summaryEdit}
      </a>
    </div>
  );
}
