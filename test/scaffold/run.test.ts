/**
 * The scaffolds as users get them: generated over proto-examples together
 * with protoc-gen-es and protoc-gen-protogov-errors output, compiled by tsc
 * under the repository's strict tsconfig, and run by `node --test` in a child
 * process:
 * - against the generated placeholder implementations every test passes;
 * - against the real implementation in test/scaffold/impl, with the GetUser
 *   test edited the way the comments invite (`wantError: UserNotFoundError`
 *   uncommented, a case with `want` added), every test passes;
 * - a deliberately wrong expectation (another error class, another field
 *   value) makes the generated test fail, with a message that says why.
 */
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import {
  compile,
  GEN_PARAMETER,
  REAL_IMPL_PARAMETER,
  read,
  runCompiledTests,
  type ScaffoldProject,
  scaffoldProject,
  scaffolds,
} from "./support.js";

const USERS_TEST = "acme/users/v1/user_service.test.ts";
/** Every RPC of proto-examples: 6 users, 7 orders, 6 payments, covering the four streaming kinds. */
const RPC_COUNT = 19;

const SLOT = "      // wantError: UserNotFoundError, // expect this error of the catalog instead of a response";

/** The GetUser block with the commented slot filled in, plus a case for an existing user. */
function editGetUser(text: string, wantError: string, displayName: string): string {
  assert.ok(text.includes(SLOT), "the GetUser case has a commented wantError slot naming UserNotFoundError");
  const filled = text.replace(SLOT, `      wantError: ${wantError},`);
  const knownUser = [
    "    {",
    `      name: "returns an existing user",`,
    `      request: { userId: "usr_ada" },`,
    `      want: { user: { id: "usr_ada", email: "ada@example.com", displayName: "${displayName}", status: 2 } },`,
    "    },",
    "  ];",
  ].join("\n");
  // The first `  ];` closes the GetUser table (the first RPC block).
  return filled.replace("  ];", knownUser);
}

describe("generated tests against the placeholder implementations", () => {
  let project: ScaffoldProject;
  before(() => {
    project = scaffoldProject(scaffolds(GEN_PARAMETER));
  });
  after(() => project.dispose());

  it("compile under the strict tsconfig and pass, one test per RPC", () => {
    assert.equal(compile(project), "");
    const run = runCompiledTests(project);
    assert.equal(run.status, 0, run.output);
    assert.deepEqual({ pass: run.pass, fail: run.fail }, { pass: RPC_COUNT, fail: 0 });
  });
});

describe("generated tests against the real implementation in test/scaffold/impl", () => {
  let project: ScaffoldProject;
  const variants = {
    right: USERS_TEST,
    wrongError: "acme/users/v1/user_service_wrong_error.test.ts",
    wrongWant: "acme/users/v1/user_service_wrong_want.test.ts",
  };
  before(() => {
    const files = scaffolds(REAL_IMPL_PARAMETER);
    assert.ok(![...files.keys()].some((f) => f.endsWith(".impl.ts")), "no placeholder when impl_import is set");
    project = scaffoldProject(files);
    const generated = read(project.gen(USERS_TEST));
    writeFileSync(project.gen(variants.right), editGetUser(generated, "UserNotFoundError", "Ada"));
    writeFileSync(project.gen(variants.wrongError), editGetUser(generated, "EmailAlreadyRegisteredError", "Ada"));
    writeFileSync(project.gen(variants.wrongWant), editGetUser(generated, "UserNotFoundError", "Grace"));
    assert.equal(compile(project), "");
  });
  after(() => project.dispose());

  it("pass, the uncommented wantError and the added want case included", () => {
    const run = runCompiledTests(project, [
      variants.right,
      "acme/orders/v1/order_service.test.ts",
      "acme/payments/v1/payment_service.test.ts",
    ]);
    assert.equal(run.status, 0, run.output);
    assert.deepEqual({ pass: run.pass, fail: run.fail }, { pass: RPC_COUNT + 1, fail: 0 });
    assert.match(run.output, /ok \d+ - returns an existing user/);
  });

  it("fail when the expected error class is wrong, naming both classes", () => {
    const run = runCompiledTests(project, [variants.wrongError]);
    assert.notEqual(run.status, 0);
    assert.equal(run.fail, 1, run.output);
    assert.match(
      run.output,
      /GetUser: expected EmailAlreadyRegisteredError, got UserNotFoundError \(users\.acme\.example USER_NOT_FOUND\)/,
    );
  });

  it("fail when the expected response differs, with a diff", () => {
    const run = runCompiledTests(project, [variants.wrongWant]);
    assert.notEqual(run.status, 0);
    assert.equal(run.fail, 1, run.output);
    assert.match(run.output, /GetUser: responses differ from want/);
    assert.match(run.output, /Grace/);
  });
});
