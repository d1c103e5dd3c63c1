import 'server-only';
import { notFound, redirect } from 'next/navigation';
import { getSessionUser } from '@/lib/auth/server';
import { getDatabase, type AppDatabase } from '@/lib/db/client';
import type { StaffMember } from './console';
import { findStaffMember } from './staff';

// The one gate of /support: every page, action and route under it asks here, on the server.
// A signed-in user who is not staff gets the same 404 as a page that does not exist, so the
// console's existence is not advertised to customers.

/** The staff member of this request, or null (signed out, or not staff). */
export async function currentStaffMember(): Promise<{ db: AppDatabase; staff: StaffMember } | null> {
  const user = await getSessionUser();
  if (!user) return null;
  const { db } = await getDatabase();
  const staff = await findStaffMember(db, user.id);
  return staff ? { db, staff } : null;
}

/** For pages: sign-in for visitors, 404 for signed-in users who are not staff. */
export async function requireStaffPage(nextPath: string): Promise<{ db: AppDatabase; staff: StaffMember }> {
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(nextPath)}`);
  const { db } = await getDatabase();
  const staff = await findStaffMember(db, user.id);
  if (!staff) notFound();
  return { db, staff };
}
