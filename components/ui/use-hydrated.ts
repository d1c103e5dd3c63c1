import { useSyncExternalStore } from 'react';

// A form drawn by the server submits itself the browser's way if it is sent before React has
// taken it over: a GET to the page with every field in the address (a password, an authorization
// code). Its submit button stays disabled until then, which also stops Enter in a field (a form
// whose default button is disabled is not submitted implicitly).

const noSubscription = () => () => {};

/** False in the server's HTML and while the page hydrates; true once React runs this component. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
