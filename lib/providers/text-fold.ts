// Unicode format characters (category Cf): zero-width space and joiners, word joiner, BOM,
// soft hyphen, bidi marks and isolates. Nobody types them on purpose; they ride along when
// an address or code is copied from a web page or a chat app, and the server then sees a
// different string from the one the user sees.
const INVISIBLE = /\p{Cf}/gu;

/**
 * NFKC folds what a Chinese input method produces in full-width mode (ＡＢＣ, １２３, ＠, ．,
 * －, ＿, the ideographic space) to ASCII, without changing letter case.
 */
export function foldTypedText(input: string): string {
  return input.normalize('NFKC').replace(INVISIBLE, '');
}
