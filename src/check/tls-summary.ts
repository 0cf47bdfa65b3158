/** What the server's certificate says (issuer, expiry, name match) and whether Node would have accepted it. */
import { checkServerIdentity, type TLSSocket } from 'node:tls';
import { firstValue } from './first-value.ts';
import type { TlsSummary } from './types.ts';

const DAY_MS = 86_400_000;

/** A certificate Node would have refused, with its OpenSSL or Node code (CERT_HAS_EXPIRED, ERR_TLS_CERT_ALTNAME_INVALID...). */
export class CertificateError extends Error {
  override readonly name = 'CertificateError';
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

export function summarizeTls(socket: TLSSocket, host: string, now: number = Date.now()): TlsSummary {
  const cert = socket.getPeerCertificate();
  const present = Object.keys(cert).length > 0;
  const validTo = present ? new Date(cert.valid_to) : null;
  return {
    protocol: socket.getProtocol(),
    subject: present ? firstValue(cert.subject?.CN) : null,
    issuer: present ? (firstValue(cert.issuer?.O) ?? firstValue(cert.issuer?.CN)) : null,
    validTo: validTo?.toISOString() ?? null,
    daysToExpiry: validTo ? Math.floor((validTo.getTime() - now) / DAY_MS) : null,
    nameMatch: present && checkServerIdentity(host, cert) === undefined,
    trusted: socket.authorized,
    verifyError: socket.authorized ? null : String(socket.authorizationError),
  };
}

/** The error Node raises when it verifies certificates itself; null for a certificate it accepts. */
export function verificationError(summary: TlsSummary, host: string): CertificateError | null {
  if (summary.verifyError !== null) return new CertificateError(summary.verifyError, `The certificate is not trusted: ${summary.verifyError}.`);
  if (!summary.nameMatch) return new CertificateError('ERR_TLS_CERT_ALTNAME_INVALID', `The certificate does not name ${host}.`);
  return null;
}
