/**
 * A throw-away CA and a loopback server certificate signed by it. MSAL refuses any
 * authority that is not https (notes §14.4), so the mock token service needs TLS and
 * clients need to trust it: point `NODE_EXTRA_CA_CERTS` at `caFile`, or pass `ca` to
 * an https.Agent.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';

export interface LoopbackCertificate {
  /** Server private key (PEM). */
  readonly key: string;
  /** Server certificate (PEM), valid for `hosts`. */
  readonly cert: string;
  /** CA certificate (PEM) that signed `cert`. */
  readonly ca: string;
  /** Where the CA PEM was written (for NODE_EXTRA_CA_CERTS). */
  readonly caFile: string;
}

export interface LoopbackCertificateOptions {
  /** DNS names and IP addresses the certificate covers. Default 127.0.0.1, ::1, localhost. */
  readonly hosts?: ReadonlyArray<string>;
  /** File to write the CA PEM to. Default: a new temporary directory's `entrasim-ca.pem`. */
  readonly caFile?: string;
  /** Validity in days (default 30). */
  readonly days?: number;
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

export async function createLoopbackCertificate(options: LoopbackCertificateOptions = {}): Promise<LoopbackCertificate> {
  const hosts = options.hosts ?? ['127.0.0.1', '::1', 'localhost'];
  const notBeforeDate = new Date(Date.now() - 60_000);
  const notAfterDate = new Date(Date.now() + (options.days ?? 30) * 86_400_000);
  const ca = await generate([{ name: 'commonName', value: 'entrasim local CA' }], {
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  const server = await generate([{ name: 'commonName', value: hosts[0] ?? 'localhost' }], {
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: hosts.map((h) => (IPV4.test(h) || h.includes(':') ? { type: 7 as const, ip: h } : { type: 2 as const, value: h })),
      },
    ],
  });
  const caFile = options.caFile ?? join(mkdtempSync(join(tmpdir(), 'entrasim-tls-')), 'entrasim-ca.pem');
  writeFileSync(caFile, ca.cert);
  return { key: server.private, cert: server.cert, ca: ca.cert, caFile };
}
