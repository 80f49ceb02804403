/**
 * Stability levels: `v1development`, `v1experimental` and words a project
 * adds in protogov.yaml `stability` are not stable releases, for the semver
 * bump (through the real diff) and for PACKAGE_VERSION_POLICY alike.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { stabilityOf } from "../../core/model/config/stability.js";
import { runCli } from "../support/run-cli.js";
import { tempProject } from "../support/temp-project.js";

const file = (pkg: string, field: string) => `syntax = "proto3";

package ${pkg};

// A thing.
message Thing {
  // Its name.
  string ${field} = 1;
}
`;

describe("stability levels", () => {
  it("reads the word after the major version", () => {
    assert.equal(stabilityOf("acme.users.v1"), "stable");
    assert.equal(stabilityOf("acme.users.v1beta2"), "beta");
    assert.equal(stabilityOf("acme.users.v1p1beta1"), "beta");
    assert.equal(stabilityOf("acme.users.v2alpha"), "alpha");
    assert.equal(stabilityOf("acme.users.v1development"), "alpha");
    assert.equal(stabilityOf("acme.users.v1experimental"), "alpha");
    assert.equal(stabilityOf("acme.users.v1test"), "test");
    assert.equal(stabilityOf("acme.users.v1nightly"), "alpha", "an unknown word is not stable");
    assert.equal(stabilityOf("acme.users"), "unversioned");
    assert.equal(stabilityOf("acme.users.v1nightly", { beta: ["beta", "nightly"], alpha: [], test: [] }), "beta");
  });

  it("a renamed field in a v1development package is a minor bump, not major", async (t) => {
    const base = tempProject(t, { "acme/users/v1development/thing.proto": file("acme.users.v1development", "name") });
    const head = tempProject(t, { "acme/users/v1development/thing.proto": file("acme.users.v1development", "title") });
    const diff = await runCli(["diff", "--against", base.dir, "--format", "json"], { cwd: head.dir });
    assert.equal(diff.code, 0, diff.stderr);
    assert.equal((JSON.parse(diff.stdout) as { bump: string }).bump, "minor");
    const stable = tempProject(t, { "acme/users/v1/thing.proto": file("acme.users.v1", "name") });
    const stableHead = tempProject(t, { "acme/users/v1/thing.proto": file("acme.users.v1", "title") });
    const major = await runCli(["diff", "--against", stable.dir, "--format", "json"], { cwd: stableHead.dir });
    assert.equal((JSON.parse(major.stdout) as { bump: string }).bump, "major");
  });

  it("protogov.yaml stability words feed the bump and PACKAGE_VERSION_POLICY", async (t) => {
    const config = "version: 1\nstability:\n  beta: [beta, nightly]\nlint:\n  rules:\n    PACKAGE_VERSION_POLICY:\n      allow: [stable]\n";
    const base = tempProject(t, { "protogov.yaml": config, "acme/users/v1nightly/thing.proto": file("acme.users.v1nightly", "name") });
    const head = tempProject(t, { "protogov.yaml": config, "acme/users/v1nightly/thing.proto": file("acme.users.v1nightly", "title") });
    const diff = await runCli(["diff", "--against", base.dir, "--format", "json"], { cwd: head.dir });
    assert.equal((JSON.parse(diff.stdout) as { bump: string }).bump, "minor");
    const lint = await runCli(["lint", "--format", "json"], { cwd: head.dir });
    const policy = (JSON.parse(lint.stdout) as { findings: { rule: string; message: string }[] }).findings.find(
      (f) => f.rule === "PACKAGE_VERSION_POLICY",
    );
    assert.match(policy?.message ?? "", /package "acme\.users\.v1nightly" is beta, and this project allows only stable packages/);
  });
});
