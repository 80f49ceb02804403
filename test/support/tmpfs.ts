/**
 * A small tmpfs for disk-full tests (mount needs root, which CI's `.ci/run`
 * and this machine have). `fill` writes until the file system refuses, so
 * the next write of any size fails with ENOSPC.
 */
import { execFileSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestContext } from "node:test";

export interface Tmpfs {
  dir: string;
  /** Fills the file system completely; returns the filler's path (delete it to free the space). */
  fill(): string;
}

export function mountTmpfs(t: TestContext, sizeKiB: number): Tmpfs {
  const dir = mkdtempSync(join(tmpdir(), "protogov-tmpfs-"));
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", `size=${sizeKiB}k`, "tmpfs", dir], { stdio: "pipe" });
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`the disk-full tests need to mount a tmpfs (run as root): ${(e as Error).message}`);
  }
  t.after(() => {
    execFileSync("umount", ["-l", dir]);
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    dir,
    fill() {
      const filler = join(dir, ".filler");
      const fd = openSync(filler, "a");
      const chunk = Buffer.alloc(4096, 120);
      try {
        for (;;) writeSync(fd, chunk);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "ENOSPC") throw e;
      } finally {
        closeSync(fd);
      }
      // Small files can still land in a partly used block: fill byte by byte too.
      const fd2 = openSync(filler, "a");
      try {
        for (;;) writeSync(fd2, Buffer.alloc(1, 120));
      } catch {
        // full
      } finally {
        closeSync(fd2);
      }
      return filler;
    },
  };
}

/** Every file and directory under `dir` whose name marks it as a protogov temporary. */
export function leftoverTemps(dir: string): string[] {
  const out = execFileSync("find", [dir, "-name", "*protogov-tmp*", "-o", "-name", "*protogov-old*", "-o", "-name", "*.tmp-*"], {
    encoding: "utf8",
  });
  return out.split("\n").filter(Boolean);
}
