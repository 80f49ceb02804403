/**
 * `protogov generate` of a Go target: a complete module from proto-examples
 * with protoc-gen-go, -go-grpc and connect-go installed by protogov (pinned,
 * cached), the typed errors (with their connect-go file, since the target
 * lists connect-go), go.mod/go.sum and protogov.json. go vet and go
 * build pass offline on it; a second run with the Go proxy switched off gives
 * the same bytes; one directory is one Go package even when a proto file
 * carries a foreign go_package; a vendored googleapis proto comes from genproto.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { readTree } from "../errors/generate-support.js";
import { tempDir, USERS_PROTO } from "../publish/api-project.js";
import { goApiProject, goTestEnv } from "../publish/go-proxy.js";
import { repoRoot } from "../support/paths.js";
import { runCli } from "../support/run-cli.js";

const env = goTestEnv(tempDir("protogov-goproxy-"));
const offline = { ...env, GOPROXY: "off" };
let project: string;

function goProject(module: string): string {
  return goApiProject({
    module,
    plugins: ["go", "go-grpc", "connect-go", "errors"],
    // A go_package from elsewhere: its path is replaced, its package name kept for the whole directory.
    // A vendored googleapis proto: imported from genproto, not generated again.
    edit: (dir) => {
      mkdirSync(join(dir, "google", "api"), { recursive: true });
      copyFileSync(
        join(repoRoot, "test/fixtures/docs/showcase/google/api/field_behavior.proto"),
        join(dir, "google/api/field_behavior.proto"),
      );
      const users = join(dir, USERS_PROTO);
      const text = readFileSync(users, "utf8")
        .replace(
          /^package (.*);$/m,
          'package $1;\n\nimport "google/api/field_behavior.proto";\n\noption go_package = "github.invalid/legacy/users;userspb";',
        )
        .replace(
          "  string user_id = 1;\n  // Fields to return.",
          "  string user_id = 1 [(google.api.field_behavior) = REQUIRED];\n  // Fields to return.",
        );
      assert.match(text, /field_behavior\) = REQUIRED/);
      writeFileSync(users, text);
    },
  });
}

describe("generate: Go module", { concurrency: false }, () => {
  before(async () => {
    project = goProject("example.test/acme/gen");
    const r = await runCli(["generate"], { cwd: project, env });
    assert.equal(r.code, 0, r.stderr);
  });

  it("go.mod pins the runtimes the code was generated for; protogov.json records the plugins", () => {
    const out = join(project, "gen", "go");
    const goMod = readFileSync(join(out, "go.mod"), "utf8");
    assert.match(goMod, /^module example\.test\/acme\/gen$/m);
    for (const req of ["google.golang.org/protobuf v1.36.12", "google.golang.org/grpc v1.85.0", "connectrpc.com/connect v1.21.1"]) {
      assert.ok(goMod.includes(`\t${req}\n`), `go.mod requires ${req}:\n${goMod}`);
    }
    assert.match(readFileSync(join(out, "go.sum"), "utf8"), /^google\.golang\.org\/grpc v1\.85\.0 h1:/m);
    const meta = JSON.parse(readFileSync(join(out, "protogov.json"), "utf8")) as Record<string, unknown>;
    assert.deepEqual(meta["plugins"], {
      "protoc-gen-go": "v1.36.12",
      "protoc-gen-go-grpc": "v1.6.2",
      "protoc-gen-connect-go": "v1.21.1",
    });
    assert.equal(meta["version"], "unreleased");
  });

  it("one directory is one package (the go_package name kept), imports point into the module", () => {
    const out = join(project, "gen", "go");
    // protogov_errors_connect.go: the target lists connect-go, so the typed errors convert to and from *connect.Error.
    for (const file of [
      "users.pb.go",
      "users_grpc.pb.go",
      "errors.pb.go",
      "errors_errors.go",
      "protogov_errors.go",
      "protogov_errors_connect.go",
    ]) {
      assert.match(readFileSync(join(out, "acme/users/v1", file), "utf8"), /^package userspb$/m, file);
    }
    const connect = readFileSync(join(out, "acme/users/v1/userspbconnect/users.connect.go"), "utf8");
    assert.match(connect, /"example\.test\/acme\/gen\/acme\/users\/v1"/);
    assert.doesNotMatch(readFileSync(join(out, "acme/orders/v1/orders.pb.go"), "utf8"), /github\.invalid/);
  });

  it("a vendored googleapis proto is imported from genproto, not generated into the module", () => {
    const out = join(project, "gen", "go");
    assert.equal(existsSync(join(out, "google")), false);
    assert.match(
      readFileSync(join(out, "acme/users/v1/users.pb.go"), "utf8"),
      /"google\.golang\.org\/genproto\/googleapis\/api\/annotations"/,
    );
    assert.match(readFileSync(join(out, "go.mod"), "utf8"), /\tgoogle\.golang\.org\/genproto\/googleapis\/api v/);
  });

  it("go vet and go build pass offline on the module", () => {
    const cwd = join(project, "gen", "go");
    const strict = { ...offline, GOFLAGS: "-mod=readonly" };
    execFileSync("go", ["vet", "./..."], { cwd, env: strict, stdio: ["ignore", "pipe", "pipe"] });
    execFileSync("go", ["build", "./..."], { cwd, env: strict, stdio: ["ignore", "pipe", "pipe"] });
  });

  it("a handler of the generated connect-go service returns the typed error as is; the generated client gets it back typed", () => {
    // A copy: the module itself must stay byte for byte what generate wrote (next test).
    const dir = tempDir("protogov-connect-check-");
    cpSync(join(project, "gen", "go"), dir, { recursive: true });
    mkdirSync(join(dir, "cmd", "connectcheck"), { recursive: true });
    writeFileSync(join(dir, "cmd", "connectcheck", "main.go"), CONNECT_CHECK);
    const out = execFileSync("go", ["run", "./cmd/connectcheck"], {
      cwd: dir,
      env: { ...offline, GOFLAGS: "-mod=readonly" },
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    assert.equal(out, "*userspb.UserNotFoundError user=42 code=not_found is=true errors.Is=true message=user 42 not found\n");
  });

  it("once cached, generates offline (GOPROXY=off) the same bytes", async () => {
    const first = readTree(join(project, "gen", "go"));
    const r = await runCli(["generate", "--target", "go"], { cwd: project, env: offline });
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(readTree(join(project, "gen", "go")), first);
  });

  it("a module path with a major suffix is a config error: protogov adds /vN itself", async () => {
    const dir = goProject("example.test/acme/gen/v2");
    const r = await runCli(["generate"], { cwd: dir, env });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /ends in a major version: leave it out/);
  });
});

/**
 * A program in the generated module: the protoc-gen-connect-go service served
 * by net/http (httptest, HTTP/1.1, Connect protocol), its handler returning
 * the typed error, and the generated client reading it back.
 */
const CONNECT_CHECK = `package main

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"

	"connectrpc.com/connect"

	userspb "example.test/acme/gen/acme/users/v1"
	"example.test/acme/gen/acme/users/v1/userspbconnect"
)

type users struct {
	userspbconnect.UnimplementedUserServiceHandler
}

func (users) GetUser(_ context.Context, req *connect.Request[userspb.GetUserRequest]) (*connect.Response[userspb.GetUserResponse], error) {
	return nil, userspb.NewUserNotFoundError(req.Msg.GetUserId())
}

func main() {
	mux := http.NewServeMux()
	mux.Handle(userspbconnect.NewUserServiceHandler(users{}))
	server := httptest.NewServer(mux)
	defer server.Close()
	client := userspbconnect.NewUserServiceClient(http.DefaultClient, server.URL)
	_, err := client.GetUser(context.Background(), connect.NewRequest(&userspb.GetUserRequest{UserId: "42"}))
	typed := userspb.FromError(err)
	var notFound *userspb.UserNotFoundError
	if !errors.As(typed, &notFound) {
		fmt.Printf("not governed: %v\\n", err)
		return
	}
	fmt.Printf("%T user=%s code=%s is=%v errors.Is=%v message=%s\\n", typed, notFound.UserID, connect.CodeOf(err),
		userspb.IsUserNotFound(err), errors.Is(typed, userspb.ErrUserNotFound), typed.Error())
}
`;
