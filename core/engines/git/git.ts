/**
 * Read-only git plumbing for base resolution and for reading the base side
 * straight from git objects. These calls sit on the hot path of the pre-commit
 * hook, so they spawn git directly (one `cat-file --batch` stream for many
 * blobs) instead of going through a wrapper; publishing uses the same `git`.
 */
import { spawn } from "node:child_process";
import { ToolError } from "../../model/errors.js";
import { trackChild } from "../../model/fs/lifecycle.js";
import { BlobStream } from "./blob-stream.js";

export interface GitResult {
  code: number;
  stdout: Buffer;
  stderr: string;
}

export function git(args: readonly string[], cwd: string, input?: string | Buffer, env: Record<string, string> = {}): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = trackChild(
      spawn("git", args, {
        cwd,
        detached: true,
        stdio: ["pipe", "pipe", "pipe"],
        env: { ...process.env, GIT_TERMINAL_PROMPT: "0", ...env },
      }),
    );
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    child.on("error", (e) =>
      reject(new ToolError(`could not run git: ${e.message}`, { hint: "install git and make sure it is on PATH", cause: e })),
    );
    child.on("close", (code) => resolve({ code: code ?? 1, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString("utf8") }));
    child.stdin.end(input);
  });
}

/** Runs git and returns trimmed stdout, or throws a ToolError with git's message. */
export async function gitText(args: readonly string[], cwd: string): Promise<string> {
  const r = await git(args, cwd);
  if (r.code !== 0) throw new ToolError(`git ${args[0] ?? ""} failed: ${redact(r.stderr.trim().split("\n")[0] ?? "")}`);
  return r.stdout.toString("utf8").trim();
}

/** Returns trimmed stdout, or undefined when git exits non-zero. */
export async function gitMaybe(args: readonly string[], cwd: string): Promise<string | undefined> {
  const r = await git(args, cwd);
  return r.code === 0 ? r.stdout.toString("utf8").trim() : undefined;
}

/**
 * Credentials embedded in remote URLs never reach output: `scheme://user:pass@`
 * and scp-style `user:pass@host:path` alike (`git@host:path`, with no
 * password, is left readable).
 */
export function redact(text: string): string {
  return text
    .replace(/(\w+:\/\/)[^/\s:@]+(:[^/\s@]*)?@/g, "$1***@")
    .replace(/(^|[\s'"(<=,])[^\s/@:'"<>]+:[^\s/@'"<>]+@(?=[\w.-]+:)/gm, "$1***@");
}

export interface TreeEntry {
  oid: string;
  path: string;
}

/** Blobs under `paths` at `ref` (`git ls-tree -r`), paths relative to the repository root. */
export async function listTree(ref: string, paths: readonly string[], cwd: string): Promise<TreeEntry[]> {
  const r = await git(["ls-tree", "-r", "-z", "--full-tree", ref, "--", ...paths], cwd);
  if (r.code !== 0) throw new ToolError(`git ls-tree ${ref} failed: ${r.stderr.trim()}`);
  const entries: TreeEntry[] = [];
  for (const record of r.stdout.toString("utf8").split("\0")) {
    if (!record) continue;
    const tab = record.indexOf("\t");
    const [, type, oid] = record.slice(0, tab).split(" ");
    if (type === "blob" && oid) entries.push({ oid, path: record.slice(tab + 1) });
  }
  return entries;
}

/** Reads many blobs in one `git cat-file --batch` process. */
export async function readBlobs(oids: readonly string[], cwd: string): Promise<Map<string, Buffer>> {
  if (oids.length === 0) return new Map();
  const stream = new BlobStream(cwd);
  try {
    return await stream.read(oids);
  } finally {
    stream.close();
  }
}
