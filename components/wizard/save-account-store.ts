import { createSessionStore } from '@/lib/wizard/client/session-store';

// Step 4 and its sign-in panel (./save-account-panel.tsx), for a reader who is not signed in.
// Memory only, like everything near the code.

/**
 * Opens the sign-in panel, asked by a check: set by the panel while it is on the page, which is
 * exactly while the page knows its reader is not signed in. The code form asks it instead of
 * sending the code to an action that would only refuse it.
 */
export const askSignInStore = createSessionStore<(() => void) | null>({ key: null, initial: null });

/**
 * The check answered `signed_out` while the page thought its reader was signed in (the session
 * ended meanwhile): the page is drawn again, and the panel it then shows opens at once.
 */
export const signInWantedStore = createSessionStore<boolean>({ key: null, initial: false });
