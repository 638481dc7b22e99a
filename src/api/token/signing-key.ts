/**
 * The token service's signing key: RSA-2048 generated at start-up with a self-signed
 * certificate around it, because Entra's JWKS entries carry `x5c`/`x5t` and v1.0
 * access tokens name the key by `x5t` and `kid` (both the certificate's SHA-1
 * thumbprint, base64url).
 */
import { createHash, generateKeyPair, type KeyObject, X509Certificate } from 'node:crypto';
import { promisify } from 'node:util';
import { generate } from 'selfsigned';

const generateKeyPairAsync = promisify(generateKeyPair);

export interface SigningKey {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  /** base64url SHA-1 thumbprint of the certificate: both `kid` and `x5t`. */
  readonly kid: string;
  /** base64 DER of the certificate (`x5c[0]`). */
  readonly certificate: string;
  /** The public JWK fields `n` and `e`. */
  readonly n: string;
  readonly e: string;
}

export async function createSigningKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPairAsync('rsa', { modulusLength: 2048, publicExponent: 0x10001 });
  const pem = await generate([{ name: 'commonName', value: 'accounts.accesscontrol.windows.net' }], {
    keyPair: {
      privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    },
    algorithm: 'sha256',
    notAfterDate: new Date(Date.now() + 5 * 365 * 86_400_000),
  });
  const der = new X509Certificate(pem.cert).raw;
  const jwk = publicKey.export({ format: 'jwk' });
  return {
    privateKey,
    publicKey,
    kid: createHash('sha1').update(der).digest('base64url'),
    certificate: der.toString('base64'),
    n: String(jwk.n),
    e: String(jwk.e),
  };
}
