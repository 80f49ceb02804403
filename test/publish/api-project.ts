/**
 * Test fixtures for publishing: a temporary API repository (a copy of
 * proto-examples committed to git, with a protogov.yaml whose targets point at
 * the test's registry and bare remotes), proto edits that are a feature and a
 * breaking change, and small git helpers.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** Every temporary directory of a test file lives under one root, removed when the process exits. */
let tempRoot: string | undefined;
export function tempDir(prefix: string): string {
  if (!tempRoot) {
    const root = mkdtempSync(join(tmpdir(), "protogov-test-"));
    tempRoot = root;
    process.on("exit", () => rmSync(root, { recursive: true, force: true }));
  }
  return mkdtempSync(join(tempRoot, prefix));
}

export const EXAMPLES = fileURLToPath(new URL("../../../proto-examples/", import.meta.url));
export const USERS_PROTO = "acme/users/v1/users.proto";

export function sh(cwd: string, cmd: string, args: string[]): string {
  return execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

export function git(cwd: string, ...args: string[]): string {
  return sh(cwd, "git", ["-c", "user.name=test", "-c", "user.email=test@example.invalid", ...args]).trim();
}

export function bareRemote(): string {
  const dir = tempDir("protogov-remote-");
  git(dir, "init", "--quiet", "--bare", "--initial-branch=main");
  return dir;
}

export interface ApiProjectOptions {
  registry: string;
  gitRemote: string;
  docsRemote: string;
  tokenEnv?: string;
}

export function targetsYaml(o: ApiProjectOptions): string {
  return `version: 1
targets:
  - name: ts
    language: typescript
    package: { name: "@acme/apis", description: "Acme APIs" }
    version: { initial: 1.0.0 }
    plugins:
      - name: es
      - name: errors
    publish:
      npm: { registry: "${o.registry}", token_env: ${o.tokenEnv ?? "TEST_NPM_TOKEN"} }
  - name: python
    language: python
    version: { initial: 1.0.0 }
    plugins:
      - name: python
    publish:
      git: { url: "${o.gitRemote}", branch: main, directory: python }
  - name: docs
    language: docs
    plugins:
      - name: docs
        options: { format: html, title: Acme APIs }
    publish:
      git: { url: "${o.docsRemote}", branch: gh-pages, tag: false }
`;
}

export function apiProject(o: ApiProjectOptions): string {
  const dir = tempDir("protogov-api-");
  cpSync(join(EXAMPLES, "acme"), join(dir, "acme"), { recursive: true });
  writeFileSync(join(dir, "protogov.yaml"), targetsYaml(o));
  git(dir, "init", "--quiet", "--initial-branch=main");
  git(dir, "add", "-A");
  git(dir, "commit", "--quiet", "-m", "API");
  return dir;
}

/** Adds a field to acme.users.v1.User (a feature) and commits. */
export function addField(dir: string, name = "nickname", number = 90): string {
  const path = join(dir, USERS_PROTO);
  const text = readFileSync(path, "utf8").replace(
    "message User {\n",
    `message User {\n  // What the user likes to be called.\n  string ${name} = ${number};\n\n`,
  );
  writeFileSync(path, text);
  git(dir, "commit", "--quiet", "-am", `add User.${name}`);
  return git(dir, "rev-parse", "HEAD");
}

/** Removes the field again (a breaking change) and commits. */
export function removeField(dir: string, name = "nickname", number = 90): string {
  const path = join(dir, USERS_PROTO);
  const text = readFileSync(path, "utf8").replace(`  // What the user likes to be called.\n  string ${name} = ${number};\n\n`, "");
  writeFileSync(path, text);
  git(dir, "commit", "--quiet", "-am", `remove User.${name}`);
  return git(dir, "rev-parse", "HEAD");
}
