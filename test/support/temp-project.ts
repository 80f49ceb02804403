/**
 * Throw-away projects under the OS temp directory for tests that write files.
 * Each one holds an empty `.git` directory: protogov stops its upward config
 * search at a repository root, so nothing above the temp directory leaks in.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { TestContext } from "node:test";

export interface TempProject {
  /** Absolute root of the project. */
  dir: string;
  /** Absolute path of a project-relative path. */
  path(rel: string): string;
  write(rel: string, text: string): void;
  read(rel: string): string;
  /** Copies a directory (a fixture, proto-examples) into the project at `rel`. */
  copy(fromDir: string, rel?: string): void;
}

/** A fresh project removed when the test ends; `files` maps relative paths to contents. */
export function tempProject(t: TestContext, files: Record<string, string> = {}): TempProject {
  const dir = mkdtempSync(join(tmpdir(), "protogov-test-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, ".git"));
  const project: TempProject = {
    dir,
    path: (rel) => join(dir, rel),
    write: (rel, text) => {
      mkdirSync(dirname(join(dir, rel)), { recursive: true });
      writeFileSync(join(dir, rel), text);
    },
    read: (rel) => readFileSync(join(dir, rel), "utf8"),
    copy: (fromDir, rel = ".") => cpSync(fromDir, join(dir, rel), { recursive: true }),
  };
  for (const [rel, text] of Object.entries(files)) project.write(rel, text);
  return project;
}

/** A small well-formed proto that passes buf's STANDARD and COMMENTS rules and `buf format`. */
export function cleanProto(pkg: string, message: string, body = "  // The id.\n  string id = 1;\n"): string {
  return `syntax = "proto3";\n\npackage ${pkg};\n\n// A ${message}.\nmessage ${message} {\n${body}}\n`;
}
