/**
 * Runs Azurite's blob service from the npm package for a test: a free port picked first, memory
 * only, and the API-version check skipped because @azure/storage-blob speaks a newer version
 * than Azurite 3.35 knows.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from './free-port.ts';

/** Azurite's well-known development account. */
export const AZURITE_ACCOUNT = 'devstoreaccount1';
export const AZURITE_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface Azurite {
  readonly port: number;
  readonly connectionString: string;
  stop(): Promise<void>;
}

function launch(port: number): Promise<ChildProcess> {
  const bin = join(process.cwd(), 'node_modules', '.bin', 'azurite-blob');
  const child = spawn(
    bin,
    ['--silent', '--inMemoryPersistence', '--skipApiVersionCheck', '--loose', '--disableTelemetry', '--blobHost', '127.0.0.1', '--blobPort', String(port)],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`Azurite did not start within 15 s:\n${output}`)), 15_000);
    const fail = (err: Error): void => {
      clearTimeout(timer);
      child.kill();
      reject(err);
    };
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (/successfully listen/i.test(output)) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        resolve(child);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    child.once('exit', (code) => fail(new Error(`Azurite exited with code ${code}:\n${output}`)));
    child.once('error', fail);
  });
}

export async function startAzurite(): Promise<Azurite> {
  let lastError: unknown;
  // Another process may take the port between picking and binding it; try a few.
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    try {
      const child = await launch(port);
      child.removeAllListeners('exit');
      return {
        port,
        connectionString: `DefaultEndpointsProtocol=http;AccountName=${AZURITE_ACCOUNT};AccountKey=${AZURITE_KEY};BlobEndpoint=http://127.0.0.1:${port}/${AZURITE_ACCOUNT};`,
        stop: () =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
            setTimeout(() => child.kill('SIGKILL'), 3000).unref();
          }),
      };
    } catch (err) {
      lastError = err;
    }
  }
  throw lastError;
}
