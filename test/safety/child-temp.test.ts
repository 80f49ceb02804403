/**
 * A child stopped by a signal cannot remove its own temporary files (buf's
 * `format --diff` writes two and runs diff(1) on them). protogov gives every
 * child a TMPDIR of the run's own, so an interrupted run still leaves the
 * system temp directory as it found it. Real processes, real signals: a shell
 * makes a file with mktemp(1) and waits; the run is stopped while it waits.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { pathToFileURL } from "node:url";

const distCore = join(import.meta.dirname, "..", "..", "core");
const lifecycle = pathToFileURL(join(distCore, "model", "fs", "lifecycle.js")).href;
const runTool = pathToFileURL(join(distCore, "engines", "toolchains", "run-tool.js")).href;
const buf = pathToFileURL(join(distCore, "engines", "buf", "buf.js")).href;

const RUN = `
import { installSignalHandlers } from ${JSON.stringify(lifecycle)};
import { runTool } from ${JSON.stringify(runTool)};
installSignalHandlers((t) => process.stderr.write(t));
await runTool({ cmd: "sh", args: ["-c", "mktemp >/dev/null && sleep 30"], cwd: process.cwd(), env: {}, purpose: "waiting", installHint: "" });
`;

/** Every file below dir, relative. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

async function waitFor(what: string, test: () => boolean): Promise<void> {
  const until = Date.now() + 20_000;
  while (!test()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("children's temporary files", () => {
  it("go when a process without the CLI's handlers ends (the programmatic API, a plugin)", async (t) => {
    const tmp = mkdtempSync(join(tmpdir(), "protogov-childtmp-"));
    t.after(() => rmSync(tmp, { recursive: true, force: true }));
    const code = `import { runBuf } from ${JSON.stringify(buf)};\nconst r = await runBuf(["--version"], { cwd: process.cwd() });\nprocess.stdout.write(r.stdout);\n`;
    const run = spawn(process.execPath, ["--input-type=module", "-e", code], {
      env: { ...process.env, TMPDIR: tmp },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    run.stdout.on("data", (b: Buffer) => (out += b.toString()));
    const exit = await new Promise<number | null>((r) => run.on("close", r));
    assert.equal(exit, 0);
    assert.match(out, /^\d+\.\d+\.\d+/, "buf ran, with its TMPDIR inside the run's own directory");
    assert.deepEqual(readdirSync(tmp), []);
  });

  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    it(`go with the run when it is stopped by ${signal}`, async (t) => {
      const tmp = mkdtempSync(join(tmpdir(), "protogov-childtmp-"));
      t.after(() => rmSync(tmp, { recursive: true, force: true }));
      const run = spawn(process.execPath, ["--input-type=module", "-e", RUN], {
        env: { ...process.env, TMPDIR: tmp },
        stdio: ["ignore", "ignore", "pipe"],
      });
      let stderr = "";
      run.stderr.on("data", (b: Buffer) => (stderr += b.toString()));
      const closed = new Promise<number | null>((r) => run.on("close", (code) => r(code)));
      // The child's mktemp file exists, inside the run's own directory, not at the top of TMPDIR.
      await waitFor("the child's temporary file", () => filesUnder(tmp).length > 0);
      const [made] = filesUnder(tmp);
      assert.match(made ?? "", /\/protogov-child-[^/]+\/tmp\.[^/]+$/);
      run.kill(signal);
      const code = await closed;
      assert.equal(code, signal === "SIGTERM" ? 143 : 130, stderr);
      assert.match(stderr, new RegExp(`interrupted \\(${signal}\\)`));
      assert.deepEqual(readdirSync(tmp), [], "the run left temporary files behind");
    });
  }
});
