/**
 * The tenant's diagnostic settings, kept in memory and in one JSON file under the data
 * directory so they survive restarts. Writes are serialised and atomic (temp file, fsync,
 * rename) so a crash never leaves a half-written file; memory changes only after the
 * file is safely replaced, and listeners hear about a change only then.
 */
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { DiagnosticSetting, DiagnosticSettingProperties } from './diagnostic-setting.ts';

export const SETTINGS_FILE_NAME = 'diagnostic-settings.json';

export interface SettingsChange {
  readonly kind: 'put' | 'delete';
  readonly name: string;
  /** The setting before the change (undefined when created). */
  readonly previous: DiagnosticSetting | undefined;
  /** The setting after the change (undefined when deleted). */
  readonly current: DiagnosticSetting | undefined;
  /** All settings after the change. */
  readonly settings: readonly DiagnosticSetting[];
}

export type SettingsListener = (change: SettingsChange) => void;

/** What routing needs from the store: the current settings and a way to hear about changes. */
export interface SettingsSource {
  list(): readonly DiagnosticSetting[];
  onChange(listener: SettingsListener): () => void;
}

/** Thrown by `put` when creating one more setting would pass the cap. */
export class SettingsLimitError extends Error {
  readonly limit: number;
  constructor(limit: number) {
    super(`The limit of ${limit} diagnostic settings has been reached.`);
    this.name = 'SettingsLimitError';
    this.limit = limit;
  }
}

interface SettingsFile {
  readonly version: 1;
  readonly settings: readonly DiagnosticSetting[];
}

export interface SettingsStoreOptions {
  /** Directory for the settings file; omitted → memory only. Created if missing. */
  readonly dataDir?: string;
  /** Called when a listener throws (listeners must not break the API call that caused the change). */
  readonly onListenerError?: (error: unknown) => void;
}

export class DiagnosticSettingsStore implements SettingsSource {
  /** Keyed by lower-case name: setting names are case-insensitive like all ARM resource names. */
  private settings = new Map<string, DiagnosticSetting>();
  private readonly listeners = new Set<SettingsListener>();
  private queue: Promise<unknown> = Promise.resolve();
  readonly filePath: string | undefined;
  private readonly onListenerError: (error: unknown) => void;

  private constructor(options: SettingsStoreOptions) {
    this.filePath = options.dataDir ? join(options.dataDir, SETTINGS_FILE_NAME) : undefined;
    this.onListenerError = options.onListenerError ?? ((error) => console.error('diagnostic settings listener failed:', error));
  }

  /** Opens the store, loading the settings saved by a previous run. */
  static async open(options: SettingsStoreOptions = {}): Promise<DiagnosticSettingsStore> {
    const store = new DiagnosticSettingsStore(options);
    if (options.dataDir) {
      await mkdir(options.dataDir, { recursive: true });
      await store.load();
    }
    return store;
  }

  private async load(): Promise<void> {
    let text: string;
    try {
      text = await readFile(this.filePath!, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw err;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (err) {
      // Refuse to start rather than silently dropping the user's settings.
      throw new Error(`${this.filePath} is not valid JSON (${(err as Error).message}); fix or remove it`);
    }
    const file = parsed as Partial<SettingsFile>;
    if (typeof parsed !== 'object' || parsed === null || file.version !== 1 || !Array.isArray(file.settings)) {
      throw new Error(`${this.filePath} is not a diagnostic-settings file (expected {"version":1,"settings":[…]})`);
    }
    for (const s of file.settings) {
      if (typeof s?.name !== 'string' || typeof s.properties !== 'object' || !Array.isArray(s.properties?.logs)) {
        throw new Error(`${this.filePath} holds a malformed setting: ${JSON.stringify(s)}`);
      }
      this.settings.set(s.name.toLowerCase(), s);
    }
  }

  list(): readonly DiagnosticSetting[] {
    return [...this.settings.values()];
  }

  get(name: string): DiagnosticSetting | undefined {
    return this.settings.get(name.toLowerCase());
  }

  get size(): number {
    return this.settings.size;
  }

  /**
   * Creates or replaces a setting. An existing setting keeps the name spelling it was created with,
   * as ARM does. `maxSettings` is checked inside the serialised section so concurrent PUTs cannot pass it.
   */
  put(
    name: string,
    properties: DiagnosticSettingProperties,
    options: { readonly maxSettings?: number } = {},
  ): Promise<{ readonly created: boolean; readonly setting: DiagnosticSetting }> {
    return this.serialise(async () => {
      const key = name.toLowerCase();
      const previous = this.settings.get(key);
      if (!previous && options.maxSettings !== undefined && this.settings.size >= options.maxSettings) {
        throw new SettingsLimitError(options.maxSettings);
      }
      const setting: DiagnosticSetting = { name: previous?.name ?? name, properties };
      const next = new Map(this.settings);
      next.set(key, setting);
      await this.persist(next);
      this.settings = next;
      this.emit({ kind: 'put', name: setting.name, previous, current: setting, settings: this.list() });
      return { created: !previous, setting };
    });
  }

  /** Deletes a setting; false when there was none. */
  delete(name: string): Promise<boolean> {
    return this.serialise(async () => {
      const key = name.toLowerCase();
      const previous = this.settings.get(key);
      if (!previous) return false;
      const next = new Map(this.settings);
      next.delete(key);
      await this.persist(next);
      this.settings = next;
      this.emit({ kind: 'delete', name: previous.name, previous, current: undefined, settings: this.list() });
      return true;
    });
  }

  /** Subscribes to changes; returns the unsubscribe function. */
  onChange(listener: SettingsListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private emit(change: SettingsChange): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(change);
      } catch (err) {
        this.onListenerError(err);
      }
    }
  }

  private serialise<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async persist(settings: ReadonlyMap<string, DiagnosticSetting>): Promise<void> {
    if (!this.filePath) return;
    const file: SettingsFile = { version: 1, settings: [...settings.values()] };
    const temp = `${this.filePath}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(JSON.stringify(file, null, 2) + '\n', 'utf8');
      await handle.sync();
    } catch (err) {
      await handle.close();
      await rm(temp, { force: true });
      throw err;
    }
    await handle.close();
    try {
      await rename(temp, this.filePath);
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    }
  }
}
