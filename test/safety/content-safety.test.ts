/**
 * Text from .proto comments and error parameters stays text: Markdown docs
 * escape HTML written in comments (code spans and fenced blocks keep their
 * characters), and the errors runtime renders only a template's own
 * parameters, never what every object inherits.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { renderTemplate } from "@protogov/errors-runtime";
import { escapeCommentHtml } from "../../plugins/docs/comments.js";
import { runCli } from "../support/run-cli.js";
import { tempProject } from "../support/temp-project.js";

const PROTO = `syntax = "proto3";

package acme.x.v1;

// A thing <script>alert(1)</script> with <img src=x onerror=alert(2)> inside.
//
// Code stays as written: \`<b>bold</b>\` and
//
// \`\`\`
// <div onclick="x">fenced</div>
// \`\`\`
message Thing {
  // The id <iframe src=javascript:alert(3)>.
  string id = 1;
}
`;

describe("Markdown docs escape HTML from comments", () => {
  it("no raw tag from a comment reaches the Markdown pages", async (t) => {
    const p = tempProject(t, { "acme/x/v1/thing.proto": PROTO });
    const r = await runCli(["docs", "--docs-format", "markdown", "--out", "api-docs"], { cwd: p.dir });
    assert.equal(r.code, 0, r.stderr);
    const pages = readdirSync(p.path("api-docs"), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith(".md"));
    const all = pages.map((f) => readFileSync(join(p.path("api-docs"), f), "utf8")).join("\n");
    assert.doesNotMatch(all, /<script|<img|<iframe/);
    assert.match(all, /&lt;script>alert\(1\)&lt;\/script>/);
    assert.match(all, /`<b>bold<\/b>`/);
    assert.match(all, /<div onclick="x">fenced<\/div>/, "a fenced block keeps its text");
  });

  it("escapeCommentHtml leaves code alone", () => {
    assert.equal(escapeCommentHtml("a <b> `<c>` ``<d>`` <e"), "a &lt;b> `<c>` ``<d>`` &lt;e");
  });
});

describe("the errors runtime renders own parameters only", () => {
  it("{constructor}, {to_string} and {has_own_property} stay as written when not given", () => {
    assert.equal(renderTemplate("{constructor} {to_string} {has_own_property}", {}), "{constructor} {to_string} {has_own_property}");
    assert.equal(renderTemplate("id {constructor}", { constructor: "given" }), "id given");
  });
});
