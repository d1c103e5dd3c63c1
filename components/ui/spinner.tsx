/**
 * The turning ring shown while something runs: in a pending button, and on the check's progress
 * row. Decorative only; the words beside it (or the button's text) say what is happening, and it
 * stands still for readers who asked for less motion.
 */
export function Spinner({
  className = 'size-5',
  trackOpacity = 0.3,
}: {
  /** Size and colour; the ring draws in the current text colour. */
  className?: string;
  /** How much of the full circle shows behind the turning arc. */
  trackOpacity?: number;
}) {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className={`${className} motion-safe:animate-spin`}>
      <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" strokeOpacity={trackOpacity} strokeWidth="3" />
      <path d="M21 12a9 9 0 00-9-9" fill="none" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
    </svg>
  );
}
