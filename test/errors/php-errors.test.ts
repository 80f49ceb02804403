/**
 * lang=php: the golden files, `php -l` on every generated file, the namespaces
 * protoc's own PHP generator picks (real protoc --php_out side by side), and a
 * run of the generated classes under `php` (test/interop/php/behaviour.php)
 * against the TypeScript runtime: every governed error of proto-examples is
 * built in PHP, its google.rpc.Status bytes must equal those connect's gRPC
 * code writes for the same TypeScript error (grpc-status-details-bin), they go
 * back through the PHP registry, and bytes written by TypeScript decode in PHP;
 * the "not governed" rows of docs/error-contract.md are checked in PHP too.
 * The raw wire check runs in PHP with googleapis' own google.rpc classes
 * (test/interop/php/googleapis.php).
 */
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { create } from "@bufbuild/protobuf";
import { Code, ConnectError } from "@connectrpc/connect";
import { findTrailerError, setTrailerStatus } from "@connectrpc/connect/protocol-grpc";
import { createErrorRegistry, ErrorInfoSchema, type GovernedErrorClass, RetryInfoSchema } from "@protogov/errors-runtime";
import { phpNamespace } from "../../plugins/errors/lang/php.js";
import { runErrorsPlugin } from "../../plugins/errors/plugin.js";
import { errorSet as ordersErrors } from "../golden/errors/proto-examples/acme/orders/v1/errors_errors.js";
import { errorSet as paymentsErrors } from "../golden/errors/proto-examples/acme/payments/v1/errors_errors.js";
import { errorSet as usersErrors } from "../golden/errors/proto-examples/acme/users/v1/errors_errors.js";
import { protosDir, readTree, requestFor } from "./generate-support.js";
import {
  assertGolden,
  cacheDir,
  filesWithExtension,
  generateLang,
  projectWithErrors,
  requireToolchain,
  venvPython,
  writeProtos,
} from "./lang-support.js";

const sets = [usersErrors, ordersErrors, paymentsErrors] as const;
/** php with every diagnostic reported, to stderr. */
const STRICT = ["-d", "error_reporting=-1", "-d", "display_errors=stderr"];

/** `acme.users.v1.UsersError.USERS_ERROR_X` -> the PHP class and registry the emitter names. */
function phpNames(cls: GovernedErrorClass): { class: string; registry: string } {
  const parts = cls.protoName.split(".");
  const namespace = phpNamespace({ protoPackage: parts.slice(0, -2).join("."), phpNamespace: undefined });
  const name = (cls as unknown as { name: string }).name;
  return { class: `${namespace}\\${name.replace(/Error$/, "")}Exception`, registry: `${namespace}\\${parts.at(-2)}s` };
}

/** The google.rpc.Status bytes connect's gRPC protocol sends for an error (grpc-status-details-bin). */
function statusBytes(error: ConnectError): string {
  const value = setTrailerStatus(new Headers(), error).get("grpc-status-details-bin");
  assert.ok(value, "connect wrote no grpc-status-details-bin");
  return Buffer.from(value, "base64").toString("base64");
}

function received(code: Code, info: { reason: string; domain: string; metadata?: Record<string, string> }, retryMs?: number): string {
  const details: ConstructorParameters<typeof ConnectError>[3] = [{ desc: ErrorInfoSchema, value: create(ErrorInfoSchema, info) }];
  if (retryMs !== undefined) {
    const retryDelay = { seconds: BigInt(Math.floor(retryMs / 1000)), nanos: (retryMs % 1000) * 1e6 };
    details.push({ desc: RetryInfoSchema, value: create(RetryInfoSchema, { retryDelay }) });
  }
  return statusBytes(new ConnectError("sent by a newer or older server", code, undefined, details));
}

describe("protoc-gen-protogov-errors lang=php", () => {
  const tmp = mkdtempSync(join(tmpdir(), "protogov-php-errors-"));
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it("matches test/golden/errors-php/proto-examples, and php -l finds nothing", () => {
    const files = generateLang("php");
    const users = [...files.keys()].filter((n) => n.startsWith("Acme/Users/"));
    assert.deepEqual(users.sort(), [
      "Acme/Users/V1/AccountSuspendedException.php",
      "Acme/Users/V1/AvatarTooLargeException.php",
      "Acme/Users/V1/DirectoryUnavailableException.php",
      "Acme/Users/V1/EmailAlreadyRegisteredException.php",
      "Acme/Users/V1/GovernedException.php",
      "Acme/Users/V1/UserNotFoundException.php",
      "Acme/Users/V1/UsersErrors.php",
    ]);
    assertGolden("php", files);
    const project = projectWithErrors("php", tmp);
    const sources = filesWithExtension(join(project, "gen"), ".php");
    assert.equal(sources.length, files.size);
    for (const file of sources) execFileSync("php", ["-l", file], { stdio: ["ignore", "pipe", "pipe"] });
  });

  it("raises, renders, encodes and decodes every error in php, byte for byte as the TypeScript runtime", () => {
    const project = join(tmp, "php");
    const all = sets.flat() as readonly GovernedErrorClass[];
    const cases = all.map((cls) => {
      const params = Object.fromEntries(cls.params.map((key) => [key, `${key} it's \\ ü €`]));
      const ts = new (cls as unknown as new (p: object) => ConnectError)(params);
      const other = all.find((c) => c.domain !== cls.domain) ?? cls;
      return { cls, ts, params, ...phpNames(cls), tsBytes: statusBytes(ts), otherRegistry: phpNames(other).registry };
    });
    const users = phpNames(usersErrors[0]).registry;
    const input = {
      errors: cases.map(({ cls: _cls, ts: _ts, ...c }) => c),
      registry: users,
      received: {
        "wrong domain": received(Code.NotFound, { reason: "USER_NOT_FOUND", domain: "users.elsewhere.example", metadata: { userId: "7" } }),
        "unknown reason": received(Code.NotFound, { reason: "USER_VANISHED", domain: "users.acme.example" }),
        "missing parameter, other code": received(Code.Internal, { reason: "USER_NOT_FOUND", domain: "users.acme.example" }),
        "received retry delay": received(Code.Unavailable, { reason: "DIRECTORY_UNAVAILABLE", domain: "users.acme.example" }, 1500),
        "not a status": Buffer.from([0xff, 0xff, 0xff]).toString("base64"),
      },
    };
    writeFileSync(join(tmp, "cases.json"), JSON.stringify(input));
    // Every notice, warning and deprecation on stderr: the generated code must raise none.
    const php = spawnSync("php", [...STRICT, join(project, "behaviour.php"), join(project, "gen"), join(tmp, "cases.json")], {
      encoding: "utf8",
    });
    assert.equal(php.status, 0, php.stderr);
    assert.equal(php.stderr, "");
    const out = php.stdout;
    const seen = JSON.parse(out) as { errors: Record<string, unknown>[]; received: Record<string, unknown> };
    const tsRegistry = createErrorRegistry(...sets);
    assert.equal(seen.errors.length, 15);
    seen.errors.forEach((php, i) => {
      const { cls, ts, params, tsBytes, ...names } = cases[i] as (typeof cases)[number];
      const typed = { class: names.class, message: ts.rawMessage, code: cls.code, params, retryDelayMs: cls.retryDelayMs ?? null };
      assert.deepEqual(php, {
        class: names.class,
        message: ts.rawMessage,
        code: cls.code,
        domain: cls.domain,
        reason: cls.reason,
        number: cls.number,
        httpStatus: cls.httpStatus,
        params,
        getters: params,
        retryDelayMs: cls.retryDelayMs ?? null,
        status: { code: cls.code, details: ts.rawMessage, keys: ["grpc-status-details-bin"] },
        bytes: tsBytes,
        back: typed,
        fromTs: typed,
        matches: true,
        sameInstance: true,
        otherRegistry: true,
      });
      // And the other way: what PHP sends is the typed error for the TypeScript registry.
      const trailer = new Headers({ "grpc-status": String(cls.code), "grpc-status-details-bin": String(php["bytes"]) });
      const back = tsRegistry.fromError(findTrailerError(trailer));
      assert.ok(back instanceof (cls as unknown as typeof ConnectError), `${names.class} back in TypeScript`);
      assert.deepEqual({ ...(back as unknown as { params: object }).params }, params);
    });
    assert.deepEqual(seen.received, {
      "wrong domain": null,
      "unknown reason": null,
      "missing parameter, other code": {
        class: "Acme\\Users\\V1\\UserNotFoundException",
        message: "sent by a newer or older server",
        code: Code.Internal,
        params: { userId: "" },
        retryDelayMs: null,
      },
      "received retry delay": {
        class: "Acme\\Users\\V1\\DirectoryUnavailableException",
        message: "sent by a newer or older server",
        code: Code.Unavailable,
        params: { region: "" },
        retryDelayMs: 1500,
      },
      "not a status": null,
      "plain status": null,
      "no status": null,
      "connect: not JSON": null,
      "connect: unknown code name": null,
      "connect: details not a list": null,
      "connect: value not base64": null,
    });
  });

  it("speaks googleapis' google.rpc types: their PHP classes decode what it sends, and it decodes what they build", () => {
    // The real google/rpc protos, from googleapis-common-protos in the venv .ci/toolchains builds.
    requireToolchain(venvPython);
    const rpc = readdirSync(join(cacheDir, "venv", "lib")).map((py) => join(cacheDir, "venv", "lib", py, "site-packages"))[0] ?? "";
    const googleapis = join(tmp, "googleapis");
    mkdirSync(googleapis, { recursive: true });
    execFileSync("protoc", [`-I${rpc}`, `--php_out=${googleapis}`, "google/rpc/status.proto", "google/rpc/error_details.proto"]);
    const project = join(tmp, "php");
    const out = execFileSync("php", [...STRICT, join(project, "googleapis.php"), join(project, "gen"), googleapis], { encoding: "utf8" });
    const [sent, received] = out
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as unknown);
    assert.deepEqual(sent, {
      code: Code.Unavailable,
      message: "user directory is temporarily unavailable in region eu",
      types: ["type.googleapis.com/google.rpc.ErrorInfo", "type.googleapis.com/google.rpc.RetryInfo"],
      reason: "DIRECTORY_UNAVAILABLE",
      domain: "users.acme.example",
      metadata: { region: "eu" },
      retryMs: 500,
    });
    assert.deepEqual(received, {
      class: "Acme\\Users\\V1\\DirectoryUnavailableException",
      message: "directory down",
      region: "us",
      retryMs: 2250,
    });
  });

  it("puts the errors in the namespace and directory protoc --php_out gives the messages", () => {
    const enumOf = (pkg: string, option: string) => `syntax = "proto3";
package ${pkg};
${option}
import "protogov/errors/v1/errors.proto";
message Thing { string id = 1; }
enum ThingError {
  option (protogov.errors.v1.domain) = { domain: "thing.acme.example" default_code: CODE_NOT_FOUND };
  THING_ERROR_UNSPECIFIED = 0;
  THING_ERROR_GONE = 1 [(protogov.errors.v1.error) = { number: 1 message: "gone {thing_id}" }];
}
`;
    const protos = {
      "acme/list/v1/errors.proto": enumOf("acme.list.v1", ""),
      "acme/custom/v1/errors.proto": enumOf("acme.custom.v1", 'option php_namespace = "Acme\\\\Custom\\\\Api";'),
      "foo_bar/empty/errors.proto": enumOf("foo_bar.empty", ""),
      "acme/global/v1/errors.proto": enumOf("acme.global.v1", 'option php_namespace = "";'),
    };
    const dir = writeProtos(join(tmp, "namespaces"), protos);
    const out = join(tmp, "namespaces", "out");
    mkdirSync(out, { recursive: true });
    execFileSync("protoc", [`-I${dir}`, `-I${protosDir}`, `--php_out=${out}`, ...Object.keys(protos)]);
    const messages = [...readTree(out).keys()].filter((n) => n.endsWith("/Thing.php")).sort();
    assert.deepEqual(messages, ["Acme/Custom/Api/Thing.php", "Acme/PBList/V1/Thing.php", "Foo_bar/PBEmpty/Thing.php"]);
    // An empty php_namespace: the global namespace, at the root.
    assert.ok(readTree(out).has("Thing.php"));
    messages.push("Thing.php");
    const response = runErrorsPlugin(requestFor([dir, protosDir], Object.keys(protos), "lang=php"));
    assert.ok(!response.error, response.error);
    const errors = response.file.map((f) => f.name).filter((n) => n.endsWith("GoneException.php"));
    assert.deepEqual(errors.sort(), messages.map((m) => m.replace("Thing.php", "GoneException.php")).sort());
    const custom = response.file.find((f) => f.name === "Acme/Custom/Api/GoneException.php")?.content ?? "";
    assert.match(custom, /^namespace Acme\\Custom\\Api;$/m);
    const global = response.file.find((f) => f.name === "GoneException.php")?.content ?? "";
    assert.doesNotMatch(global, /^namespace/m);
    for (const file of response.file) {
      writeFileSync(join(tmp, "namespaces", "lint.php"), file.content);
      execFileSync("php", ["-l", join(tmp, "namespaces", "lint.php")], { stdio: ["ignore", "pipe", "pipe"] });
    }
  });

  it("refuses two classes with one name in a namespace and a parameter named like a method, with file:line", () => {
    const enumOf = (name: string, message: string) => `syntax = "proto3";
package acme.clash.v1;
import "protogov/errors/v1/errors.proto";
enum ${name}Error {
  option (protogov.errors.v1.domain) = { domain: "${name.toLowerCase()}.acme.example" default_code: CODE_NOT_FOUND };
  ${name.toUpperCase()}_ERROR_UNSPECIFIED = 0;
  ${name.toUpperCase()}_ERROR_GONE = 1 [(protogov.errors.v1.error) = { number: 1 message: "${message}" }];
}
`;
    // Two files of one package: one PHP namespace, so one GoneException too many (Python and Java keep them apart).
    const dir = writeProtos(tmp, { "acme/clash/v1/a.proto": enumOf("A", "{trace}"), "acme/clash/v1/b.proto": enumOf("B", "{previous}") });
    const response = runErrorsPlugin(requestFor([dir, protosDir], ["acme/clash/v1/a.proto", "acme/clash/v1/b.proto"], "lang=php"));
    const error = response.error ?? "";
    assert.match(error, /acme\/clash\/v1\/a\.proto:7: .*parameter \{trace\} would be the getter getTrace\(\)/);
    assert.match(error, /acme\/clash\/v1\/b\.proto:7: .*parameter \{previous\} cannot be the PHP argument \$previous/);
    assert.match(error, /acme\/clash\/v1\/b\.proto:7: PHP class GoneException is also generated for acme\.clash\.v1\.AError\.A_ERROR_GONE/);
    assert.equal(response.file.length, 0);
  });
});
