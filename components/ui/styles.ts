// The few control looks the product has, as class names defined once in app/globals.css
// (`@layer components`): a page repeats them many times, and its HTML and React's payload carry
// each use. Plain strings, so server and client components use them alike; a utility class added
// after one (`${primaryButton} mt-4`) wins over it.

export const primaryButton = 'btn-primary';

export const secondaryButton = 'btn-secondary';

export const textInput = 'text-input';

export const textLink = 'text-link';
