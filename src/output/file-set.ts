/**
 * Many output files written at once — one per category and hour in the archive layout —
 * with buffered synchronous appends (disk-bound, no per-record promises), a bound on
 * open descriptors, and staging: files are written under a hidden directory inside the
 * target and moved into place only when the run succeeds, so a failed run leaves no
 * half-written files behind.
 */
import { closeSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const FLUSH_AT = 256 * 1024;
const MAX_OPEN = 64;
/** Buffered bytes across all files before everything is written out (hundreds of hourly files). */
const MAX_BUFFERED = 16 * 1024 * 1024;

interface FileState {
  chunks: string[];
  size: number;
  fd: number | undefined;
  /** Has anything been written yet (decides the separator for JSON arrays). */
  started: boolean;
}

export interface FileSetOptions {
  /** Final directory. */
  readonly dir: string;
  /** Written once at the start of each file (e.g. `{"records":[`). */
  readonly header?: (path: string) => string;
  /** Written between items (`\n` for JSON Lines, `,` for arrays). */
  readonly separator?: string;
  /** Written after the last item, when the set is committed. */
  readonly footer?: (path: string) => string;
}

export class FileSet {
  private readonly files = new Map<string, FileState>();
  private readonly open: string[] = [];
  private readonly staging: string;
  private bytes = 0;
  private buffered = 0;
  private committed = false;

  constructor(private readonly options: FileSetOptions) {
    this.staging = join(options.dir, `.entrasim-partial-${process.pid}-${Date.now().toString(36)}`);
    mkdirSync(this.staging, { recursive: true });
  }

  get bytesWritten(): number {
    return this.bytes;
  }

  /** Appends one item (a record line, without separator) to the file at `path`. */
  write(path: string, item: string): void {
    let f = this.files.get(path);
    if (!f) {
      f = { chunks: [], size: 0, fd: undefined, started: false };
      this.files.set(path, f);
      const header = this.options.header?.(path);
      if (header) this.push(f, header);
    }
    if (f.started && this.options.separator) this.push(f, this.options.separator);
    f.started = true;
    this.push(f, item);
    if (f.size >= FLUSH_AT) this.flush(path, f);
  }

  private push(f: FileState, text: string): void {
    f.chunks.push(text);
    f.size += text.length;
    this.buffered += text.length;
    if (this.buffered > MAX_BUFFERED) {
      // Many small files never reach FLUSH_AT: write them all out rather than hold them.
      for (const [path, g] of this.files) this.flush(path, g);
      this.buffered = 0;
    }
  }

  private flush(path: string, f: FileState): void {
    if (f.chunks.length === 0) return;
    if (f.fd === undefined) {
      if (this.open.length >= MAX_OPEN) {
        const victim = this.open.shift()!;
        const v = this.files.get(victim);
        if (v?.fd !== undefined) {
          closeSync(v.fd);
          v.fd = undefined;
        }
      }
      const full = join(this.staging, path);
      mkdirSync(dirname(full), { recursive: true });
      f.fd = openSync(full, 'a');
      this.open.push(path);
    }
    const data = f.chunks.join('');
    f.chunks = [];
    this.buffered -= f.size;
    f.size = 0;
    this.bytes += Buffer.byteLength(data);
    writeSync(f.fd, data);
  }

  /** Paths written so far (relative to the directory). */
  paths(): string[] {
    return [...this.files.keys()];
  }

  /** Writes footers, flushes, closes and moves the files into the final directory. */
  commit(): string[] {
    // JSON Lines: every record ends with a newline, including the last.
    const jsonLines = this.options.separator === '\n';
    for (const [path, f] of this.files) {
      if (jsonLines && f.started) this.push(f, '\n');
      const footer = this.options.footer?.(path);
      if (footer) this.push(f, footer);
      this.flush(path, f);
      if (f.fd !== undefined) closeSync(f.fd);
      f.fd = undefined;
    }
    const moved: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir)) {
        const full = join(dir, entry);
        if (statSync(full).isDirectory()) walk(full);
        else {
          const rel = relative(this.staging, full);
          const target = join(this.options.dir, rel);
          mkdirSync(dirname(target), { recursive: true });
          renameSync(full, target);
          moved.push(target);
        }
      }
    };
    walk(this.staging);
    rmSync(this.staging, { recursive: true, force: true });
    this.committed = true;
    return moved;
  }

  /** Drops everything written: nothing half-written is left behind. */
  abort(): void {
    if (this.committed) return;
    for (const f of this.files.values()) {
      if (f.fd !== undefined) {
        try {
          closeSync(f.fd);
        } catch {
          // already closed
        }
      }
    }
    rmSync(this.staging, { recursive: true, force: true });
  }
}
