import { promises as fs } from 'node:fs';
import path from 'node:path';
import { generate } from 'selfsigned';
import { replaceFileAtomic } from './atomic-file.ts';
import { CertificateError, checkTlsPair, readTlsMaterial, validity, type TlsMaterial } from './tls-material.ts';

export { CertificateError, type TlsMaterial } from './tls-material.ts';

export const CERT_FILE = 'gateway-cert.pem';
export const KEY_FILE = 'gateway-key.pem';
// 825 days is the longest validity Apple platforms accept for a TLS server certificate.
const VALID_DAYS = 825;
const RENEW_WITHIN_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The gateway's own certificate for `localhost` / 127.0.0.1 / ::1, kept in `dir` (the app's data
 * folder) so a user who trusts it once keeps trusting it across restarts. A missing, broken,
 * mismatched or soon-expiring pair is replaced by a new one.
 */
export async function loadOrCreateLocalCertificate(dir: string): Promise<TlsMaterial> {
  const certPath = path.join(dir, CERT_FILE);
  const keyPath = path.join(dir, KEY_FILE);
  const existing = await readTlsMaterial(certPath, keyPath, 'existing').catch(() => undefined);
  if (existing && usableFor(existing.cert, RENEW_WITHIN_DAYS)) return existing;

  const { cert, key } = await generateLocalhostCertificate(new Date());
  try {
    await fs.mkdir(dir, { recursive: true });
    // Key first: a crash between the two renames leaves a mismatched pair, which the next start
    // detects and replaces, never a new certificate next to nothing.
    await replaceFileAtomic(keyPath, key, 0o600);
    await replaceFileAtomic(certPath, cert, 0o644);
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new CertificateError(`Cannot save the gateway certificate in ${dir} (${reason}); check that the folder is writable.`, dir);
  }
  return checkTlsPair(cert, key, certPath, keyPath, 'generated');
}

/** A certificate and key the user chose (e.g. from mkcert or their company CA), checked to match. */
export async function loadUserCertificate(certPath: string, keyPath: string): Promise<TlsMaterial> {
  const material = await readTlsMaterial(certPath, keyPath, 'user');
  if (!usableFor(material.cert, 0)) {
    throw new CertificateError(`The certificate in ${certPath} is not valid now (valid until ${material.validTo}); renew it or give another one.`, certPath);
  }
  return material;
}

/** Valid now and for at least `days` more. */
function usableFor(cert: string, days: number): boolean {
  const { from, to } = validity(cert);
  const now = Date.now();
  return from.getTime() <= now && to.getTime() - now > days * DAY_MS;
}

/**
 * A self-signed P-256 certificate for local use. Everything is spelled out because selfsigned's
 * defaults are not fit for this: SHA-1 signatures, RSA keys, and a SAN without ::1.
 */
export async function generateLocalhostCertificate(notBefore: Date, validDays = VALID_DAYS): Promise<{ cert: string; key: string }> {
  // Backdated an hour so a client clock slightly behind ours does not see "not yet valid".
  const from = new Date(notBefore.getTime() - 60 * 60 * 1000);
  const pems = await generate(
    [
      { name: 'commonName', value: 'localhost' },
      // Shown in certificate viewers and trust stores, so the user can tell what they trusted.
      { name: 'organizationName', value: 'SSE Studio local gateway' },
    ],
    {
      keyType: 'ec',
      curve: 'P-256',
      algorithm: 'sha256',
      notBeforeDate: from,
      notAfterDate: new Date(from.getTime() + validDays * DAY_MS),
      extensions: [
        { name: 'basicConstraints', cA: false, critical: true },
        // EC keys sign; keyEncipherment is an RSA-only usage.
        { name: 'keyUsage', digitalSignature: true, critical: true },
        { name: 'extKeyUsage', serverAuth: true },
        {
          name: 'subjectAltName',
          altNames: [
            { type: 2, value: 'localhost' },
            { type: 7, ip: '127.0.0.1' },
            { type: 7, ip: '::1' },
          ],
        },
      ],
    },
  );
  return { cert: pems.cert, key: pems.private };
}
