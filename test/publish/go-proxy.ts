/**
 * Test support for Go modules published to git: a GOPROXY directory built
 * from a release tag of the bare repository (what a company's module proxy,
 * or `go mod download` through GOPRIVATE + git, serves), the Go environment of
 * the pinned toolchain (.cache/, offline once .ci/toolchains ran), and a
 * consumer program that calls a UserService and catches the typed error.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cacheDir, goEnv } from "../errors/lang-support.js";
import { EXAMPLES, git, tempDir } from "./api-project.js";

/**
 * A git repository holding proto-examples and a protogov.yaml with one Go
 * target (`extra`: its further keys, indented as target keys); `edit` changes
 * the protos before the first commit.
 */
export function goApiProject(o: { module: string; plugins: string[]; extra?: string; edit?: (dir: string) => void }): string {
  const dir = tempDir("protogov-go-api-");
  cpSync(join(EXAMPLES, "acme"), join(dir, "acme"), { recursive: true });
  o.edit?.(dir);
  const plugins = o.plugins.map((p) => (p === "errors" ? "      - name: errors\n        options: { lang: go }" : `      - name: ${p}`));
  const yaml = [
    "version: 1",
    "targets:",
    "  - name: go",
    "    language: go",
    `    go: { module: ${o.module} }`,
    "    plugins:",
    ...plugins,
  ];
  writeFileSync(join(dir, "protogov.yaml"), `${[...yaml, ...(o.extra ? [o.extra.trimEnd()] : [])].join("\n")}\n`);
  git(dir, "init", "--quiet", "--initial-branch=main");
  git(dir, "add", "-A");
  git(dir, "commit", "--quiet", "-m", "API");
  return dir;
}

/** The Go environment of the tests, with a proxy directory for our modules and a writable module cache. */
export function goTestEnv(proxy: string): Record<string, string> {
  const env = goEnv();
  return {
    ...(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined)) as Record<string, string>),
    PROTOGOV_CACHE_DIR: join(cacheDir, "protogov"),
    // Our modules from the directory, everything else from the proxy Go is configured with (cached after once).
    GOPROXY: `file://${proxy},${execFileSync("go", ["env", "GOPROXY"], { encoding: "utf8" }).trim()}`,
    GOFLAGS: "-mod=mod -modcacherw",
    GOWORK: "off",
  };
}

/**
 * Serves the module at `tag` of `remote` (in `dir` of it) as version `version`
 * of `modulePath` from a GOPROXY directory: the module zip (`git archive` of
 * the tagged tree under `<module>@<version>/`), its go.mod, .info and list.
 */
export function addToProxy(proxy: string, remote: string, o: { tag: string; dir: string; modulePath: string; version: string }): void {
  const at = join(proxy, o.modulePath, "@v");
  mkdirSync(at, { recursive: true });
  const tree = `${o.tag}:${o.dir}`;
  execFileSync("git", ["archive", "--format=zip", `--prefix=${o.modulePath}@${o.version}/`, "-o", join(at, `${o.version}.zip`), tree], {
    cwd: remote,
  });
  writeFileSync(join(at, `${o.version}.mod`), execFileSync("git", ["show", `${tree}/go.mod`], { cwd: remote }));
  writeFileSync(join(at, `${o.version}.info`), JSON.stringify({ Version: o.version, Time: "2026-01-01T00:00:00Z" }));
  const list = join(at, "list");
  const known = existsSync(list) ? execFileSync("cat", [list], { encoding: "utf8" }) : "";
  writeFileSync(list, `${known}${o.version}\n`);
}

/** Forgets a module path prefix in the shared module cache, so each run downloads this run's zips. */
export function forgetModules(gomodcache: string, host: string): void {
  for (const dir of [join(gomodcache, host), join(gomodcache, "cache", "download", host)]) {
    if (!existsSync(dir)) continue;
    makeWritable(dir);
    rmSync(dir, { recursive: true, force: true });
  }
}

function makeWritable(path: string): void {
  chmodSync(path, 0o755);
  if (!statSync(path).isDirectory()) return;
  for (const entry of readdirSync(path)) makeWritable(join(path, entry));
}

/** A consumer's main.go: calls UserService.GetUser on the server given as argument and prints what FromError made of the error. */
export function consumerMain(usersImport: string): string {
  return `package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	usersv1 "${usersImport}"
)

func main() {
	conn, err := grpc.NewClient(os.Args[1], grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		panic(err)
	}
	defer conn.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	_, err = usersv1.NewUserServiceClient(conn).GetUser(ctx, &usersv1.GetUserRequest{UserId: os.Args[2]})
	typed := usersv1.FromError(err)
	var notFound *usersv1.UserNotFoundError
	if typed == nil || !errors.As(typed, &notFound) {
		fmt.Printf("not governed: %v\\n", err)
		os.Exit(3)
	}
	fmt.Printf("%T user=%s reason=%s is=%v\\n", typed, notFound.UserID, typed.Reason(), usersv1.IsUserNotFound(err))
}
`;
}
