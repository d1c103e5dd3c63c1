import type { WizardStep } from './steps';

// A link into the wizard may name the provider whose steps to show, `/?provider=qq#access-settings`:
// /accounts' way back to a step and the links support staff paste are often opened in a tab that
// holds no address yet, which would otherwise show NetEase's steps. The hint only stands in for
// the chooser: an address, once typed, still decides.

export const PROVIDER_HINT_PARAM = 'provider';

// Provider ids are short lower-case slugs; anything else is not worth putting in a link.
const PROVIDER_ID = /^[a-z0-9][a-z0-9-]{0,39}$/;

/** The wizard's link to `step`, for the steps of `providerId` when given. `origin` '' makes it relative. */
export function wizardStepHref(step: WizardStep, providerId?: string | null, origin = ''): string {
  const query = providerId && PROVIDER_ID.test(providerId) ? `?${PROVIDER_HINT_PARAM}=${providerId}` : '';
  return `${origin}/${query}#${step}`;
}

/** The provider a location's query names, if it is one of `known`; unknown or malformed hints are ignored. */
export function providerHintOf(search: string, known: readonly string[]): string | undefined {
  const hint = new URLSearchParams(search).get(PROVIDER_HINT_PARAM);
  return hint !== null && PROVIDER_ID.test(hint) && known.includes(hint) ? hint : undefined;
}

/**
 * `location` (path, query and hash) naming `providerId`'s steps, or none, and `hash` as its hash:
 * only the hint changes, so anything else a link carried (a campaign's `utm_…`) stays.
 */
export function withProviderHint(location: string, providerId: string | null, hash: string): string {
  const url = new URL(location, 'http://wizard.invalid');
  if (providerId && PROVIDER_ID.test(providerId)) url.searchParams.set(PROVIDER_HINT_PARAM, providerId);
  else url.searchParams.delete(PROVIDER_HINT_PARAM);
  url.hash = hash;
  return `${url.pathname}${url.search}${url.hash}`;
}
