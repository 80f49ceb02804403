/**
 * Plugins beyond the built-ins and the output directory contract: a local
 * `protoc-gen-NAME` executable on PATH speaks the plugin protocol; a missing
 * one, or a missing protoc for a protoc built-in, is a clear error; the CLI
 * writes each target to a clean directory (files of removed protos go away)
 * and refuses a directory protogov did not write.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { delimiter, join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { generateTargets } from "../../core/features/generate/generate-targets.js";
import { ToolError } from "../../core/model/errors.js";
import { EXAMPLES, tempDir } from "../publish/api-project.js";

const run = promisify(execFile);
const BIN = fileURLToPath(new URL("../../cli/bin.js", import.meta.url));
const PROTOBUF = fileURLToPath(new URL("../../../node_modules/@bufbuild/protobuf/dist/esm/index.js", import.meta.url));
const WKT = fileURLToPath(new URL("../../../node_modules/@bufbuild/protobuf/dist/esm/wkt/index.js", import.meta.url));

function project(targets: string): string {
  const dir = tempDir("protogov-plugins-");
  cpSync(join(EXAMPLES, "acme"), join(dir, "acme"), { recursive: true });
  writeFileSync(join(dir, "protogov.yaml"), `version: 1\ntargets:\n${targets}`);
  return dir;
}

/** A protoc-gen-list executable: one file listing the files to generate and the parameter. */
function listPlugin(): string {
  const bin = tempDir("protogov-bin-");
  const script = `#!${process.execPath}
import { create, fromBinary, toBinary } from ${JSON.stringify(PROTOBUF)};
import { CodeGeneratorRequestSchema, CodeGeneratorResponseSchema } from ${JSON.stringify(WKT)};
const chunks = [];
for await (const c of process.stdin) chunks.push(c);
const req = fromBinary(CodeGeneratorRequestSchema, Buffer.concat(chunks));
const content = [req.parameter, ...req.fileToGenerate].join("\\n") + "\\n";
process.stdout.write(toBinary(CodeGeneratorResponseSchema, create(CodeGeneratorResponseSchema, { file: [{ name: "files.txt", content }] })));
`;
  writeFileSync(join(bin, "protoc-gen-list.mjs"), script);
  writeFileSync(
    join(bin, "protoc-gen-list"),
    `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(join(bin, "protoc-gen-list.mjs"))}\n`,
  );
  chmodSync(join(bin, "protoc-gen-list"), 0o755);
  return bin;
}

async function withPath<T>(path: string, work: () => Promise<T>): Promise<T> {
  const saved = process.env["PATH"];
  process.env["PATH"] = path;
  try {
    return await work();
  } finally {
    process.env["PATH"] = saved;
  }
}

describe("target plugins and output", () => {
  it("runs a protoc-gen-NAME executable from PATH with the options as parameter", async () => {
    const dir = project(
      "  - name: x\n    language: other\n    plugins:\n      - name: list\n        options: { mode: brief }\n        out: meta\n",
    );
    const bin = listPlugin();
    const result = await withPath(`${bin}${delimiter}${process.env["PATH"] ?? ""}`, () => generateTargets({ cwd: dir, names: [] }));
    const text = new TextDecoder().decode(result.targets[0]?.files.get("meta/files.txt"));
    assert.match(text, /^mode=brief\n/);
    assert.match(text, /acme\/users\/v1\/users\.proto/);
    assert.match(text, /protogov\/errors\/v1\/errors\.proto/, "imports the code refers to are generated too");
    assert.doesNotMatch(text, /google\/protobuf\//);
  });

  it("names a missing plugin executable and the built-in ones", async () => {
    const dir = project("  - name: x\n    language: other\n    plugins:\n      - name: gogo-nope\n");
    await assert.rejects(
      generateTargets({ cwd: dir, names: [] }),
      (e: unknown) =>
        e instanceof ToolError && /protoc-gen-gogo-nope is not on PATH/.test(e.message) && /java, kotlin, python/.test(e.hint ?? ""),
    );
  });

  it("says how to get protoc when a protoc built-in cannot run", async () => {
    const dir = project("  - name: j\n    language: java\n    plugins:\n      - name: java\n");
    const empty = tempDir("protogov-nopath-");
    await assert.rejects(
      withPath(empty, () => generateTargets({ cwd: dir, names: [] })),
      (e: unknown) => e instanceof ToolError && /part of protoc/.test(e.message) && /protobuf-compiler/.test(e.hint ?? ""),
    );
  });

  it("writes a clean directory per target and never replaces a user's directory", async () => {
    const dir = project("  - name: py\n    language: python\n    plugins:\n      - name: python\n");
    await run(process.execPath, [BIN, "generate"], { cwd: dir });
    const out = join(dir, "gen/py/acme/payments/v1/payments_pb2.py");
    assert.ok(existsSync(out));
    rmSync(join(dir, "acme/payments"), { recursive: true });
    await run(process.execPath, [BIN, "generate", "--target", "py"], { cwd: dir });
    assert.ok(!existsSync(out), "the removed proto's output is gone");
    assert.ok(existsSync(join(dir, "gen/py/acme/users/v1/users_pb2.py")));
    mkdirSync(join(dir, "mine"), { recursive: true });
    writeFileSync(join(dir, "mine/notes.txt"), "keep me\n");
    writeFileSync(
      join(dir, "protogov.yaml"),
      "version: 1\ntargets:\n  - name: py\n    language: python\n    out: mine\n    plugins:\n      - name: python\n",
    );
    const refused = await run(process.execPath, [BIN, "generate"], { cwd: dir }).then(
      () => assert.fail("must refuse"),
      (e: { code: number; stderr: string }) => e,
    );
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /holds files protogov did not write/);
    assert.equal(readFileSync(join(dir, "mine/notes.txt"), "utf8"), "keep me\n");
  });
});
