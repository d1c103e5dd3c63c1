import { CredentialSampleIllustration, sampleCode } from '@/components/illustrations/credential-sample';
import { SettingsPathIllustration } from '@/components/illustrations/settings-path';
import { LangRuns } from '@/components/ui/lang-runs';
import { primaryButton } from '@/components/ui/styles';
import { format, type Locale } from '@/lib/i18n/locale';
import type { Messages } from '@/lib/i18n/messages/zh';
import type { GuideStepId, MailProvider } from '@/lib/providers/types';

// Steps 2 to 4 of a provider after NetEase, drawn from its guide data: what to do, where, what
// the user should see, and the facts (and doubts) that matter at that step. NetEase keeps its
// own long-form steps and drawings (app/page.tsx).

type GuideText = Messages['guide'];

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

export function ProviderGuideStep({
  provider,
  step,
  locale,
  text,
  sampleLabel,
}: {
  provider: MailProvider;
  step: Exclude<GuideStepId, 'core-parameters-configuration'>;
  locale: Locale;
  text: GuideText;
  sampleLabel: string;
}) {
  const own = provider.guide?.find((s) => s.id === step);
  if (!own) return null;
  const name = provider.name[locale];
  const credential = provider.credential.name[locale];
  const tip = (text.tips as Record<string, string | undefined>)[provider.id];
  const link = own.url ? (provider.helpLinks?.find((help) => help.url === own.url)?.label[locale] ?? name) : undefined;
  const figureId = `figure-${provider.id}-${step}`;
  const sample = sampleCode(provider.credential.format);

  return (
    <div data-provider-guide={provider.id}>
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
              sample: sampleLabel,
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
