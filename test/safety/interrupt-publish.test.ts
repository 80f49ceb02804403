/**
 * An interrupted publish stops its npm child with it and says what was and was
 * not published. A real registry (verdaccio): protogov is sent SIGINT the
 * moment its `npm publish` child appears in `ps`; afterwards no npm process of
 * that run may remain, the registry may hold at most the version being
 * published when the signal came (and the report says it may be partly out),
 * and the later target (git) is reported as not attempted and was not pushed.
 */
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { apiProject, bareRemote, git } from "../publish/api-project.js";
import { type Registry, startVerdaccio } from "../publish/verdaccio.js";
import { cliBin } from "../support/paths.js";

let registry: Registry;
before(async () => {
  registry = await startVerdaccio();
});
after(async () => {
  await registry?.stop();
});

/** Processes whose argv mentions `marker` (the run's own TMPDIR). */
function processesWith(marker: string): string[] {
  return execFileSync("ps", ["-eo", "pid,args"], { encoding: "utf8" })
    .split("\n")
    .filter((l) => l.includes(marker) && !l.includes("ps -eo"));
}

describe("interrupting a publish", () => {
  it("SIGINT while npm publishes: npm stops too, and the report says what is out", async () => {
    const pyRemote = bareRemote();
    const api = apiProject({ registry: registry.url, gitRemote: pyRemote, docsRemote: bareRemote() });
    const tmp = mkdtempSync(join(tmpdir(), "protogov-int-"));
    const child = spawn(process.execPath, [cliBin, "publish"], {
      cwd: api,
      env: { ...process.env, TMPDIR: tmp, TEST_NPM_TOKEN: registry.token, NO_COLOR: "1" },
    });
    let output = "";
    child.stdout.on("data", (b: Buffer) => (output += b.toString()));
    child.stderr.on("data", (b: Buffer) => (output += b.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
    let sent = false;
    const deadline = Date.now() + 120_000;
    while (!sent && Date.now() < deadline && child.exitCode === null) {
      if (processesWith(tmp).some((l) => / publish \S/.test(l) && /npm/.test(l))) {
        child.kill("SIGINT");
        sent = true;
      } else {
        await new Promise((r) => setTimeout(r, 10));
      }
    }
    assert.ok(sent, `never saw npm publish running:\n${output}`);
    const code = await exited;
    assert.equal(code, 130, output);
    assert.match(output, /interrupted \(SIGINT\)/);
    assert.match(output, /publish: published before the signal: nothing/);
    assert.match(output, /publish: stopped while publishing ts: it may be partly out/);
    assert.match(output, /publish: not attempted: .*python/);
    // Give a straggler time to show itself: none may remain, and the git target was not pushed.
    await new Promise((r) => setTimeout(r, 1500));
    assert.deepEqual(processesWith(tmp), []);
    assert.deepEqual(readdirSync(tmp), []);
    assert.equal(git(pyRemote, "for-each-ref").trim(), "");
    rmSync(tmp, { recursive: true, force: true });
  });
});
