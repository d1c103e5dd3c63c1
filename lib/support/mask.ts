// How support staff see a customer's address: enough to confirm "is this you, li…@163.com?",
// not enough to write to the customer or to look them up elsewhere.

/** `lisi@163.com` → `li***@163.com`; a one- or two-letter local part keeps one letter. */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf('@');
  if (at <= 0) return '***';
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  const kept = [...local].slice(0, local.length > 2 ? 2 : 1).join('');
  return `${kept}***@${domain}`;
}

/** Replaces every occurrence of `address` (any letter case) in `text` with its masked form. */
export function maskAddressIn(text: string, address: string | null | undefined): string {
  if (!address) return text;
  const escaped = address.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const masked = maskAddress(address);
  // The local part alone appears too, as IMAP LOGIN echoes or a "user <name>" reply.
  const local = address.slice(0, address.lastIndexOf('@'));
  let out = text.replace(new RegExp(escaped, 'gi'), masked);
  if (local.length >= 3) {
    out = out.replace(new RegExp(`\\b${local.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'gi'), masked.slice(0, masked.indexOf('@')));
  }
  return out;
}
