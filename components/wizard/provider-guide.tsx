import type { ReactNode } from 'react';
import { ClientPasswordIllustration } from '@/components/illustrations/client-password';
import { CodeDialogIllustration } from '@/components/illustrations/code-dialog';
import { CredentialSampleIllustration, sampleCode } from '@/components/illustrations/credential-sample';
import { ServiceSwitchesIllustration } from '@/components/illustrations/service-switches';
import { SettingsPathIllustration } from '@/components/illustrations/settings-path';
import { SmsCheckIllustration } from '@/components/illustrations/sms-check';
import { StatusBadgeIllustration } from '@/components/illustrations/status-badge';
import { WebmailSettingsIllustration } from '@/components/illustrations/webmail-settings';
import { CalloutList } from '@/components/ui/callout';
import { LangRuns } from '@/components/ui/lang-runs';
import { primaryButton, textLink } from '@/components/ui/styles';
import { format, type Locale } from '@/lib/i18n/locale';
import type { WrittenGuideMessages, WrittenGuideText } from '@/lib/i18n/messages/written-guides';
import type { WizardMessages } from '@/lib/i18n/messages/wizard';
import type { GuideBlock, GuideFigure, GuideStepId, MailProvider } from '@/lib/providers/types';
import { WebmailLink } from './webmail-link';

// Steps 2 to 4 of any provider's guide, drawn from its data. A step written out at length
// (NetEase's) is drawn block by block, around drawings of the provider's own screens; any other
// step is drawn from its summary: what to do, where, what the user should see, and the facts (and
// doubts) that matter at that step.

export interface ProviderGuideText {
  /** The labels around a step's summary. */
  guide: WizardMessages['guide'];
  /** The words of the guides written out at length, by provider. */
  written: WrittenGuideMessages;
  /** The status a working mailbox shows, as the status drawing shows it. */
  statusOk: string;
}

type StepAfterAddress = Exclude<GuideStepId, 'core-parameters-configuration'>;

type StepWords = Readonly<Record<string, string | readonly string[]>>;

const splitPath = (path: string) => path.split('→').map((part) => part.trim()).filter(Boolean);

function Box({ tone, title, children }: { tone: 'info' | 'warn' | 'danger'; title: string; children: React.ReactNode }) {
  const tones = {
    info: 'border-sky-200 bg-sky-50 text-sky-950 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-100',
    warn: 'border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100',
    danger: 'border-red-300 bg-red-50 text-red-950 dark:border-red-800 dark:bg-red-950 dark:text-red-100',
  };
  return (
    <div role="note" className={`mt-4 rounded-xl border p-4 ${tones[tone]}`}>
      <p className="font-semibold">{title}</p>
      <div className="mt-1 text-sm leading-6">{children}</div>
    </div>
  );
}

// ---- steps written out at length -------------------------------------------------------------

// A key the data names and the catalog lacks is a bug in one of them (providers.test.ts holds
// every key to both languages), not something to show the reader.
function wordsOf(words: StepWords, key: string): string {
  const value = words[key];
  if (typeof value !== 'string') throw new Error(`The written guide has no text "${key}"`);
  return value;
}

function listOf(words: StepWords, key: string): readonly string[] {
  const value = words[key];
  if (value === undefined || typeof value === 'string') throw new Error(`The written guide has no list "${key}"`);
  return value;
}

function Drawing({ figure, text, statusOk }: { figure: GuideFigure; text: WrittenGuideText['figures']; statusOk: string }) {
  switch (figure) {
    case 'webmail':
      return <WebmailSettingsIllustration text={text.webmail} />;
    case 'switches':
      return <ServiceSwitchesIllustration text={text.switches} />;
    case 'sms':
      return <SmsCheckIllustration text={text.sms} />;
    case 'code':
      return <CodeDialogIllustration text={text.code} />;
    case 'client':
      return <ClientPasswordIllustration text={text.client} />;
    case 'status':
      return <StatusBadgeIllustration text={text.status} statusLabel={statusOk} />;
  }
}

const TONES = {
  lead: 'leading-7',
  plain: 'mt-4 text-sm leading-6',
  muted: 'mt-3 text-sm leading-6 text-slate-600 dark:text-slate-300',
} as const;

function WrittenBlock({
  block,
  start,
  provider,
  words,
  guideWords,
  locale,
  text,
}: {
  block: GuideBlock;
  /** The number of this block's first item, when it is a numbered list. */
  start: number;
  provider: MailProvider;
  words: StepWords;
  guideWords: WrittenGuideText;
  locale: Locale;
  text: ProviderGuideText;
}): ReactNode {
  switch (block.kind) {
    case 'text':
      return (
        <p className={TONES[block.tone]}>
          <LangRuns text={wordsOf(words, block.text)} locale={locale} />
        </p>
      );
    case 'steps':
      return <CalloutList items={listOf(words, block.items)} start={start} locale={locale} />;
    case 'figure':
      return <Drawing figure={block.figure} text={guideWords.figures} statusOk={text.statusOk} />;
    case 'warning':
      return (
        <div
          role="note"
          aria-labelledby={`${block.id}-title`}
          className="rounded-xl border border-red-300 bg-red-50 p-4 dark:border-red-800 dark:bg-red-950"
        >
          <p id={`${block.id}-title`} className="font-semibold text-red-900 dark:text-red-100">
            <LangRuns text={wordsOf(words, block.title)} locale={locale} />
          </p>
          <p className="mt-1 text-sm leading-6 text-red-950 dark:text-red-100">
            <LangRuns text={wordsOf(words, block.text)} locale={locale} />
          </p>
        </div>
      );
    case 'webmail-link':
      return (
        <div className="mt-4">
          <WebmailLink locale={locale} text={{ open: wordsOf(words, block.text), opensInNewTab: text.guide.opensInNewTab }} />
        </div>
      );
    case 'other-webmails':
      return (
        <p className="mt-3 text-sm">
          {wordsOf(words, block.text)}{' '}
          {provider.domains
            .filter((domain) => domain.confirmed)
            .map((domain, index) => (
              <span key={domain.domain}>
                {index > 0 && ' · '}
                <a href={domain.webmailUrl} target="_blank" rel="noopener noreferrer" className={textLink}>
                  {domain.domain}
                  <span className="sr-only">{text.guide.opensInNewTab}</span>
                </a>
              </span>
            ))}
        </p>
      );
    case 'settings-path':
      return (
        <p className="mt-3 text-sm">
          {wordsOf(words, block.text)}{' '}
          <span className="font-medium">
            <LangRuns text={provider.settingsPath[locale]} locale={locale} />
          </span>
        </p>
      );
  }
}

function WrittenBlocks({
  blocks,
  step,
  provider,
  locale,
  text,
}: {
  blocks: readonly GuideBlock[];
  step: StepAfterAddress;
  provider: MailProvider;
  locale: Locale;
  text: ProviderGuideText;
}) {
  const guideWords = (text.written as Partial<Record<string, WrittenGuideText>>)[provider.id];
  if (!guideWords) throw new Error(`No written guide for provider ${provider.id}`);
  const words: StepWords = guideWords[step];
  // Each numbered list goes on from where the step's previous one stopped.
  let numbered = 0;
  const starts = blocks.map((block) => {
    const start = numbered + 1;
    if (block.kind === 'steps') numbered += listOf(words, block.items).length;
    return start;
  });
  return blocks.map((block, index) => (
    <WrittenBlock
      key={index}
      block={block}
      start={starts[index] ?? 1}
      provider={provider}
      words={words}
      guideWords={guideWords}
      locale={locale}
      text={text}
    />
  ));
}

// ---- steps drawn from their summary -----------------------------------------------------------

function StepSummary({ provider, step, locale, text }: { provider: MailProvider; step: StepAfterAddress; locale: Locale; text: WizardMessages['guide'] }) {
  const own = provider.guide?.find((s) => s.id === step);
  if (!own) return null;
  const name = provider.name[locale];
  const credential = provider.credential.name[locale];
  const tip = (text.tips as Record<string, string | undefined>)[provider.id];
  const link = own.url ? (provider.helpLinks?.find((help) => help.url === own.url)?.label[locale] ?? name) : undefined;
  const figureId = `figure-${provider.id}-${step}`;
  const sample = sampleCode(provider.credential.format);

  return (
    <div data-provider-guide={provider.id} className="wrap-anywhere">
      <p className="leading-7">
        <LangRuns text={own.instruction[locale]} locale={locale} />
      </p>
      {own.location && (
        <p className="mt-3 text-sm">
          {text.where}
          <span className="font-medium">
            <LangRuns text={own.location[locale]} locale={locale} />
          </span>
        </p>
      )}

      {step === 'access-settings' && own.url && link && (
        <div className="mt-4">
          <a href={own.url} target="_blank" rel="noopener noreferrer" className={primaryButton}>
            {format(text.open, { label: link })}
            <span className="sr-only">{text.opensInNewTab}</span>
          </a>
        </div>
      )}
      {step === 'access-settings' && provider.credential.prerequisite && (
        <Box tone="warn" title={text.prerequisiteTitle}>
          {provider.credential.prerequisite[locale]}
        </Box>
      )}
      {step === 'access-settings' && own.location && (
        <SettingsPathIllustration
          id={figureId}
          url={own.url ?? provider.domains[0]?.webmailUrl ?? provider.customDomains?.webmailUrl ?? ''}
          path={splitPath(own.location[locale])}
          title={format(text.figures.path.title, { name })}
          description={format(text.figures.path.description, {
            url: own.url ?? '',
            path: splitPath(own.location[locale]).join('、'),
          })}
        />
      )}

      {step === 'enable-service-and-get-code' && (
        <>
          <CredentialSampleIllustration
            id={figureId}
            credentialName={credential}
            format={provider.credential.format}
            text={{
              ...text.figures.code,
              title: format(text.figures.code.title, { credential }),
              description: format(text.figures.code.description, { sample: sample ?? '' }),
              unknownDescription: format(text.figures.code.unknownDescription, { credential }),
            }}
          />
          {provider.credential.shownOnce && (
            <Box tone="danger" title={format(text.onceTitle, { credential })}>
              {text.once}
            </Box>
          )}
          {(provider.credential.named || provider.credential.expires) && (
            <Box tone="info" title={credential}>
              {text.namedExpires}
            </Box>
          )}
        </>
      )}

      <p className="mt-4 text-sm leading-6">
        <span className="font-medium">{text.expect}</span>
        <LangRuns text={own.outcome[locale]} locale={locale} />
      </p>

      {step === 'enable-service-and-get-code' && provider.notes && provider.notes.length > 0 && (
        <Box tone="info" title={text.notesTitle}>
          <ul className="list-disc space-y-1 pl-5">
            {provider.notes.map((note) => (
              <li key={note.zh}>{note[locale]}</li>
            ))}
          </ul>
        </Box>
      )}
      {step === 'configure-in-client' && tip && (
        <Box tone="warn" title={text.notesTitle}>
          {tip}
        </Box>
      )}
      {step === 'configure-in-client' && provider.assumptions && provider.assumptions.length > 0 && (
        <details className="mt-4 rounded-lg border border-slate-200 p-3 text-sm dark:border-slate-700">
          <summary className="cursor-pointer font-medium">{text.assumptionsTitle}</summary>
          <p className="mt-2">{text.assumptionsIntro}</p>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {provider.assumptions.map((assumption) => (
              <li key={assumption.zh}>{assumption[locale]}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

// ---- the step --------------------------------------------------------------------------------

/** Which step of which provider, in which words: the props of both parts of a step's guide. */
interface ProviderGuideProps {
  provider: MailProvider;
  step: StepAfterAddress;
  locale: Locale;
  text: ProviderGuideText;
}

/** One of steps 2 to 4 in `provider`'s words: written out at length where its data says so. */
export function ProviderGuideStep({ provider, step, locale, text }: ProviderGuideProps) {
  const written = provider.guide?.find((s) => s.id === step)?.written;
  if (written) return <WrittenBlocks blocks={written.body} step={step} provider={provider} locale={locale} text={text} />;
  const summary = <StepSummary provider={provider} step={step} locale={locale} text={text.guide} />;
  // Step 4's code form follows directly. A written step ends on a drawing, whose own margin
  // keeps the form apart; a summary needs the space.
  return step === 'configure-in-client' ? <div className="mb-6">{summary}</div> : summary;
}

/** What a written step shows under the code form; nothing for any other step. */
export function ProviderGuideAfterForm({ provider, step, locale, text }: ProviderGuideProps) {
  const afterForm = provider.guide?.find((s) => s.id === step)?.written?.afterForm;
  if (!afterForm) return null;
  return <WrittenBlocks blocks={afterForm} step={step} provider={provider} locale={locale} text={text} />;
}
