import { X509Certificate, createPrivateKey, type KeyObject } from 'node:crypto';
import { promises as fs } from 'node:fs';

/** A certificate and its key, checked to belong together, ready for `tls.createSecureContext`. */
export interface TlsMaterial {
  key: string;
  cert: string;
  /** `generated` now, `existing` (generated earlier, reused) or given by the `user`. */
  source: 'generated' | 'existing' | 'user';
  certPath: string;
  keyPath: string;
  /** SHA-256 of the leaf certificate, `AB:CD:...`, for the UI to show and the user to compare. */
  fingerprint256: string;
  /** End of validity of the leaf certificate, ISO 8601. */
  validTo: string;
}

/** A certificate or key that cannot be used; the message names the file and says what to do. */
export class CertificateError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
    this.name = 'CertificateError';
  }
}

async function readPem(path: string, what: string): Promise<string> {
  try {
    return await fs.readFile(path, 'utf8');
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new CertificateError(`Cannot read the TLS ${what} file ${path} (${reason}); check the path and its permissions.`, path);
  }
}

/** Reads a PEM pair from disk and checks it (see `checkTlsPair`). */
export async function readTlsMaterial(certPath: string, keyPath: string, source: TlsMaterial['source']): Promise<TlsMaterial> {
  const [cert, key] = await Promise.all([readPem(certPath, 'certificate'), readPem(keyPath, 'key')]);
  return checkTlsPair(cert, key, certPath, keyPath, source);
}

/** Checks a PEM pair: the certificate parses, the key parses and is the certificate's key. */
export function checkTlsPair(cert: string, key: string, certPath: string, keyPath: string, source: TlsMaterial['source']): TlsMaterial {
  let x509: X509Certificate;
  try {
    // A chain file (leaf first) is fine: this parses the leaf, TLS sends them all.
    x509 = new X509Certificate(cert);
  } catch {
    throw new CertificateError(`${certPath} is not a PEM certificate (expected "-----BEGIN CERTIFICATE-----").`, certPath);
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(key);
  } catch {
    throw new CertificateError(`${keyPath} is not an unencrypted PEM private key (passphrase-protected keys are not supported).`, keyPath);
  }
  if (!x509.checkPrivateKey(privateKey)) {
    throw new CertificateError(`The key in ${keyPath} does not belong to the certificate in ${certPath}; give the key the certificate was issued for.`, keyPath);
  }
  return {
    key,
    cert,
    source,
    certPath,
    keyPath,
    fingerprint256: x509.fingerprint256,
    // X509Certificate.validTo is OpenSSL's "Mar  3 10:00:00 2028 GMT"; Node 20 has no validToDate.
    validTo: new Date(x509.validTo).toISOString(),
  };
}

/** When the leaf certificate stops being valid, and started to. */
export function validity(cert: string): { from: Date; to: Date } {
  const x509 = new X509Certificate(cert);
  return { from: new Date(x509.validFrom), to: new Date(x509.validTo) };
}
