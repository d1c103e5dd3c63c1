'use server';

import { cookies, headers } from 'next/headers';
import { connectMailboxForOwner } from '@/lib/accounts/connect-mailbox';
import { connectFieldErrors, createConnectMailboxSchema } from '@/lib/accounts/schema';
import { getSessionUser } from '@/lib/auth/server';
import { getDatabase } from '@/lib/db/client';
import { env } from '@/lib/env';
import { getLocale } from '@/lib/i18n/server';
import { isLocale, LOCALE_COOKIE } from '@/lib/i18n/locale';
import { cookieSecure } from '@/lib/security/secure-cookies';
import { takeClientLimits } from '@/lib/limits/address-limit';
import { clientAddressFrom } from '@/lib/net/client';
import { clearHelpToken, readHelpToken, writeHelpToken } from '@/lib/support/help-cookie';
import { helpAnswerSchema, helpProgressSchema } from '@/lib/support/help-schema';
import {
  answerSuggestion,
  customerView,
  endHelpSession,
  helpRequestPolicyFrom,
  newBrowserToken,
  readCustomerHelpView,
  recordHelpProgress,
  requestHelpSession,
  type CustomerHelpView,
} from '@/lib/support/help-sessions';
import type { HelpStep } from '@/lib/support/steps';
import { discoverMailDomain, mxLookupRuleFrom } from '@/lib/wizard/discover-domain';
import type { ConnectMailboxRequest, DomainDiscoveryResult, SubmitResult } from '@/lib/wizard/types';

/**
 * The wizard's submit. Re-validates with the shared schema, needs a signed-in owner, then
 * checks the mailbox exactly as the client will use it and saves it only when both halves
 * pass. The answer never carries the code.
 */
export async function connectMailbox(input: ConnectMailboxRequest): Promise<SubmitResult> {
  const locale = await getLocale();
  // Only the test servers MAIL_MANUAL_ALLOW_HOSTS names may use any port, as in the check itself.
  const schema = createConnectMailboxSchema(locale, undefined, { anyPortHosts: env().MAIL_MANUAL_ALLOW_HOSTS ?? [] });
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    return { status: 'invalid', ...connectFieldErrors(parsed.error) };
  }
  const user = await getSessionUser();
  if (!user) return { status: 'signed_out' };
  const { db } = await getDatabase();
  return connectMailboxForOwner(db, user.id, parsed.data, locale);
}

/**
 * Step 1's MX lookup for a domain no provider lists. Open to anyone, as the guide is: it only
 * asks DNS one question about the domain typed, within the discovery budget. Each lookup that
 * would ask DNS first takes its place in the per-address (and, signed in, per-user) limit, so
 * the app cannot be used to fire DNS queries at will.
 */
export async function discoverMailDomainAction(address: unknown): Promise<DomainDiscoveryResult> {
  if (typeof address !== 'string' || address.length > 320) return { status: 'invalid' };
  const clientAddress = clientAddressFrom(await headers());
  return discoverMailDomain(address, {
    takeLookup: async () => {
      const { db } = await getDatabase();
      const user = await getSessionUser();
      return takeClientLimits(db, mxLookupRuleFrom(env()), { address: clientAddress, userId: user?.id ?? null });
    },
  });
}

const ONE_YEAR_SECONDS = 60 * 60 * 24 * 365;

/** The language switch. Setting the cookie re-renders the page, `<html lang>` included. */
export async function switchLocale(formData: FormData): Promise<void> {
  const locale = formData.get('locale');
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: '/', maxAge: ONE_YEAR_SECONDS, sameSite: 'lax', secure: await cookieSecure() });
}

// ---- 「联系客服」: the customer's side of a help request (also used by /accounts) ----------------

/**
 * Starts a help request for this browser, or shows the one it already has. A new one is limited
 * per client address and per signed-in user, and refused while too many wait for staff; the
 * refusal comes back as a view the panel words (never an error page).
 */
export async function startHelpAction(): Promise<CustomerHelpView> {
  const { db } = await getDatabase();
  const existing = await readCustomerHelpView(db, await readHelpToken());
  if (existing.active) return existing;
  const user = await getSessionUser();
  const token = newBrowserToken();
  const started = await requestHelpSession(
    db,
    { token, customerId: user?.id ?? null, clientAddress: clientAddressFrom(await headers()) },
    helpRequestPolicyFrom(env()),
  );
  if (!started.ok) return { active: false, refused: started.refusal };
  await writeHelpToken(token);
  return customerView(started.session, null);
}

/** Ends this browser's help request; staff lose sight of it at their next refresh. */
export async function endHelpAction(): Promise<CustomerHelpView> {
  const { db } = await getDatabase();
  await endHelpSession(db, await readHelpToken());
  await clearHelpToken();
  return { active: false };
}

/** Where the customer is (step, address as typed, a check running). Silently ignored without a request. */
export async function reportHelpProgressAction(input: unknown): Promise<void> {
  const parsed = helpProgressSchema.safeParse(input);
  if (!parsed.success) return;
  const token = await readHelpToken();
  if (!token) return;
  const { db } = await getDatabase();
  const user = await getSessionUser();
  const { step, address, checking } = parsed.data;
  await recordHelpProgress(db, token, { step: step as HelpStep | undefined, address, checking }, user?.id ?? null);
}

/** The customer followed (or declined) the step staff suggested. */
export async function answerHelpSuggestionAction(input: unknown): Promise<CustomerHelpView> {
  const parsed = helpAnswerSchema.safeParse(input);
  const { db } = await getDatabase();
  const token = await readHelpToken();
  if (parsed.success) await answerSuggestion(db, token, parsed.data.seq, parsed.data.response);
  return readCustomerHelpView(db, token);
}
