import { Suspense, type ReactNode } from 'react';
import { getSignedInUser, hasSessionCookie } from '@/lib/auth/current-user';

// What a page says only to readers who are not signed in (the wizard's notes that saving needs an
// account). Without a session cookie that is known at once, in the page's first bytes, without
// a query; with one, the session is read while the rest of the page streams, and the part comes
// after it only if the cookie turned out stale.

async function IfSignedOut({ children }: { children: ReactNode }) {
  return (await getSignedInUser()) ? null : children;
}

export async function ForVisitors({ children }: { children: ReactNode }) {
  if (!(await hasSessionCookie())) return children;
  return (
    <Suspense fallback={null}>
      <IfSignedOut>{children}</IfSignedOut>
    </Suspense>
  );
}
