import { format, type Locale } from '@/lib/i18n/locale';
import { localized, localizedIfAny, localizedList } from '@/lib/i18n/localized';
import {
  GUIDE_STEP_IDS,
  type ConnectionFailureCode,
  type DiagnosisOverride,
  type GuideStepId,
  type KnownFailureCode,
  type MailProvider,
  type ProviderGuideStep,
  type WrittenGuideStep,
} from './types';

// What a provider's catalog (lib/i18n/messages/providers/*.ts) holds for its guide steps and its
// diagnoses, and the one mapping from those words to provider data. A provider module states its
// facts (which page a step opens, what fills a template, which step a diagnosis points back to)
// and names its catalog; the words come from here. Only the locale helpers and the types are
// imported: NetEase's data is in the main client bundle and must stay as light as it is.

/** A guide step's words. */
interface GuideStepWords {
  title: string;
  instruction: string;
  /** Where on the provider's pages the step happens; steps done in our app have none. */
  location?: string;
  outcome: string;
}

/** Steps 2 and 3 happen on the provider's own pages, so their words must say where. */
type ProviderPageStep = 'access-settings' | 'enable-service-and-get-code';

/** The words a catalog gives the four guide steps: a missing step or location fails the type check. */
export type GuideWords = {
  readonly [Id in GuideStepId]: Id extends ProviderPageStep ? GuideStepWords & { location: string } : GuideStepWords;
};

/** What a provider's data adds to a step's words. */
export interface GuideStepFacts {
  /** The page to open for this step. */
  url?: string;
  /** The step written out at length (NetEase's); its words are in the written guide's catalog. */
  written?: WrittenGuideStep;
  /** Values for the `{name}` placeholders in the step's words (the practice domain). */
  values?: Readonly<Record<string, string | number>>;
}

/** The four guide steps, in GUIDE_STEP_IDS order: the catalog's words with the provider's facts. */
export function guideFrom<T extends { guide: GuideWords }>(
  catalog: Readonly<Record<Locale, T>>,
  facts: Readonly<Partial<Record<GuideStepId, GuideStepFacts>>> = {},
): readonly ProviderGuideStep[] {
  return GUIDE_STEP_IDS.map((id): ProviderGuideStep => {
    const { url, written, values } = facts[id] ?? {};
    const fill = (words: string) => (values ? format(words, values) : words);
    const words = (pick: (step: GuideStepWords) => string) => localized(catalog, (m) => fill(pick(m.guide[id])));
    const location = localizedIfAny(catalog, (m) => {
      const where = m.guide[id].location;
      return where === undefined ? undefined : fill(where);
    });
    return {
      id,
      title: words((step) => step.title),
      instruction: words((step) => step.instruction),
      ...(location && { location }),
      outcome: words((step) => step.outcome),
      ...(url !== undefined && { url }),
      ...(written && { written }),
    };
  });
}

type DiagnosedCode = KnownFailureCode | ConnectionFailureCode;

/** A diagnosis's words in a provider's catalog: only what this provider says otherwise. */
export interface DiagnosisWords {
  title?: string;
  explanation?: string;
  checklist?: readonly string[];
}

/** The words a catalog gives its diagnoses, by failure code: an unknown code fails the type check. */
export type DiagnosesWords<D> = Partial<Record<DiagnosedCode, DiagnosisWords>> & Record<Exclude<keyof D, DiagnosedCode>, never>;

/**
 * Every diagnosis the catalog words, with the guide step `guideSteps` sends the user back to for
 * its code. Only the parts the catalog words are set: the general diagnosis keeps the rest.
 */
export function diagnosesFrom<D extends DiagnosesWords<D>>(
  catalog: Readonly<Record<Locale, { diagnoses: D }>>,
  guideSteps: { readonly [Code in keyof D]?: GuideStepId } = {},
): NonNullable<MailProvider['diagnoses']> {
  const codes = Object.keys(catalog.zh.diagnoses) as (keyof D & DiagnosedCode)[];
  return Object.fromEntries(
    codes.map((code): [DiagnosedCode, DiagnosisOverride] => {
      const words = (messages: { diagnoses: D }): DiagnosisWords => messages.diagnoses[code] ?? {};
      const title = localizedIfAny(catalog, (m) => words(m).title);
      const explanation = localizedIfAny(catalog, (m) => words(m).explanation);
      // Lists of different lengths throw in localizedList; a list in one language only is one of them.
      const checklist = (words(catalog.zh).checklist ?? words(catalog.en).checklist) && localizedList(catalog, (m) => words(m).checklist ?? []);
      const guideStep = guideSteps[code];
      return [
        code,
        {
          ...(title && { title }),
          ...(explanation && { explanation }),
          ...(checklist && { checklist }),
          ...(guideStep && { guideStep }),
        },
      ];
    }),
  );
}
