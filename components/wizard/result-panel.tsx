'use client';

import { secondaryButton } from '@/components/ui/styles';
import type { Locale } from '@/lib/i18n/locale';
import type { WizardMessages as Messages } from '@/lib/i18n/messages/wizard';
import type { CheckStage } from '@/lib/mail-check/types';
import { onDemand, useOnDemand } from '@/lib/wizard/client/on-demand';
import { useSessionStore } from '@/lib/wizard/client/session-store';
import { checkStore, resultStore } from '@/lib/wizard/client/stores';
import { CheckProgress, type CheckProgressText } from './check-progress';

export interface ResultPanelProps {
  locale: Locale;
  /** What the step says before any check; the rest of its words come with the result view. */
  text: Pick<Messages['result'], 'empty' | 'goToForm'>;
  progressText: CheckProgressText;
  stageLabels: Record<CheckStage, string>;
}

// A first visit has no result to show: the diagnosis, the fallback offer and the lockout's words
// are fetched once a check starts, or when the tab kept a result from before a reload.
const resultView = onDemand(() => import('./result-view'));

/** Step 5: what the last check said, kept for the tab so a reload shows it again. */
export function ResultPanel(props: ResultPanelProps) {
  const { text, progressText } = props;
  const result = useSessionStore(resultStore);
  const check = useSessionStore(checkStore);
  const view = useOnDemand(resultView, result !== null || check.phase !== 'idle');

  if (check.phase === 'running') {
    return <CheckProgress check={check} text={progressText} />;
  }
  // Until the words for a kept result are here, the step reads as the server drew it.
  if (!result || !view) {
    return (
      <div>
        <p className="leading-7">{text.empty}</p>
        <a href="#configure-in-client" className={`${secondaryButton} mt-4`}>
          {text.goToForm}
        </a>
      </div>
    );
  }
  return <view.ResultView result={result} props={props} />;
}
