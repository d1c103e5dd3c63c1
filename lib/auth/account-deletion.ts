import 'server-only';
import { eq } from 'drizzle-orm';
import { deleteOwnedAccount } from '@/lib/accounts/manage-queries';
import type { AppDatabase } from '@/lib/db/client';
import { authUsers, mailAccounts } from '@/lib/db/schema';
import { revokeResetLinks } from './reset-links';

// 「删除账号」: a user removes themselves. In one transaction:
//  - each of their mailboxes goes as /accounts' delete does it (lib/accounts/manage-queries.ts
//    deleteOwnedAccount): the row, its sealed code and its status history, with an audit entry
//    ('deleted': owner id, mailbox id, address; never a secret) that outlives them;
//  - their unused reset links;
//  - the user, and with it (foreign keys, ON DELETE CASCADE) their sessions, their password
//    account and their help requests.
// What has no foreign key to the user stays, as it must: the audit logs (account_audit_log,
// support_audit_log, role_audit_log) and the check attempts (check_attempts: the lockout and the
// provider's budget count them, and staff's history of a customer's attempts shows them). None
// of those holds a password, a code or a sealed value.

export interface DeletedUser {
  /** The mailboxes that went with the user. */
  mailboxes: { id: string; address: string }[];
}

/** Deletes the user `userId` and everything of theirs above; null when there is no such user. */
export async function deleteUserWithMailboxes(db: AppDatabase, userId: string): Promise<DeletedUser | null> {
  return db.transaction(async (tx) => {
    // The user's row first, locked: a mailbox saved at this moment (its insert checks the foreign
    // key, which waits for this lock) cannot slip in after the mailboxes were read and then go
    // with the user by cascade, without its audit entry.
    const [user] = await tx.select({ id: authUsers.id }).from(authUsers).where(eq(authUsers.id, userId)).for('update');
    if (!user) return null;
    // No mailbox can be added meanwhile (the lock above), so the ones read here are all of them;
    // each goes exactly as /accounts deletes one, audit entry included.
    const mailboxes = await tx.select({ id: mailAccounts.id, address: mailAccounts.address }).from(mailAccounts).where(eq(mailAccounts.ownerId, userId));
    for (const mailbox of mailboxes) await deleteOwnedAccount(tx, userId, mailbox.id);
    await revokeResetLinks(tx, userId);
    await tx.delete(authUsers).where(eq(authUsers.id, userId));
    return { mailboxes };
  });
}
