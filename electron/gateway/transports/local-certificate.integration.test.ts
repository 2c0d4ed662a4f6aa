import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { X509Certificate } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  CERT_FILE,
  CertificateError,
  KEY_FILE,
  generateLocalhostCertificate,
  loadOrCreateLocalCertificate,
  loadUserCertificate,
} from './local-certificate.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'sse-studio-cert-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** Writes a pair as if an earlier run had generated it. */
async function writePair(pair: { cert: string; key: string }, certName = CERT_FILE, keyName = KEY_FILE) {
  await writeFile(path.join(dir, certName), pair.cert);
  await writeFile(path.join(dir, keyName), pair.key);
}

describe('loadOrCreateLocalCertificate', () => {
  it('generates a localhost certificate once, then reuses it (same fingerprint)', async () => {
    const first = await loadOrCreateLocalCertificate(dir);
    const second = await loadOrCreateLocalCertificate(dir);
    expect(first.source).toBe('generated');
    expect(second.source).toBe('existing');
    expect(second.fingerprint256).toBe(first.fingerprint256);
    expect(second.cert).toBe(first.cert);
    expect(first.certPath).toBe(path.join(dir, CERT_FILE));
    expect(first.keyPath).toBe(path.join(dir, KEY_FILE));
    expect(await readFile(first.certPath, 'utf8')).toBe(first.cert);
  });

  it('makes the certificate browsers and curl accept for localhost, 127.0.0.1 and ::1, valid about 825 days', async () => {
    const { cert, validTo } = await loadOrCreateLocalCertificate(dir);
    const x509 = new X509Certificate(cert);
    expect(x509.subject).toContain('CN=localhost');
    expect(x509.subjectAltName).toBe('DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1');
    expect(x509.publicKey.asymmetricKeyType).toBe('ec');
    expect(x509.ca).toBe(false);
    const days = (Date.parse(validTo) - Date.now()) / DAY_MS;
    expect(days).toBeGreaterThan(824);
    expect(days).toBeLessThanOrEqual(825);
  });

  it.skipIf(process.platform === 'win32')('writes the key readable by the owner only (0600), and leaves no temp files', async () => {
    const { keyPath } = await loadOrCreateLocalCertificate(dir);
    expect((await stat(keyPath)).mode & 0o777).toBe(0o600);
    expect((await readdir(dir)).sort()).toEqual([CERT_FILE, KEY_FILE]);
  });

  it('replaces a certificate that expires within 30 days', async () => {
    // Expires tomorrow: selfsigned's notAfterDate, through the same generator.
    const expiring = await generateLocalhostCertificate(new Date(), 1);
    await writePair(expiring);
    const renewed = await loadOrCreateLocalCertificate(dir);
    expect(renewed.source).toBe('generated');
    expect(renewed.cert).not.toBe(expiring.cert);
    expect(Date.parse(renewed.validTo) - Date.now()).toBeGreaterThan(800 * DAY_MS);
    expect(await readFile(renewed.certPath, 'utf8')).toBe(renewed.cert);
  });

  it('replaces a pair whose key does not match (e.g. a crash between the two writes) or that is not PEM', async () => {
    const a = await generateLocalhostCertificate(new Date());
    const b = await generateLocalhostCertificate(new Date());
    await writePair({ cert: a.cert, key: b.key });
    expect((await loadOrCreateLocalCertificate(dir)).source).toBe('generated');
    await writePair({ cert: 'not a certificate', key: b.key });
    expect((await loadOrCreateLocalCertificate(dir)).source).toBe('generated');
  });

  it('says which folder it could not write to', async () => {
    const notAFolder = path.join(dir, 'file');
    await writeFile(notAFolder, '');
    const loading = loadOrCreateLocalCertificate(path.join(notAFolder, 'certs'));
    await expect(loading).rejects.toBeInstanceOf(CertificateError);
    await expect(loading).rejects.toThrow(`Cannot save the gateway certificate in ${path.join(notAFolder, 'certs')}`);
  });
});

describe('loadUserCertificate', () => {
  it('accepts a matching pair and says it is the user’s', async () => {
    await writePair(await generateLocalhostCertificate(new Date()), 'mine.pem', 'mine-key.pem');
    const material = await loadUserCertificate(path.join(dir, 'mine.pem'), path.join(dir, 'mine-key.pem'));
    expect(material.source).toBe('user');
    expect(material.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  });

  it('refuses a key that does not belong to the certificate, naming the key file', async () => {
    const a = await generateLocalhostCertificate(new Date());
    const b = await generateLocalhostCertificate(new Date());
    await writePair({ cert: a.cert, key: b.key }, 'mine.pem', 'other-key.pem');
    const keyPath = path.join(dir, 'other-key.pem');
    const loading = loadUserCertificate(path.join(dir, 'mine.pem'), keyPath);
    await expect(loading).rejects.toBeInstanceOf(CertificateError);
    await expect(loading).rejects.toThrow(`The key in ${keyPath} does not belong to the certificate in ${path.join(dir, 'mine.pem')}`);
    await expect(loading).rejects.toMatchObject({ path: keyPath });
  });

  it('refuses a path it cannot read, naming the path', async () => {
    await writePair(await generateLocalhostCertificate(new Date()), 'mine.pem', 'mine-key.pem');
    const missing = path.join(dir, 'missing.pem');
    const loading = loadUserCertificate(missing, path.join(dir, 'mine-key.pem'));
    await expect(loading).rejects.toBeInstanceOf(CertificateError);
    await expect(loading).rejects.toThrow(`Cannot read the TLS certificate file ${missing} (ENOENT)`);
    await expect(loading).rejects.toMatchObject({ path: missing });
  });

  it('refuses a file that is not a PEM certificate, naming it', async () => {
    const pair = await generateLocalhostCertificate(new Date());
    await writePair({ cert: pair.key, key: pair.key }, 'swapped.pem', 'mine-key.pem');
    await expect(loadUserCertificate(path.join(dir, 'swapped.pem'), path.join(dir, 'mine-key.pem'))).rejects.toThrow(
      `${path.join(dir, 'swapped.pem')} is not a PEM certificate`,
    );
  });

  it('refuses an expired certificate', async () => {
    await writePair(await generateLocalhostCertificate(new Date(Date.now() - 10 * DAY_MS), 2), 'old.pem', 'old-key.pem');
    await expect(loadUserCertificate(path.join(dir, 'old.pem'), path.join(dir, 'old-key.pem'))).rejects.toThrow(/is not valid now/);
  });
});
