/**
 * protogov generate on proto-examples: deterministic output (two runs,
 * byte-identical), the npm package's shape, and the Java and Python targets
 * compiled by their real toolchains (javac against Debian's protobuf.jar,
 * py_compile with python3-protobuf).
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { type GeneratedTargets, generateTargets } from "../../core/features/generate/generate-targets.js";
import { EXAMPLES, tempDir } from "../publish/api-project.js";
import { installedVersion } from "../support/paths.js";

const CONFIG = `version: 1
targets:
  - name: ts
    language: typescript
    package: { name: "@acme/apis" }
    plugins: [{ name: es }, { name: errors }]
  - name: java
    language: java
    plugins: [{ name: java }]
  - name: python
    language: python
    plugins: [{ name: python }, { name: pyi }]
`;

function project(): string {
  const dir = tempDir("protogov-generate-");
  cpSync(join(EXAMPLES, "acme"), join(dir, "acme"), { recursive: true });
  writeFileSync(join(dir, "protogov.yaml"), CONFIG);
  return dir;
}

function write(files: Map<string, Uint8Array>): string {
  const dir = tempDir("protogov-out-");
  for (const [name, content] of files) {
    execFileSync("mkdir", ["-p", join(dir, name, "..")]);
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

const has = (cmd: string, args: string[]): boolean => {
  try {
    execFileSync(cmd, args, { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
};
const PROTOBUF_JAR = "/usr/share/java/protobuf.jar";
const PYTHON = ["python3", "/usr/bin/python3"].find((p) => has(p, ["-c", "import google.protobuf"]));

describe("protogov generate", () => {
  let first: GeneratedTargets;
  before(async () => {
    first = await generateTargets({ cwd: project(), names: [] });
  });

  it("is deterministic: the same input gives byte-identical output", async () => {
    const second = await generateTargets({ cwd: project(), names: [] });
    for (const [i, t] of first.targets.entries()) {
      const other = second.targets[i];
      assert.deepEqual([...t.files.keys()], [...(other?.files.keys() ?? [])]);
      for (const [name, content] of t.files) assert.ok(Buffer.from(content).equals(Buffer.from(other?.files.get(name) ?? [])), name);
    }
  });

  it("builds the TypeScript target into an npm package with pinned runtime dependencies", () => {
    const ts = first.targets.find((t) => t.target.name === "ts");
    assert.ok(ts);
    const manifest = JSON.parse(new TextDecoder().decode(ts.files.get("package.json"))) as Record<string, unknown>;
    assert.equal(manifest["name"], "@acme/apis");
    assert.equal(manifest["sideEffects"], false);
    assert.equal(manifest["types"], "./dist/index.d.ts");
    assert.deepEqual(manifest["dependencies"], {
      "@bufbuild/protobuf": installedVersion("@bufbuild/protobuf"),
      "@connectrpc/connect": installedVersion("@connectrpc/connect"),
      "@protogov/errors-runtime": installedVersion("@protogov/errors-runtime"),
    });
    for (const f of [
      "dist/acme/users/v1/users_pb.js",
      "dist/acme/users/v1/users_pb.d.ts",
      "dist/acme/users/v1/errors_errors.js",
      "dist/index.d.ts",
    ]) {
      assert.ok(ts.files.has(f), f);
    }
    const readme = new TextDecoder().decode(ts.files.get("README.md"));
    assert.match(readme, /`acme\.users\.v1\.UserService`/);
    assert.match(readme, /`UserNotFoundError` .* `USER_NOT_FOUND`/);
  });

  it("Java output compiles with javac against Debian's protobuf.jar", {
    skip: !existsSync(PROTOBUF_JAR) || !has("javac", ["-version"]),
  }, () => {
    const java = first.targets.find((t) => t.target.name === "java");
    assert.ok(java && java.files.size > 5);
    const dir = write(java.files);
    const sources = [...java.files.keys()].filter((n) => n.endsWith(".java")).map((n) => join(dir, n));
    execFileSync("javac", ["-nowarn", "-cp", PROTOBUF_JAR, "-d", join(dir, "classes"), ...sources], { stdio: "pipe" });
    assert.ok(existsSync(join(dir, "classes")));
  });

  it("Python output compiles and imports with python3-protobuf", { skip: !PYTHON }, () => {
    const python = first.targets.find((t) => t.target.name === "python");
    assert.ok(python, "python target");
    assert.ok(python.files.has("acme/users/v1/users_pb2.py"));
    assert.ok(python.files.has("acme/users/v1/users_pb2.pyi"));
    const dir = write(python.files);
    const sources = [...python.files.keys()].filter((n) => n.endsWith(".py"));
    execFileSync(PYTHON ?? "python3", ["-m", "py_compile", ...sources], { cwd: dir, stdio: "pipe" });
    const out = execFileSync(
      PYTHON ?? "python3",
      ["-c", "from acme.users.v1 import users_pb2; print(users_pb2.User(display_name='x').display_name)"],
      {
        cwd: dir,
        encoding: "utf8",
      },
    );
    assert.equal(out.trim(), "x");
    // Imports the generated code needs (protogov's errors.proto) are generated too.
    assert.ok(readFileSync(join(dir, "acme/users/v1/errors_pb2.py"), "utf8").includes("protogov_dot_errors_dot_v1"));
  });
});
