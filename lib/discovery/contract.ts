import type { ActionResult } from '@/lib/actions/result';
import type { ManualGuess } from './manual';

// What step 1 of the wizard learns about a domain no provider lists, from the server's MX lookup
// (app/actions.ts `discoverMailDomainAction`, lib/discovery/discover-domain.ts). Type-only, shared
// by the server and the wizard's client state.

/**
 * What an address's MX records say about a domain no provider lists. Only a hint for the steps
 * shown: the check looks the records up again on the server.
 */
export type DomainDiscovery =
  /** `firstImapHost`: the server set the domain's MX rule starts with (see detectProviderById), when it names one. */
  | { status: 'provider'; domain: string; providerId: string; confirmed: boolean; firstImapHost?: string }
  | {
      status: 'not_found';
      domain: string;
      reason: 'unknown_provider' | 'no_mx' | 'no_domain' | 'lookup_failed';
      /** Where manual setup starts: the servers guessed from the domain and its MX records. Absent when the lookup never answered. */
      guess?: ManualGuess;
    };

/**
 * The lookup's outcome as the wizard keeps it: a discovery, or why there is none. `rate_limited`:
 * too many lookups from this address (or this user) lately, nothing was asked; try again after
 * `retryAfterSeconds`. `invalid`: not an address.
 */
export type DomainDiscoveryResult =
  | DomainDiscovery
  | { status: 'rate_limited'; domain: string; retryAfterSeconds: number }
  | { status: 'invalid' };

/** The action's answer: the discovery, `rate_limited` as above, or `invalid` for what is no address. */
export type DiscoverDomainResult = ActionResult<DomainDiscovery, { rate_limited: { domain: string; retryAfterSeconds: number } }, never>;

export type DiscoverDomainAction = (address: string) => Promise<DiscoverDomainResult>;
