/**
 * Support for the tests of each language's generated errors: golden files
 * under test/golden/errors-<lang>/proto-examples/ (UPDATE_GOLDEN=1 rewrites
 * them), writing a generated tree into a project directory, and the
 * environment of the pinned toolchains that .ci/toolchains installs into
 * .cache/ (Go module cache, Python venv, Maven repository).
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { repoRoot } from "../support/paths.js";
import { examplesRequest, generateInProcess, readTree } from "./generate-support.js";

export const cacheDir = join(repoRoot, ".cache");
export const interopDir = join(repoRoot, "test", "interop");

/** The errors of proto-examples in one language; `options` are more plugin options (`connect=true`). */
export function generateLang(lang: string, options = ""): Map<string, string> {
  return generateInProcess(examplesRequest(options ? `lang=${lang},${options}` : `lang=${lang}`));
}

/** Compares with (or, with UPDATE_GOLDEN=1, rewrites) test/golden/errors-<lang>/proto-examples. */
export function assertGolden(lang: string, actual: Map<string, string>): void {
  const dir = join(repoRoot, "test", "golden", `errors-${lang}`, "proto-examples");
  if (process.env["UPDATE_GOLDEN"] === "1") {
    rmSync(dir, { recursive: true, force: true });
    writeTree(dir, actual);
  }
  const expected = readTree(dir);
  assert.deepEqual([...actual.keys()].sort(), [...expected.keys()].sort(), "generated file names (UPDATE_GOLDEN=1 rewrites)");
  for (const [name, content] of actual) {
    assert.equal(content, expected.get(name), `${name} differs from the golden file (UPDATE_GOLDEN=1 rewrites)`);
  }
}

export function writeTree(dir: string, files: Map<string, string>): void {
  for (const [name, content] of files) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
}

/** A fresh copy of test/interop/<lang> in `dest`, with the generated errors under gen/ (Go: with the connect-go file). */
export function projectWithErrors(lang: string, dest: string): string {
  const project = join(dest, lang);
  cpSync(join(interopDir, lang), project, { recursive: true });
  writeTree(join(project, "gen"), generateLang(lang, lang === "go" ? "connect=true" : ""));
  return project;
}

/** Go with the module cache in .cache/go (offline after .ci/toolchains); go.sum is committed. */
export function goEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GOMODCACHE: join(cacheDir, "go", "mod"),
    GOCACHE: join(cacheDir, "go", "build"),
    GOFLAGS: "-mod=mod",
    GOSUMDB: "off",
    GOTOOLCHAIN: "local",
  };
}

export const venvPython = join(cacheDir, "venv", "bin", "python");

/** Throws with what to run when .ci/toolchains has not been run in this clone. */
export function requireToolchain(path: string): void {
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`bash .ci/toolchains\` once (CI runs it from .ci/run)`);
}

/** Writes .proto files (path -> text) under dir/protos and returns that include directory. */
export function writeProtos(dir: string, files: Readonly<Record<string, string>>): string {
  const root = join(dir, "protos");
  writeTree(root, new Map(Object.entries(files)));
  return root;
}

export const mavenRepo = join(cacheDir, "m2");

/** The classpath of test/interop/java/pom.xml, resolved offline from .cache/m2. */
export function javaClasspath(): string {
  requireToolchain(mavenRepo);
  const file = join(cacheDir, "interop-java.classpath");
  execFileSync(
    "mvn",
    [
      "-q",
      "-o",
      "-B",
      "-f",
      join(interopDir, "java", "pom.xml"),
      `-Dmaven.repo.local=${mavenRepo}`,
      "dependency:build-classpath",
      `-Dmdep.outputFile=${file}`,
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  return readFileSync(file, "utf8").trim();
}

/** Every file under dir with the extension, as paths. */
export function filesWithExtension(dir: string, ext: string): string[] {
  return [...readTree(dir).keys()].filter((f) => f.endsWith(ext)).map((f) => join(dir, f));
}
