/**
 * Finding and reading the files to lint: files and folders named by the user, folders walked
 * recursively for `*.yaml`, `*.yml`, `*.properties`, `*.java` and `*.go`, skipping `node_modules`, `.git`,
 * `vendor`, `target` and `ignorePaths` globs.
 */
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
  ) {
    super(message);
  }
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
      await walk(abs, arg, ignored, found);
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

async function walk(dirAbs: string, dirShown: string, ignored: (p: string) => boolean, out: FoundFile[]): Promise<void> {
  let entries;
  try {
    entries = await fs.readdir(dirAbs, { withFileTypes: true });
  } catch (e) {
    throw new FileAccessError(dirShown, `${dirShown}: ${describeFsError(e)}`);
  }
  for (const e of entries) {
    const abs = path.join(dirAbs, e.name);
    const shown = path.join(dirShown, e.name);
    if (e.isDirectory()) {
      if (SKIPPED_DIRS.has(e.name) || ignored(abs)) continue;
      await walk(abs, shown, ignored, out);
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

/**
 * Reads a file as UTF-8; a leading byte-order mark is split off (so positions match editors).
 * `lossless` is false when the bytes are not valid UTF-8 (e.g. a Latin-1 .properties file): such a
 * file can be linted, but writing the decoded text back would corrupt it.
 */
export async function readTextFile(absPath: string, displayPath: string): Promise<{ text: string; bom: boolean; lossless: boolean }> {
  try {
    const raw = await fs.readFile(absPath);
    // UTF-16 with a byte-order mark (some Windows editors save YAML so): read it, but never write it back.
    if (raw.length >= 2 && ((raw[0] === 0xff && raw[1] === 0xfe) || (raw[0] === 0xfe && raw[1] === 0xff))) {
      const le = raw[0] === 0xff ? raw.subarray(2) : Buffer.from(raw.subarray(2)).swap16();
      return { text: le.subarray(0, le.length - (le.length % 2)).toString('utf16le'), bom: true, lossless: false };
    }
    const text = raw.toString('utf8');
    const lossless = !text.includes('\ufffd') || Buffer.from(text, 'utf8').equals(raw);
    return text.charCodeAt(0) === 0xfeff ? { text: text.slice(1), bom: true, lossless } : { text, bom: false, lossless };
  } catch (e) {
    throw new FileAccessError(displayPath, `${displayPath}: ${describeFsError(e)}`);
  }
}

/** Writes a file, creating its folder; a FileAccessError names the file. */
export async function writeTextFile(absPath: string, displayPath: string, text: string): Promise<void> {
  try {
    await fs.mkdir(path.dirname(absPath), { recursive: true });
    // Write beside the file and rename over it, so an interrupted write never leaves a truncated file.
    // A symlink is followed, so the link stays a link.
    const target = await fs.realpath(absPath).catch(() => absPath);
    const tmp = path.join(path.dirname(target), `.${path.basename(target)}.kafka-k8s-${process.pid}.tmp`);
    const mode = await fs.stat(target).then((s) => s.mode, () => undefined);
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
    default:
      return `cannot read (${e instanceof Error ? e.message : String(e)}).`;
  }
}
