/**
 * A repository set up for buf gets buf's answers: the lint and breaking
 * settings of its buf.yaml (v1beta1, v1, v2) apply when protogov.yaml does not
 * set them, and buf's findings from protogov equal `buf breaking` / `buf lint`
 * run by hand on the same directories (real buf), plus protogov's own.
 */
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { describe, it, type TestContext } from "node:test";
import { repoRoot } from "../support/paths.js";
import { type JsonFinding, runCli } from "../support/run-cli.js";
import { type TempProject, tempProject } from "../support/temp-project.js";

const BUF = `${repoRoot}/node_modules/.bin/buf`;

const BASE = `syntax = "proto3";

package acme.shop.v1;

option java_package = "com.acme.shop.v1";

// An order.
message Order {
  // The id.
  string id = 1;
  // How many.
  int32 quantity = 2;
  // Notes.
  string note = 3;
}
`;

/** Findings as "file:line RULE" for comparison. */
const key = (file: string, line: number, rule: string) => `${file}:${line} ${rule}`;

function bufBreaking(dir: string): string[] {
  const r = spawnSync(BUF, ["breaking", "head", "--against", "base", "--error-format", "json"], { cwd: dir, encoding: "utf8" });
  assert.ok(r.status === 0 || r.status === 100, r.stderr);
  return (
    r.stdout
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as { path?: string; start_line?: number; type: string; message: string })
      // A deleted file has no path in buf's output; its message names it (protogov reports it there too).
      .map((f) => key(f.path ?? /file "([^"]+)" was deleted/.exec(f.message)?.[1] ?? "", f.start_line ?? 0, f.type))
      .sort()
  );
}

async function protogovBreaking(p: TempProject): Promise<{ buf: string[]; own: string[]; code: number }> {
  const r = await runCli(["breaking", "--against", p.path("base"), "--format", "json"], {
    cwd: p.path("head"),
    env: { PROTOGOV_NO_CACHE: "1" },
  });
  assert.ok(r.code === 0 || r.code === 1, r.stderr + r.stdout);
  const findings = (JSON.parse(r.stdout) as { findings: (JsonFinding & { source?: string })[] }).findings;
  const all = findings.map((f) => key(f.file, f.line, f.rule));
  const own = findings.filter((f) => /^(OPTION_|ERROR_|LRO_|METHOD_PAGINATION_|REQUIRED_FIELD_ADDED)/.test(f.rule));
  return { buf: all.filter((k) => !own.some((o) => k === key(o.file, o.line, o.rule))).sort(), own: own.map((f) => f.rule), code: r.code };
}

/** base/ and head/ with the same buf.yaml; head gets `edit` applied. */
function sides(t: TestContext, bufYaml: string, edit: (text: string) => string, layout = "acme/shop/v1/shop.proto"): TempProject {
  const p = tempProject(t, {
    "base/buf.yaml": bufYaml,
    [`base/${layout}`]: BASE,
    "head/buf.yaml": bufYaml,
    [`head/${layout}`]: edit(BASE),
  });
  // head is a repository of its own: protogov's config search stops there.
  execFileSync("git", ["init", "-q"], { cwd: p.path("head") });
  return p;
}

describe("breaking settings from buf.yaml", () => {
  it("v1 with WIRE only: a rename is not a break, a wire-incompatible type is, exactly as buf says", async (t) => {
    const p = sides(t, "version: v1\nbreaking:\n  use: [WIRE]\n", (s) =>
      s.replace("string note = 3;", "string remark = 3;").replace("int32 quantity = 2;", "string quantity = 2;"),
    );
    const ours = await protogovBreaking(p);
    const buf = bufBreaking(p.dir).map((k) => k.replace(/^head\//, ""));
    assert.deepEqual(ours.buf, buf);
    assert.ok(
      buf.some((k) => k.endsWith("FIELD_WIRE_COMPATIBLE_TYPE")),
      buf.join("\n"),
    );
    assert.ok(!ours.buf.some((k) => k.includes("FIELD_SAME_NAME")), "FILE rules are not selected");
  });

  it("v1 rule ids (FIELD_SAME_LABEL) are accepted and checked as buf checks them", async (t) => {
    const p = sides(t, "version: v1\nbreaking:\n  use: [FIELD_SAME_LABEL]\n", (s) =>
      s.replace("string note = 3;", "repeated string note = 3;"),
    );
    const ours = await protogovBreaking(p);
    assert.equal(ours.code, 1);
    assert.deepEqual(
      ours.buf,
      bufBreaking(p.dir).map((k) => k.replace(/^head\//, "")),
    );
    assert.ok(
      ours.buf.some((k) => k.endsWith("FIELD_SAME_CARDINALITY")),
      ours.buf.join("\n"),
    );
  });

  it("v2 with PACKAGE: a message moved to another file of its package is no break, as buf says", async (t) => {
    const yaml = "version: v2\nbreaking:\n  use: [PACKAGE]\n";
    const other = 'syntax = "proto3";\n\npackage acme.shop.v1;\n\n// A note.\nmessage Note {\n  // Text.\n  string text = 1;\n}\n';
    const p = sides(t, yaml, (s) => s);
    p.write("base/acme/shop/v1/note.proto", other);
    p.write("head/acme/shop/v1/shop.proto", `${BASE}\n${other.slice(other.indexOf("// A note."))}`);
    const ours = await protogovBreaking(p);
    const buf = bufBreaking(p.dir).map((k) => k.replace(/^head\//, ""));
    assert.deepEqual(ours.buf, buf);
    assert.ok(!buf.some((k) => k.endsWith("MESSAGE_NO_DELETE")), "PACKAGE allows moving a message within its package");
    const file = sides(t, "version: v2\nbreaking:\n  use: [FILE]\n", (s) => s);
    file.write("base/acme/shop/v1/note.proto", other);
    file.write("head/acme/shop/v1/shop.proto", `${BASE}\n${other.slice(other.indexOf("// A note."))}`);
    const fileOurs = await protogovBreaking(file);
    assert.deepEqual(
      fileOurs.buf,
      bufBreaking(file.dir).map((k) => k.replace(/^head\//, "")),
    );
    assert.ok(
      fileOurs.buf.some((k) => k.endsWith(" MESSAGE_NO_DELETE") || k.endsWith(" FILE_NO_DELETE")),
      fileOurs.buf.join("\n"),
    );
  });

  it("v2 ignore and ignore_unstable_packages drop what buf drops", async (t) => {
    const yaml = "version: v2\nbreaking:\n  use: [FILE]\n  ignore: [acme/shop/v1/legacy.proto]\n";
    const p = sides(t, yaml, (s) => s.replace("  // Notes.\n  string note = 3;\n", ""));
    p.write("base/acme/shop/v1/legacy.proto", BASE.replace("message Order", "message Legacy"));
    p.write(
      "head/acme/shop/v1/legacy.proto",
      BASE.replace("message Order", "message Legacy").replace("  // Notes.\n  string note = 3;\n", ""),
    );
    const ours = await protogovBreaking(p);
    const buf = bufBreaking(p.dir).map((k) => k.replace(/^head\//, ""));
    assert.deepEqual(ours.buf, buf);
    assert.ok(buf.length > 0 && !buf.some((k) => k.startsWith("acme/shop/v1/legacy.proto")), buf.join("\n"));
  });

  it("a built-in option change is buf's finding (FIELD_SAME_JSTYPE) only, not also protogov's OPTION_ADDED", async (t) => {
    const p = sides(t, "version: v2\nbreaking:\n  use: [FILE]\n", (s) =>
      s.replace("int32 quantity = 2;", "int64 quantity = 2 [jstype = JS_STRING];"),
    );
    p.write("base/acme/shop/v1/shop.proto", BASE.replace("int32 quantity = 2;", "int64 quantity = 2;"));
    const ours = await protogovBreaking(p);
    assert.deepEqual(
      ours.buf,
      bufBreaking(p.dir).map((k) => k.replace(/^head\//, "")),
    );
    assert.ok(
      ours.buf.some((k) => k.endsWith("FIELD_SAME_JSTYPE")),
      ours.buf.join("\n"),
    );
    assert.deepEqual(ours.own, []);
  });

  it("protogov.yaml's own breaking section still wins over buf.yaml's", async (t) => {
    const p = sides(t, "version: v1\nbreaking:\n  use: [WIRE]\n", (s) => s.replace("string note = 3;", "string remark = 3;"));
    p.write("head/protogov.yaml", "version: 1\nbreaking:\n  use: [FILE]\n");
    const ours = await protogovBreaking(p);
    assert.ok(
      ours.buf.some((k) => k.endsWith("FIELD_SAME_NAME")),
      ours.buf.join("\n"),
    );
  });
});

describe("lint settings from buf.yaml", () => {
  it("v2 use, except and rule options reach buf: the same findings as buf lint", async (t) => {
    const yaml = "version: v2\nlint:\n  use: [STANDARD]\n  except: [PACKAGE_VERSION_SUFFIX]\n  enum_zero_value_suffix: _NONE\n";
    const proto = 'syntax = "proto3";\n\npackage acme.shop;\n\n// A kind.\nenum Kind {\n  // None.\n  KIND_UNSPECIFIED = 0;\n}\n';
    const p = tempProject(t, { "buf.yaml": yaml, "acme/shop/kind.proto": proto });
    execFileSync("git", ["init", "-q"], { cwd: p.dir });
    const ours = await runCli(["lint", "--format", "json"], { cwd: p.dir });
    const bufRun = spawnSync(BUF, ["lint", "--error-format", "json"], { cwd: p.dir, encoding: "utf8" });
    const buf = bufRun.stdout
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as { path: string; start_line: number; type: string })
      .map((f) => key(f.path, f.start_line, f.type))
      .sort();
    const mine = (JSON.parse(ours.stdout) as { findings: JsonFinding[] }).findings.map((f) => key(f.file, f.line, f.rule)).sort();
    assert.ok(
      buf.some((k) => k.endsWith("ENUM_ZERO_VALUE_SUFFIX")),
      buf.join("\n"),
    );
    assert.deepEqual(mine, buf);
  });

  it("v1beta1 build.roots are the modules: an import between roots compiles", async (t) => {
    const p = tempProject(t, {
      "buf.yaml": "version: v1beta1\nbuild:\n  roots: [common, api]\nlint:\n  use: [DEFAULT]\n",
      "common/acme/common/v1/money.proto":
        'syntax = "proto3";\n\npackage acme.common.v1;\n\n// Money.\nmessage Money {\n  // Cents.\n  int64 cents = 1;\n}\n',
      "api/acme/shop/v1/price.proto":
        'syntax = "proto3";\n\npackage acme.shop.v1;\n\nimport "acme/common/v1/money.proto";\n\n// A price.\nmessage Price {\n  // The amount.\n  acme.common.v1.Money amount = 1;\n}\n',
    });
    execFileSync("git", ["init", "-q"], { cwd: p.dir });
    const r = await runCli(["lint"], { cwd: p.dir });
    assert.equal(r.code, 0, r.stdout + r.stderr);
  });
});

describe("each side of a comparison with its own layout", () => {
  it("a base directory whose buf.yaml roots differ compares by module-relative paths, as buf does", async (t) => {
    const p = tempProject(t, {
      "base/buf.yaml": "version: v1beta1\nbuild:\n  roots: [root]\n",
      "base/root/acme/shop/v1/shop.proto": BASE,
      "head/buf.yaml": "version: v2\nmodules:\n  - path: proto\n",
      "head/proto/acme/shop/v1/shop.proto": BASE.replace("  // Notes.\n  string note = 3;\n", ""),
    });
    execFileSync("git", ["init", "-q"], { cwd: p.path("head") });
    const ours = await protogovBreaking(p);
    assert.deepEqual(ours.buf, ["proto/acme/shop/v1/shop.proto:8 FIELD_NO_DELETE"]);
  });

  it("a base commit whose buf.yaml roots differ is read with its own layout, by module-relative paths", async (t) => {
    const p = tempProject(t, {
      "buf.yaml": "version: v1beta1\nbuild:\n  roots: [root]\n",
      "root/acme/shop/v1/shop.proto": BASE,
    });
    const git = (...args: string[]) =>
      execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", ...args], { cwd: p.dir, encoding: "utf8" });
    git("init", "-q", "-b", "main");
    git("add", "-A");
    git("commit", "-qm", "root layout");
    // The repository moves to a v2 layout under proto/ and deletes a field on the way.
    git("mv", "root", "proto");
    p.write("buf.yaml", "version: v2\nmodules:\n  - path: proto\n");
    p.write("proto/acme/shop/v1/shop.proto", BASE.replace("  // Notes.\n  string note = 3;\n", ""));
    git("commit", "-qam", "proto layout");
    const r = await runCli(["breaking", "--against", "HEAD~1", "--format", "json"], { cwd: p.dir, env: { PROTOGOV_NO_CACHE: "1" } });
    assert.equal(r.code, 1, r.stdout + r.stderr);
    const rules = (JSON.parse(r.stdout) as { findings: JsonFinding[] }).findings.map((f) => key(f.file, f.line, f.rule));
    assert.deepEqual(rules, ["proto/acme/shop/v1/shop.proto:8 FIELD_NO_DELETE"]);
  });
});
