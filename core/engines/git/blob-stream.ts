/**
 * One `git cat-file --batch` process for several rounds of reads: reading an
 * import closure asks for the blobs one level of imports at a time, and a
 * process per level cost the pre-commit hook a git start-up each (about 5 ms).
 * git answers in the order it is asked, so each round waits for as many
 * answers as it sent object names.
 */
import { spawn } from "node:child_process";
import { ToolError } from "../../model/errors.js";
import { childEnv, trackChild } from "../../model/fs/lifecycle.js";

interface Round {
  left: number;
  blobs: Map<string, Buffer>;
  resolve(blobs: Map<string, Buffer>): void;
  reject(e: Error): void;
}

export class BlobStream {
  readonly #child;
  readonly #rounds: Round[] = [];
  #pending: Buffer = Buffer.alloc(0);
  #failed: Error | undefined;

  constructor(cwd: string) {
    this.#child = trackChild(
      spawn("git", ["cat-file", "--batch"], {
        cwd,
        detached: true,
        stdio: ["pipe", "pipe", "pipe"],
        env: childEnv({ GIT_TERMINAL_PROMPT: "0" }),
      }),
    );
    const errors: Buffer[] = [];
    this.#child.stderr.on("data", (b: Buffer) => errors.push(b));
    this.#child.stdout.on("data", (b: Buffer) => this.#take(b));
    this.#child.stdin.on("error", () => undefined);
    this.#child.on("error", (e) =>
      this.#fail(new ToolError(`could not run git: ${e.message}`, { hint: "install git and make sure it is on PATH" })),
    );
    this.#child.on("close", (code) => {
      if (this.#rounds.length > 0)
        this.#fail(new ToolError(`git cat-file failed (exit ${code}): ${Buffer.concat(errors).toString("utf8").trim()}`));
    });
  }

  /** The blobs of these object ids; a missing object is left out of the map. */
  read(oids: readonly string[]): Promise<Map<string, Buffer>> {
    if (this.#failed) return Promise.reject(this.#failed);
    if (oids.length === 0) return Promise.resolve(new Map());
    return new Promise((resolve, reject) => {
      this.#rounds.push({ left: oids.length, blobs: new Map(), resolve, reject });
      this.#child.stdin.write(`${oids.join("\n")}\n`);
    });
  }

  close(): void {
    this.#child.stdin.end();
  }

  #take(chunk: Buffer): void {
    this.#pending = this.#pending.length === 0 ? chunk : Buffer.concat([this.#pending, chunk]);
    for (;;) {
      const nl = this.#pending.indexOf(10);
      if (nl < 0) return;
      const [oid, type, size] = this.#pending.subarray(0, nl).toString("utf8").split(" ");
      let content: Buffer | undefined;
      let next = nl + 1;
      if (type !== "missing" && oid && size !== undefined) {
        const n = Number(size);
        // The content and its trailing newline must be complete before the answer counts.
        if (this.#pending.length < nl + 1 + n + 1) return;
        content = Buffer.from(this.#pending.subarray(nl + 1, nl + 1 + n));
        next = nl + 1 + n + 1;
      }
      this.#pending = this.#pending.subarray(next);
      const round = this.#rounds[0];
      if (!round) continue;
      if (content && oid) round.blobs.set(oid, content);
      if (--round.left === 0) {
        this.#rounds.shift();
        round.resolve(round.blobs);
      }
    }
  }

  #fail(e: Error): void {
    this.#failed = e;
    for (const round of this.#rounds.splice(0)) round.reject(e);
  }
}
