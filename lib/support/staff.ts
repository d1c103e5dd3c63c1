import 'server-only';
import { eq } from 'drizzle-orm';
import type { AppDatabase } from '@/lib/db/client';
import { authUsers, type UserRole } from '@/lib/db/schema';
import type { StaffMember } from './console';

// The staff role lives in auth_users.role, which the auth library does not know about: no
// sign-up, sign-in or profile call can set it. Only `npm run staff:create` (or these functions
// in a test) can.

/** The user as staff, or null when they are not staff (or do not exist). */
export async function findStaffMember(db: AppDatabase, userId: string): Promise<StaffMember | null> {
  const [row] = await db
    .select({ id: authUsers.id, email: authUsers.email, role: authUsers.role })
    .from(authUsers)
    .where(eq(authUsers.id, userId));
  return row?.role === 'staff' ? { id: row.id, email: row.email } : null;
}

/** Gives or takes the staff role by email. The email is matched as the auth library stores it (lower case). */
export async function setUserRole(db: AppDatabase, email: string, role: UserRole): Promise<'updated' | 'no_such_user'> {
  const updated = await db
    .update(authUsers)
    .set({ role, updatedAt: new Date() })
    .where(eq(authUsers.email, email.trim().toLowerCase()))
    .returning({ id: authUsers.id });
  return updated.length > 0 ? 'updated' : 'no_such_user';
}
