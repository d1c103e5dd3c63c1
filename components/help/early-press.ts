// 「联系客服」 is server HTML until the page's scripts have run, and a press on it before then would
// do nothing: on a slow phone that is the first seconds, when someone lost is most likely to press
// it. This inline script (run before the button exists, with the page's nonce) notes such a
// press on <html>; the button takes it over once it runs (./contact-support.tsx).

/** The attribute on <html> naming an early press, and the one that says the button runs now. */
export const EARLY_PRESS_ATTRIBUTE = 'data-help-pressed';
export const HELP_READY_ATTRIBUTE = 'data-help-ready';
/** The attribute marking the buttons whose press is kept. */
export const EARLY_PRESS_TARGET = 'data-help-open';

export const EARLY_PRESS_SCRIPT = `(function(){var d=document.documentElement;document.addEventListener("click",function(e){var t=e.target;if(d.hasAttribute("${HELP_READY_ATTRIBUTE}")||!t||!t.closest||!t.closest("[${EARLY_PRESS_TARGET}]"))return;d.setAttribute("${EARLY_PRESS_ATTRIBUTE}","")},true)})()`;

/** True once, when a press was made before the button ran; from then on the button answers itself. */
export function takeEarlyPress(): boolean {
  const root = document.documentElement;
  root.setAttribute(HELP_READY_ATTRIBUTE, '');
  if (!root.hasAttribute(EARLY_PRESS_ATTRIBUTE)) return false;
  root.removeAttribute(EARLY_PRESS_ATTRIBUTE);
  return true;
}
