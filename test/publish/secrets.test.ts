/**
 * Credentials never reach output: token values and URL credentials are
 * scrubbed from any text, a missing token is a config error naming the
 * variable, and a failing git remote reached with a token in its https URL
 * reports the failure without it.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { GitTargetRepo } from "../../core/features/publish/destinations/git-repo.js";
import { Secrets } from "../../core/features/publish/secrets.js";
import { ConfigError, ToolError } from "../../core/model/errors.js";
import { freePort } from "./verdaccio.js";

describe("secrets", () => {
  it("scrubs token values (plain and URL-encoded) and URL credentials", () => {
    const secrets = new Secrets();
    secrets.add("s3cr/t+token");
    const text = secrets.scrub(
      "npm error 401 for s3cr/t+token at https://x-access-token:s3cr%2Ft%2Btoken@127.0.0.1/r.git and https://bob:pw@127.0.0.1/",
    );
    assert.ok(!text.includes("s3cr"), text);
    assert.ok(!text.includes("bob:pw"), text);
  });

  it("names the missing variable, never a value", () => {
    delete process.env["PROTOGOV_TEST_MISSING_TOKEN"];
    assert.throws(
      () => new Secrets().require("PROTOGOV_TEST_MISSING_TOKEN", "publishing ts"),
      (e: unknown) => e instanceof ConfigError && /PROTOGOV_TEST_MISSING_TOKEN, which is not set/.test(e.message),
    );
  });

  it("a git remote that refuses us is reported without the token", async () => {
    const token = "ghp_notARealToken12345";
    process.env["PROTOGOV_TEST_GIT_TOKEN"] = token;
    const url = `http://127.0.0.1:${await freePort()}/acme/apis-java.git`;
    const failure = await GitTargetRepo.open(
      { url, branch: "main", directory: ".", tokenEnv: "PROTOGOV_TEST_GIT_TOKEN", tag: true, tagPrefix: "v", replaceForeign: false },
      new Secrets(),
    ).then(
      () => assert.fail("nothing listens there"),
      (e: unknown) => e,
    );
    assert.ok(failure instanceof ToolError);
    const shown = `${failure.message} ${failure.hint ?? ""}`;
    assert.match(shown, /git ls-remote on http:\/\/127\.0\.0\.1:\d+\/acme\/apis-java\.git failed/);
    assert.ok(!shown.includes(token), shown);
  });
});
