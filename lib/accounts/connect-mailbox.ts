import 'server-only';
import type { AppDatabase } from '@/lib/db/client';
import { checkMailbox, type CheckMailboxOptions } from '@/lib/mail-check/check-mailbox';
import { MANUAL_PROVIDER } from '@/lib/providers/manual';
import type { Locale } from '@/lib/i18n/locale';
import type { SubmitResult } from '@/lib/wizard/types';
import type { SealingOptions } from './queries';
import { saveCheckedMailAccount } from './queries';
import type { ConnectMailboxValues } from './schema';

const NO_SUCH_SERVERS = {
  zh: '这个地址没有所选的备用服务器。请在第 4 步改回它自己的服务器再检测。',
  en: 'This address has no such fallback servers. Switch back to its own servers in step 4 and check again.',
} as const;

/**
 * The wizard's submit, for a signed-in owner and input that already passed the shared schema:
 * check the mailbox exactly as the client will use it, and save it only when both halves pass.
 * The answer carries nothing secret; on failure nothing is written but the attempt record the
 * lockout needs.
 */
export async function connectMailboxForOwner(
  db: AppDatabase,
  ownerId: string,
  values: ConnectMailboxValues,
  locale: Locale,
  options: CheckMailboxOptions & SealingOptions = {},
): Promise<SubmitResult> {
  const result = await checkMailbox(db, values, { ...options, ownerId });
  switch (result.status) {
    case 'invalid_address':
    case 'unknown_provider':
      return { status: 'invalid', fieldErrors: { address: [result.message[locale]] } };
    case 'invalid_code':
      return { status: 'invalid', fieldErrors: { code: [result.message[locale]] } };
    case 'no_such_alternative':
      return { status: 'invalid', fieldErrors: {}, formError: NO_SUCH_SERVERS[locale] };
    // Manual setup: the message goes on the field the user typed the server into.
    case 'invalid_servers':
    case 'host_refused':
      return { status: 'invalid', fieldErrors: { [result.field]: [result.message[locale]] } };
    case 'refused':
      return { status: 'refused', reason: result.reason, retryAt: result.retryAt.toISOString() };
    case 'checked': {
      const { report } = result;
      let saved = false;
      if (report.ok) {
        await saveCheckedMailAccount(
          db,
          { ownerId, address: result.address, providerId: result.providerId, endpoints: result.endpoints, code: values.code, report },
          options,
        );
        saved = true;
      }
      // Which servers were dialled, so the wizard can offer the fallback only after a failure on
      // the address's own servers. Manual setup has no fallback: an alternative sent with it is ignored.
      const usedAlternative = result.providerId === MANUAL_PROVIDER.id ? undefined : values.alternative;
      return {
        status: 'checked',
        address: result.address,
        ok: report.ok,
        imap: report.imap,
        smtp: report.smtp,
        saved,
        ...(usedAlternative !== undefined ? { alternative: usedAlternative } : {}),
      };
    }
  }
}
