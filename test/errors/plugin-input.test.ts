/**
 * The plugin on small inline protos compiled by real protoc: the naming rules,
 * and problems in the user's protos answered through CodeGeneratorResponse.error
 * (all problems of a file at once, each with file and line), never thrown.
 */
import assert from "node:assert/strict";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { after, describe, it } from "node:test";
import { runErrorsPlugin } from "../../plugins/errors/plugin.js";
import { protosDir, requestFor, tempDir } from "./generate-support.js";

const workDir = tempDir();
after(() => rmSync(workDir, { recursive: true, force: true }));

/** Compiles one inline file (importing our options) and runs the plugin on it. */
function run(body: string, parameter = "target=ts") {
  const name = `acme/shop/v1/case${Math.random().toString(36).slice(2, 8)}.proto`;
  const path = join(workDir, name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `syntax = "proto3";\npackage acme.shop.v1;\nimport "protogov/errors/v1/errors.proto";\n${body}`);
  const response = runErrorsPlugin(requestFor([workDir, protosDir], [name], parameter));
  return { name, response, content: response.file[0]?.content ?? "" };
}

const DOMAIN = 'option (protogov.errors.v1.domain) = {domain: "shop.acme.example", default_code: CODE_FAILED_PRECONDITION};';
const err = (n: number, extra = "") => `[(protogov.errors.v1.error) = {number: ${n}, message: "m"${extra}}]`;

describe("protoc-gen-protogov-errors on inline protos", () => {
  it("names classes after the value without the enum prefix, and handles nesting and acronyms", () => {
    const { content, response } = run(`
message Cart {
  enum HTTPError {
    ${DOMAIN}
    HTTP_ERROR_UNSPECIFIED = 0;
    HTTP_ERROR_BAD_GATEWAY = 1 ${err(1)};
    HTTP_ERROR_2FA_REQUIRED = 2 ${err(2)};
    QUOTA_ERROR = 3 ${err(3)};
  }
}`);
    assert.equal(response.error, "");
    assert.match(content, /export class BadGatewayError extends GovernedError<Record<never, string>>/);
    // A stem starting with a digit is no identifier: the full value name is used instead.
    assert.match(content, /export class HttpError2faRequiredError /);
    // A value without the prefix keeps its name, and "Error" is not doubled.
    assert.match(content, /export class QuotaError /);
    assert.match(content, /static readonly protoName = "acme\.shop\.v1\.Cart\.HTTPError\.HTTP_ERROR_BAD_GATEWAY";/);
    assert.match(content, /static readonly reason = "BAD_GATEWAY";/);
  });

  it("generates nothing for files without error enums", () => {
    const { response } = run("enum Color { COLOR_UNSPECIFIED = 0; COLOR_RED = 1; }\n");
    assert.equal(response.error, "");
    assert.deepEqual(response.file, []);
  });

  it("reports class name collisions between enums of one file, with lines", () => {
    const { name, response } = run(`
enum ShopError {
  ${DOMAIN}
  SHOP_ERROR_UNSPECIFIED = 0;
  SHOP_ERROR_NOT_FOUND = 1 ${err(1)};
}
enum CartError {
  option (protogov.errors.v1.domain) = {domain: "cart.acme.example", default_code: CODE_NOT_FOUND};
  CART_ERROR_UNSPECIFIED = 0;
  CART_ERROR_NOT_FOUND = 1 ${err(2)};
}`);
    assert.deepEqual(response.file, []);
    assert.match(response.error ?? "", new RegExp(`cannot generate errors for ${name}:`));
    assert.match(
      response.error ?? "",
      new RegExp(
        `${name}:13: acme\\.shop\\.v1\\.CartError\\.CART_ERROR_NOT_FOUND: class NotFoundError is also generated for acme\\.shop\\.v1\\.ShopError\\.SHOP_ERROR_NOT_FOUND`,
      ),
    );
  });

  it("collects every problem of a file: no domain, reserved name, repeated reason, bad placeholder", () => {
    const { response } = run(`
enum ShopError {
  SHOP_ERROR_UNSPECIFIED = 0;
  SHOP_ERROR_ERROR = 1 ${err(1)};
}
enum CartError {
  ${DOMAIN}
  CART_ERROR_UNSPECIFIED = 0;
  CART_ERROR_LOCKED = 1 ${err(2, ', reason: "GONE"')};
  CART_ERROR_GONE = 2 [(protogov.errors.v1.error) = {number: 3, message: "cart {Cart Id} is gone"}];
}`);
    const error = response.error ?? "";
    assert.match(error, /:5: acme\.shop\.v1\.ShopError has error values but no \(protogov\.errors\.v1\.domain\) option/);
    assert.match(error, /SHOP_ERROR_ERROR: the class name Error is reserved/);
    assert.match(error, /CART_ERROR_GONE: reason GONE is also used by acme\.shop\.v1\.CartError\.CART_ERROR_LOCKED/);
    assert.match(error, /CART_ERROR_GONE: placeholder \{Cart Id\} in the message is not a lower_snake_case parameter name/);
  });

  it("writes leading and trailing comments and deprecation into the JSDoc", () => {
    const { content } = run(`
enum ShopError {
  ${DOMAIN}
  SHOP_ERROR_UNSPECIFIED = 0;
  // The shop is closed.
  SHOP_ERROR_CLOSED = 1 [deprecated = true, (protogov.errors.v1.error) = {number: 1, message: "closed */ now"}]; // Until Monday.
}`);
    assert.match(content, /\/\*\*\n \* The shop is closed\.\n \*\n \* Until Monday\.\n \*\n \* Message: "closed \*\\\/ now"\n/);
    assert.match(content, /\n \* @deprecated\n \*\/\nexport class ClosedError /);
  });

  it("imports the runtime from runtime_import", () => {
    const { content } = run(
      `enum ShopError {\n  ${DOMAIN}\n  SHOP_ERROR_UNSPECIFIED = 0;\n  SHOP_ERROR_CLOSED = 1 ${err(1)};\n}`,
      "target=ts,runtime_import=@acme/errors",
    );
    assert.match(content, /import \{ Code, GovernedError \} from "@acme\/errors";/);
  });
});
