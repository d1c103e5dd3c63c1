import 'server-only';
import type { AppDatabase } from '@/lib/db/client';
import { checkMailbox, type CheckMailboxOptions } from '@/lib/mail-check/check-mailbox';
import { MANUAL_PROVIDER } from '@/lib/providers/manual';
import type { ConnectMailboxResult } from './contract';
import type { SealingOptions } from './queries';
import { saveCheckedMailAccount } from './queries';
import type { ConnectMailboxValues } from './schema';

/**
 * The wizard's submit, for a signed-in owner and input the action parsed with the shared
 * schema: check the mailbox exactly as the client will use it, and save it only when both
 * halves pass, with the secret exactly as the check sent it. The answer carries nothing secret;
 * on failure nothing is written but the attempt record the lockout needs. Complaints are issue
 * codes, or, where the words name what was typed (a refused server), the words in both
 * languages: the form shows them in the reader's.
 */
export async function connectMailboxForOwner(
  db: AppDatabase,
  ownerId: string,
  values: ConnectMailboxValues,
  options: CheckMailboxOptions & SealingOptions = {},
): Promise<ConnectMailboxResult> {
  const result = await checkMailbox(db, values, { ...options, ownerId });
  switch (result.status) {
    case 'invalid_address':
    case 'unknown_provider':
      return { ok: false, code: 'invalid', fieldErrors: { address: [result.message] } };
    case 'invalid_code':
      return { ok: false, code: 'invalid', fieldErrors: { code: [result.issue] } };
    case 'no_such_alternative':
      return { ok: false, code: 'invalid', fieldErrors: {}, formError: 'alternative.unknown' };
    // Manual setup: the complaint goes on the field the user typed the server into.
    case 'invalid_servers':
      return { ok: false, code: 'invalid', fieldErrors: { [result.field]: [result.issue] } };
    case 'host_refused':
      return { ok: false, code: 'invalid', fieldErrors: { [result.field]: [result.message] } };
    case 'refused':
      return { ok: false, code: 'refused', reason: result.reason, retryAt: result.retryAt.toISOString() };
    case 'checked': {
      const { report } = result;
      let saved = false;
      if (report.ok) {
        await saveCheckedMailAccount(
          db,
          {
            ownerId,
            address: result.address,
            providerId: result.providerId,
            endpoints: result.endpoints,
            ...(result.loginName !== undefined ? { loginName: result.loginName } : {}),
            code: result.secret,
            report,
          },
          options,
        );
        saved = true;
      }
      // Which servers were dialled, so the wizard can offer the fallback only after a failure on
      // the address's own servers. Manual setup has no fallback: an alternative sent with it is ignored.
      const usedAlternative = result.providerId === MANUAL_PROVIDER.id ? undefined : values.alternative;
      return {
        ok: true,
        data: {
          address: result.address,
          passed: report.ok,
          imap: report.imap,
          smtp: report.smtp,
          saved,
          ...(usedAlternative !== undefined ? { alternative: usedAlternative } : {}),
        },
      };
    }
  }
}
