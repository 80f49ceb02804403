/**
 * The changelog in its three formats: bump first, then groups by
 * classification and package, one line per change, accepted breaks marked.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ApiChange, ApiDiff } from "../../core/engines/diff/api-diff.js";
import { renderChangelog } from "../../core/engines/diff/render-changelog.js";

const removed: ApiChange = {
  rule: "FIELD_REMOVED",
  kind: "removed",
  element: "field",
  name: "acme.users.v1.User.nickname",
  classification: "breaking",
  package: "acme.users.v1",
  message: "An existing field `nickname` is removed from message `acme.users.v1.User`.",
  old: { file: "acme/users/v1/users.proto", line: 12, column: 3 },
  new: { file: "acme/users/v1/users.proto", line: 8, column: 1 },
  accepted: { reason: "never served", via: "comment" },
};
const added: ApiChange = {
  rule: "FIELD_ADDED",
  kind: "added",
  element: "field",
  name: "acme.orders.v1.Order.note",
  classification: "feature",
  package: "acme.orders.v1",
  message: "A new field `note` is added to message `acme.orders.v1.Order`.",
  new: { file: "acme/orders/v1/orders.proto", line: 30, column: 3 },
};
const comment: ApiChange = {
  rule: "COMMENT_CHANGED",
  kind: "changed",
  element: "method",
  name: "acme.users.v1.UserService.GetUser",
  aspect: "leading comment",
  classification: "docs",
  package: "acme.users.v1",
  message: "A comment for method `GetUser` in service `acme.users.v1.UserService` is changed.",
  old: { file: "acme/users/v1/users.proto", line: 5, column: 3 },
  new: { file: "acme/users/v1/users.proto", line: 5, column: 3 },
};
const otherAdded: ApiChange = {
  ...added,
  name: "acme.users.v1.User.note",
  package: "acme.users.v1",
  message: "A new field `note` is added to message `acme.users.v1.User`.",
};
const diff: ApiDiff = { changes: [comment, added, removed, otherAdded], bump: "major" };

describe("renderChangelog", () => {
  it("markdown: bump, then classification groups, then packages in name order", () => {
    assert.equal(
      renderChangelog(diff, "markdown"),
      [
        "# API changes",
        "",
        "Semver bump: **major** (1 breaking change, 2 features, 1 documentation change).",
        "",
        "## Breaking changes",
        "",
        "### `acme.users.v1`",
        "",
        "- `fix!` An existing field `nickname` is removed from message `acme.users.v1.User`. (accepted: never served) (`acme/users/v1/users.proto:8`)",
        "",
        "## Features",
        "",
        "### `acme.orders.v1`",
        "",
        "- `feat` A new field `note` is added to message `acme.orders.v1.Order`. (`acme/orders/v1/orders.proto:30`)",
        "",
        "### `acme.users.v1`",
        "",
        "- `feat` A new field `note` is added to message `acme.users.v1.User`. (`acme/orders/v1/orders.proto:30`)",
        "",
        "## Documentation",
        "",
        "### `acme.users.v1`",
        "",
        "- `docs` A comment for method `GetUser` in service `acme.users.v1.UserService` is changed. (`acme/users/v1/users.proto:5`)",
        "",
      ].join("\n"),
    );
  });

  it("text: one line per change with rule and position", () => {
    const text = renderChangelog(diff, "text");
    assert.match(text, /^Semver bump: major \(1 breaking change, 2 features, 1 documentation change\)\n/);
    assert.match(
      text,
      /\nBreaking changes:\n {2}acme\.users\.v1\n {4}An existing field `nickname` is removed from message `acme\.users\.v1\.User`\. \(accepted: never served\) {2}\[FIELD_REMOVED fix!\] {2}acme\/users\/v1\/users\.proto:8:1\n/,
    );
    assert.match(
      text,
      /\nDocumentation:\n {2}acme\.users\.v1\n {4}A comment for method `GetUser`.* {2}\[COMMENT_CHANGED docs\] {2}acme\/users\/v1\/users\.proto:5:3\n$/,
    );
  });

  it("json: bump, counts and the changes in changelog order", () => {
    const json = JSON.parse(renderChangelog(diff, "json")) as { bump: string; counts: unknown; changes: ApiChange[] };
    assert.equal(json.bump, "major");
    assert.deepEqual(json.counts, { breaking: 1, feature: 2, docs: 1, internal: 0 });
    assert.deepEqual(
      json.changes.map((c) => c.name),
      [removed.name, added.name, otherAdded.name, comment.name],
    );
  });

  it("says so when nothing changed", () => {
    const none: ApiDiff = { changes: [], bump: "none" };
    assert.equal(renderChangelog(none, "text"), "No API changes. Semver bump: none.\n");
    assert.equal(renderChangelog(none, "markdown"), "# API changes\n\nNo API changes. Semver bump: **none**.\n");
  });

  it("commit: one googleapis-style line per change, breaking first, tags as the detector assigns them", () => {
    assert.equal(
      renderChangelog(diff, "commit"),
      [
        "fix!: An existing field `nickname` is removed from message `acme.users.v1.User`.",
        "feat: A new field `note` is added to message `acme.orders.v1.Order`.",
        "feat: A new field `note` is added to message `acme.users.v1.User`.",
        "docs: A comment for method `GetUser` in service `acme.users.v1.UserService` is changed.",
        "",
      ].join("\n"),
    );
  });

  it("commit: a breaking addition is feat!, an internal change chore", () => {
    const required: ApiChange = { ...added, rule: "REQUIRED_FIELD_ADDED", classification: "breaking", tag: "feat!" };
    const internal: ApiChange = { ...comment, rule: "FILE_IMPORT_ADDED", classification: "internal", message: "x" };
    assert.equal(renderChangelog({ changes: [internal, required], bump: "major" }, "commit"), `feat!: ${added.message}\nchore: x\n`);
  });

  it("json carries the tag of each change", () => {
    const json = JSON.parse(renderChangelog({ changes: [{ ...removed, tag: "fix!" }], bump: "major" }, "json"));
    assert.equal(json.changes[0].tag, "fix!");
  });
});
