import { createAuthClient } from 'better-auth/react';

// The browser side of sign-in: session state for client components. Sign-in and sign-up forms
// go through server actions (lib/auth/server.ts), so this stays small.
export const authClient = createAuthClient();
