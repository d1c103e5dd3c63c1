import { generate } from 'selfsigned';
import { LOOPBACK } from './loopback';

// The practice servers' TLS: a certificate authority made at start, kept in memory only, and a
// server certificate it signs for 127.0.0.1. The check trusts this authority for the practice
// servers' own host and port and nowhere else (lib/mail-check/endpoint-trust.ts); it is never
// added to the process's general trust, so it can vouch for no other server.

export interface PracticeCertificates {
  /** The authority's certificate, PEM: what the check trusts for the practice endpoints. */
  caCert: string;
  /** The servers' certificate for 127.0.0.1, signed by the authority, PEM. */
  cert: string;
  key: string;
}

const YEARS_VALID = 10;

function validity(): { notBeforeDate: Date; notAfterDate: Date } {
  // A day back, so a clock that is a little behind still accepts it.
  const notBeforeDate = new Date(Date.now() - 24 * 60 * 60 * 1000);
  const notAfterDate = new Date(notBeforeDate);
  notAfterDate.setFullYear(notAfterDate.getFullYear() + YEARS_VALID);
  return { notBeforeDate, notAfterDate };
}

export async function createPracticeCertificates(): Promise<PracticeCertificates> {
  const ca = await generate(
    [
      { name: 'organizationName', value: 'Mailbox onboarding practice mode' },
      { name: 'commonName', value: 'Practice mailbox CA' },
    ],
    {
      keyType: 'ec',
      algorithm: 'sha256',
      ...validity(),
      extensions: [
        { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
        { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
      ],
    },
  );
  const server = await generate([{ name: 'commonName', value: LOOPBACK }], {
    keyType: 'ec',
    algorithm: 'sha256',
    ...validity(),
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 7, ip: LOOPBACK }] },
    ],
  });
  return { caCert: ca.cert, cert: server.cert, key: server.private };
}
