import 'server-only';
import { createHash } from 'node:crypto';
import { and, eq, like, or } from 'drizzle-orm';
import type { AppDatabase } from '@/lib/db/client';
import { authVerifications } from '@/lib/db/schema';

// Reset links as the auth library keeps them (auth_verifications: identifier `reset-password:<token>`,
// value the user's id), with two things added by this app:
//  - the token is never stored: the library hashes the identifier before writing or looking it up
//    (its `verification.storeIdentifier` option), so a copy of the table opens no account. The
//    stored form keeps a prefix of its own, so the rows can still be told apart from any other
//    verification, and so that no hash can be typed back as a token (the library also tries the
//    plain identifier, for rows written before hashing was turned on);
//  - revokeResetLinks: every link of a user stops working once their password changed (by a
//    reset or by themselves) or their account is gone.

/** How the library names a reset link before storing it. */
const LIBRARY_PREFIX = 'reset-password:';
/** How this app stores it: a prefix the library never writes, then SHA-256 of the library's identifier. */
const STORED_PREFIX = 'reset-password-sha256:';

/** The identifier stored for the library's `identifier` (`reset-password:<token>`). */
function storedIdentifier(identifier: string): string {
  return `${STORED_PREFIX}${createHash('sha256').update(identifier, 'utf8').digest('base64url')}`;
}

/** The row identifier a reset link's token is stored under. */
export function storedResetIdentifier(token: string): string {
  return storedIdentifier(`${LIBRARY_PREFIX}${token}`);
}

/** The library's `verification` option: reset links hashed, every other verification as the library keeps it. */
export const VERIFICATION_STORAGE = {
  storeIdentifier: {
    default: 'plain',
    overrides: { [LIBRARY_PREFIX]: { hash: async (identifier: string) => storedIdentifier(identifier) } },
  },
} as const;

/**
 * Deletes every reset link of user `userId` (hashed ones, and plain ones from before hashing):
 * after a reset, a password change or a deletion, no older mail may set the password again.
 * `db` may be a transaction.
 */
export async function revokeResetLinks(db: AppDatabase, userId: string): Promise<void> {
  await db
    .delete(authVerifications)
    .where(
      and(
        eq(authVerifications.value, userId),
        or(like(authVerifications.identifier, `${STORED_PREFIX}%`), like(authVerifications.identifier, `${LIBRARY_PREFIX}%`)),
      ),
    );
}
