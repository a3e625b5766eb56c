/**
 * Finding and reading the files to lint: files and folders named by the user, folders walked
 * recursively for `*.yaml`, `*.yml`, `*.properties`, `*.java` and `*.go`, skipping `node_modules`, `.git`,
 * `vendor`, `target` and `ignorePaths` globs.
 */
import { constants as fsConstants } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import picomatch from 'picomatch';
import { isLintablePath } from '../core/source';

/** Folders never walked into. */
export const SKIPPED_DIRS: ReadonlySet<string> = new Set(['node_modules', '.git', 'vendor', 'target']);

export interface FoundFile {
  /** Absolute path, for reading and writing. */
  readonly absPath: string;
  /**
   * The path shown to the user: as they named it, or the folder they named joined with the path
   * below it (so `lint deploy` shows `deploy/kafka.yaml`).
   */
  readonly displayPath: string;
}

/** A path that does not exist or cannot be read; the CLI prints it and exits with code 2. */
export class FileAccessError extends Error {
  constructor(
    readonly filePath: string,
    message: string,
    /** The system error code (ENOENT, EACCES, ...), when there is one. */
    readonly code?: string,
  ) {
    super(message);
  }
}

/** A file larger than the size limit: not read (the CLI reports it as `file-skipped`). */
export class FileTooLargeError extends FileAccessError {
  constructor(
    filePath: string,
    readonly size: number,
    readonly limit: number,
  ) {
    super(filePath, `${filePath}: ${formatSize(size)}, more than the ${formatSize(limit)} limit.`);
  }
}

/** The default size limit for files to lint (`thresholds.maxFileSizeMB`). */
export const DEFAULT_MAX_FILE_MB = 10;

export function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

export interface CollectOptions {
  /** Resolves relative arguments. */
  readonly cwd: string;
  /** Glob patterns of paths to skip, relative to `ignoreBase`. */
  readonly ignore?: readonly string[];
  /** The folder ignore patterns are relative to (the configuration file's folder); defaults to `cwd`. */
  readonly ignoreBase?: string;
  /** Accept a folder without lintable files (by default that is an error: a CI job linting the wrong folder should fail). */
  readonly allowEmpty?: boolean;
  /**
   * Called for a folder below a named one that cannot be read (e.g. permission denied); it is skipped and
   * the walk goes on. Without it, the walk fails with a FileAccessError.
   */
  readonly onUnreadable?: (error: FileAccessError) => void;
}

/**
 * A predicate for `ignorePaths`: globs matched against a path relative to the base, with forward
 * slashes; as in .gitignore, a pattern without a slash (`*.tmpl.yaml`) matches the name at any depth.
 */
export function ignoreMatcher(patterns: readonly string[], base: string): (absPath: string) => boolean {
  if (patterns.length === 0) return () => false;
  const isMatch = picomatch([...patterns], { dot: true, basename: true });
  return (absPath) => {
    const rel = path.relative(base, absPath).split(path.sep).join('/');
    if (rel === '' || rel.startsWith('../') || path.isAbsolute(rel)) return isMatch(absPath.split(path.sep).join('/'));
    return isMatch(rel) || isMatch(`${rel}/`);
  };
}

/**
 * The files to lint for the given arguments, in a stable order and without duplicates.
 * A file named explicitly is linted even when an ignore pattern matches it; a missing path, or a
 * file that is not YAML or properties, is a FileAccessError.
 */
export async function collectFiles(args: readonly string[], opts: CollectOptions): Promise<FoundFile[]> {
  const ignored = ignoreMatcher(opts.ignore ?? [], opts.ignoreBase ?? opts.cwd);
  const out: FoundFile[] = [];
  const seen = new Set<string>();
  const add = (absPath: string, displayPath: string) => {
    if (seen.has(absPath)) return;
    seen.add(absPath);
    out.push({ absPath, displayPath });
  };
  for (const arg of args) {
    const abs = path.resolve(opts.cwd, arg);
    let st;
    try {
      st = await fs.stat(abs);
    } catch (e) {
      throw new FileAccessError(arg, `${arg}: ${describeFsError(e)}`);
    }
    if (st.isDirectory()) {
      const found: FoundFile[] = [];
      await walk(abs, arg, ignored, found, opts.onUnreadable, true);
      if (found.length === 0 && !opts.allowEmpty) throw new FileAccessError(arg, `${arg}: no YAML (.yaml, .yml), .properties or client source (Java, Go, JavaScript, TypeScript) files in this folder${opts.ignore?.length ? ' that ignorePaths does not exclude' : ''}.`);
      found.sort((a, b) => (a.displayPath < b.displayPath ? -1 : a.displayPath > b.displayPath ? 1 : 0));
      for (const f of found) add(f.absPath, f.displayPath);
    } else if (st.isFile()) {
      if (!isLintablePath(abs)) throw new FileAccessError(arg, `${arg}: not a YAML (.yaml, .yml), Java properties (.properties) or client source (Java, Go, JavaScript, TypeScript) file.`);
      add(abs, arg);
    } else {
      throw new FileAccessError(arg, `${arg}: not a file or folder.`);
    }
  }
  return out;
}

async function walk(dirAbs: string, dirShown: string, ignored: (p: string) => boolean, out: FoundFile[], onUnreadable: CollectOptions['onUnreadable'], top: boolean): Promise<void> {
  let entries;
  try {
    entries = await fs.readdir(dirAbs, { withFileTypes: true });
  } catch (e) {
    const err = new FileAccessError(dirShown, `${dirShown}: ${describeFsError(e)}`, (e as NodeJS.ErrnoException)?.code);
    // A folder that vanished while we walked is simply gone; an unreadable one is reported.
    if (top || !onUnreadable) throw err;
    if ((e as NodeJS.ErrnoException)?.code !== 'ENOENT') onUnreadable(err);
    return;
  }
  for (const e of entries) {
    const abs = path.join(dirAbs, e.name);
    const shown = path.join(dirShown, e.name);
    if (e.isDirectory()) {
      if (SKIPPED_DIRS.has(e.name) || ignored(abs)) continue;
      await walk(abs, shown, ignored, out, onUnreadable, false);
    } else if (e.isFile() || e.isSymbolicLink()) {
      // Symbolic links to files are followed; links to folders are not walked (no cycles).
      if (!isLintablePath(e.name) || ignored(abs)) continue;
      if (e.isSymbolicLink()) {
        const st = await fs.stat(abs).catch(() => undefined);
        if (!st?.isFile()) continue;
      }
      out.push({ absPath: abs, displayPath: shown });
    }
  }
}

/** Decoded file bytes. */
export interface DecodedText {
  readonly text: string;
  /** The file starts with a byte-order mark (split off `text`). */
  readonly bom: boolean;
  /** False when writing `text` back as UTF-8 would change bytes (UTF-16, or not valid UTF-8). */
  readonly lossless: boolean;
  /** The first byte that is not UTF-8: its offset in `text` (where it reads as U+FFFD) and its value. */
  readonly invalidUtf8?: { readonly offset: number; readonly byte: number };
}

/**
 * Reads a file as UTF-8; a leading byte-order mark is split off (so positions match editors).
 * `lossless` is false when the bytes are not valid UTF-8 (e.g. a Latin-1 .properties file): such a
 * file can be linted, but writing the decoded text back would corrupt it.
 */
export async function readTextFile(absPath: string, displayPath: string, opts: { readonly maxBytes?: number } = {}): Promise<DecodedText> {
  let raw: Buffer;
  try {
    // Non-blocking open: a FIFO (or device) named like a manifest must not block the lint waiting for a writer.
    const handle = await fs.open(absPath, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0));
    try {
      const st = await handle.stat();
      if (!st.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'ENOTREG' });
      if (opts.maxBytes !== undefined && st.size > opts.maxBytes) throw new FileTooLargeError(displayPath, st.size, opts.maxBytes);
      raw = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (e) {
    if (e instanceof FileAccessError) throw e;
    throw new FileAccessError(displayPath, `${displayPath}: ${describeFsError(e)}`, (e as NodeJS.ErrnoException)?.code);
  }
  try {
    return decodeText(raw);
  } catch (e) {
    // E.g. longer than the longest string JavaScript can hold.
    throw new FileAccessError(displayPath, `${displayPath}: ${describeFsError(e)}`);
  }
}

/**
 * Decodes file (or standard input) bytes: UTF-8, or UTF-16 with a byte-order mark; a UTF-8 byte-order mark
 * is split off (so positions match editors). `lossless` is false when writing the text back would change bytes.
 */
export function decodeText(raw: Buffer): DecodedText {
  // UTF-16 with a byte-order mark (some Windows editors save YAML so): read it, but never write it back.
  if (raw.length >= 2 && ((raw[0] === 0xff && raw[1] === 0xfe) || (raw[0] === 0xfe && raw[1] === 0xff))) {
    const body = raw.subarray(2, raw.length - (raw.length % 2));
    const le = raw[0] === 0xff ? body : Buffer.from(body).swap16();
    return { text: le.toString('utf16le'), bom: true, lossless: false };
  }
  const decoded = raw.toString('utf8');
  const invalid = decoded.includes('\ufffd') ? firstInvalidUtf8(decoded, raw) : -1;
  const bom = decoded.charCodeAt(0) === 0xfeff;
  const text = bom ? decoded.slice(1) : decoded;
  if (invalid < 0) return { text, bom, lossless: true };
  return { text, bom, lossless: false, invalidUtf8: { offset: invalid - (bom ? 1 : 0), byte: raw[Buffer.byteLength(decoded.slice(0, invalid))] } };
}

/**
 * Index in `decoded` of the first U+FFFD that stands for bytes that are not UTF-8 (a U+FFFD written in
 * the file is three bytes EF BF BD and is skipped), or -1. The text before the first invalid sequence is
 * valid, so its UTF-8 length is the byte offset.
 */
function firstInvalidUtf8(decoded: string, raw: Buffer): number {
  let bytes = 0;
  let from = 0;
  for (let i = decoded.indexOf('\ufffd'); i >= 0; i = decoded.indexOf('\ufffd', i + 1)) {
    bytes += Buffer.byteLength(decoded.slice(from, i));
    if (raw[bytes] !== 0xef || raw[bytes + 1] !== 0xbf || raw[bytes + 2] !== 0xbd) return i;
    bytes += 3;
    from = i + 1;
  }
  return -1;
}

/** Writes a file, creating its folder; a FileAccessError names the file. */
export async function writeTextFile(absPath: string, displayPath: string, text: string): Promise<void> {
  try {
    await fs.mkdir(path.dirname(absPath), { recursive: true });
    // Write beside the file and rename over it, so an interrupted write never leaves a truncated file.
    // A symlink is followed, so the link stays a link.
    const target = await fs.realpath(absPath).catch(() => absPath);
    const st = await fs.stat(target).catch(() => undefined);
    if (st && !st.isFile()) {
      // Not a regular file (-o /dev/stdout, a FIFO): write into it; renaming over it would replace it.
      await fs.writeFile(absPath, text, 'utf8');
      return;
    }
    const tmp = path.join(path.dirname(target), `.${path.basename(target)}.kafka-k8s-${process.pid}.tmp`);
    const mode = st?.mode;
    try {
      await fs.writeFile(tmp, text, { encoding: 'utf8', mode });
      await fs.rename(tmp, target);
    } catch (e) {
      await fs.rm(tmp, { force: true });
      throw e;
    }
  } catch (e) {
    throw new FileAccessError(displayPath, `${displayPath}: cannot write: ${describeFsError(e)}`);
  }
}

/** Whether a file exists (and is a file). */
export async function isFile(absPath: string): Promise<boolean> {
  try {
    return (await fs.stat(absPath)).isFile();
  } catch {
    return false;
  }
}

function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder.';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied.';
    case 'EISDIR':
      return 'is a folder, not a file.';
    case 'ENOTDIR':
      return 'a part of the path is not a folder.';
    case 'ENOTREG':
      return 'not a regular file (a FIFO, socket or device), so it is not read.';
    case 'ELOOP':
      return 'too many levels of symbolic links (a link loop?).';
    default:
      return `cannot read (${e instanceof Error ? e.message : String(e)}).`;
  }
}
