'use server';

import { cookies, headers } from 'next/headers';
import { z } from '@/lib/zod';
import type { ConnectMailboxAction } from '@/lib/accounts/contract';
import { connectMailboxForOwner } from '@/lib/accounts/connect-mailbox';
import { connectFieldErrors, createConnectMailboxSchema } from '@/lib/accounts/schema';
import { defineAction } from '@/lib/actions/define-action';
import type { DiscoverDomainAction } from '@/lib/discovery/contract';
import { env } from '@/lib/env';
import { isLocale, LOCALE_COOKIE, type Locale } from '@/lib/i18n/locale';
import { cookieSecure } from '@/lib/security/secure-cookies';
import { takeClientLimits } from '@/lib/limits/address-limit';
import { clientAddressFrom } from '@/lib/net/client';
import { clearHelpToken, readHelpToken, writeHelpToken } from '@/lib/support/help-cookie';
import { helpAnswerSchema, helpProgressSchema, type HelpViewResult, type StartHelpResult } from '@/lib/support/help-schema';
import {
  answerSuggestion,
  customerView,
  endHelpSession,
  helpRequestPolicyFrom,
  newBrowserToken,
  readCustomerHelpView,
  recordHelpProgress,
  requestHelpSession,
} from '@/lib/support/help-sessions';
import type { HelpStep } from '@/lib/support/steps';
import { discoverMailDomain, mxLookupRuleFrom } from '@/lib/discovery/discover-domain';

// The wizard's actions, the language switch, and the customer's side of 「联系客服」 (also used
// by /accounts). Each goes through defineAction: parsed with its schema, its caller checked.

// Only the test servers MAIL_MANUAL_ALLOW_HOSTS names may use any port, as in the check itself.
// Built at the first submit, not at import, so that reading the environment waits for a request.
let connectSchema: ReturnType<typeof createConnectMailboxSchema> | undefined;
const serverConnectSchema = () => (connectSchema ??= createConnectMailboxSchema(undefined, { anyPortHosts: env().MAIL_MANUAL_ALLOW_HOSTS ?? [] }));

/**
 * The wizard's submit. Re-validates with the shared schema, needs a signed-in owner, then
 * checks the mailbox exactly as the client will use it and saves it only when both halves
 * pass. The answer never carries the code.
 */
export const connectMailbox: ConnectMailboxAction = defineAction(
  { schema: z.lazy(serverConnectSchema), access: 'user', invalid: connectFieldErrors },
  async ({ input, db, user }) => connectMailboxForOwner(db, user.id, input),
);

/**
 * Step 1's discovery for a domain no provider lists (lib/discovery/discover-domain.ts: MX and SRV
 * records, the domain's autoconfig file through the address guard). Open to anyone, as the guide
 * is, within the discovery budget. Each discovery that would ask anyone first takes its place in
 * the per-address (and, signed in, per-user) limit, so the app cannot be used to fire DNS queries
 * or HTTPS requests at will; a domain answered in the last few minutes costs nothing. The answer
 * says where the servers come from (`guess.source`), which step 1 shows.
 */
export const discoverMailDomainAction: DiscoverDomainAction = defineAction(
  { schema: z.string().max(320), access: 'anyone' },
  async ({ input, db, user }) => {
    const clientAddress = clientAddressFrom(await headers());
    const found = await discoverMailDomain(input, {
      takeLookup: async () => {
        const database = await db();
        const userId = (await user())?.id ?? null;
        return takeClientLimits(database, mxLookupRuleFrom(env()), { address: clientAddress, userId });
      },
    });
    switch (found.status) {
      case 'invalid':
        return { ok: false, code: 'invalid', fieldErrors: {} };
      case 'rate_limited':
        return { ok: false, code: 'rate_limited', domain: found.domain, retryAfterSeconds: found.retryAfterSeconds };
      default:
        return { ok: true, data: found };
    }
  },
);

const ONE_YEAR_SECONDS = 60 * 60 * 24 * 365;

const setLocale = defineAction(
  { schema: z.object({ locale: z.unknown().pipe(z.custom<Locale>(isLocale)) }), access: 'anyone' },
  async ({ input }) => {
    (await cookies()).set(LOCALE_COOKIE, input.locale, { path: '/', maxAge: ONE_YEAR_SECONDS, sameSite: 'lax', secure: await cookieSecure() });
    return { ok: true, data: null } as const;
  },
);

/**
 * The language switch, a form's action (so it answers nothing). Setting the cookie re-renders
 * the page, `<html lang>` included; anything but a language we have changes nothing.
 */
export async function switchLocale(formData: FormData): Promise<void> {
  // A server action can be posted anything; only a form's data has a language to read.
  if (!(formData instanceof FormData)) return;
  await setLocale({ locale: formData.get('locale') });
}

// ---- 「联系客服」: the customer's side of a help request (also used by /accounts) ----------------

/**
 * Starts a help request for this browser, or shows the one it already has. A new one is limited
 * per client address and per signed-in user, and refused while too many wait for staff; the
 * refusal comes back as a failure the panel words (never an error page).
 */
export const startHelpAction = defineAction(
  { schema: z.void(), access: 'anyone' },
  async ({ db, user }): Promise<StartHelpResult> => {
    const database = await db();
    const existing = await readCustomerHelpView(database, await readHelpToken());
    if (existing.active) return { ok: true, data: existing };
    const customerId = (await user())?.id ?? null;
    const token = newBrowserToken();
    const started = await requestHelpSession(
      database,
      { token, customerId, clientAddress: clientAddressFrom(await headers()) },
      helpRequestPolicyFrom(env()),
    );
    if (!started.ok) {
      const { refusal } = started;
      return refusal.reason === 'busy' ? { ok: false, code: 'busy' } : { ok: false, code: 'rate_limited', retryAfterSeconds: refusal.retryAfterSeconds };
    }
    await writeHelpToken(token);
    return { ok: true, data: customerView(started.session, null) };
  },
);

/** Ends this browser's help request; staff lose sight of it at their next refresh. */
export const endHelpAction = defineAction({ schema: z.void(), access: 'anyone' }, async ({ db }): Promise<HelpViewResult> => {
  await endHelpSession(await db(), await readHelpToken());
  await clearHelpToken();
  return { ok: true, data: { active: false } };
});

/** Where the customer is (step, address as typed, a check running). Silently ignored without a request. */
export const reportHelpProgressAction = defineAction({ schema: helpProgressSchema, access: 'anyone' }, async ({ input, db, user }) => {
  const token = await readHelpToken();
  if (!token) return { ok: true, data: null } as const;
  const database = await db();
  const customerId = (await user())?.id ?? null;
  const { step, address, checking } = input;
  await recordHelpProgress(database, token, { step: step as HelpStep | undefined, address, checking }, customerId);
  return { ok: true, data: null } as const;
});

/** The customer followed (or declined) the step staff suggested. */
export const answerHelpSuggestionAction = defineAction(
  { schema: helpAnswerSchema, access: 'anyone' },
  async ({ input, db }): Promise<HelpViewResult> => {
    const database = await db();
    const token = await readHelpToken();
    await answerSuggestion(database, token, input.seq, input.response);
    return { ok: true, data: await readCustomerHelpView(database, token) };
  },
);
