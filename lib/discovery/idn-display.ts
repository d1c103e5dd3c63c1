import 'server-only';
import { domainToUnicode } from 'node:url';

// For pages drawn on the server from a saved address (/accounts, the support console), which
// no longer have the text the user typed: the domain's Unicode form, as the user would write
// it (li@xn--fsqu00a.xn--55qx5d → li@例子.公司). Display only; the saved ASCII form is the one
// used for DNS, TLS and the login.

/** `address` with an `xn--` domain shown in Unicode; any other address as it is. */
export function addressForDisplay(address: string): string {
  const at = address.lastIndexOf('@');
  const domain = address.slice(at + 1);
  if (at === -1 || !/(^|\.)xn--/i.test(domain)) return address;
  const unicode = domainToUnicode(domain);
  return unicode ? `${address.slice(0, at + 1)}${unicode}` : address;
}
