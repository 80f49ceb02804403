import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { codeSpan, escapeText, MAX_ROWS, markdownReporter } from "../../core/engines/reporters/markdown.js";
import type { Finding } from "../../core/model/findings/finding.js";
import { finding, sampleReport, trickyMessage } from "./sample-report.js";

function render(findings: readonly Finding[] = sampleReport().findings, api?: Parameters<typeof withApi>[1]): string {
  const report = sampleReport(findings, "check");
  return markdownReporter(api ? withApi(report, api) : report, { color: false });
}

function withApi(report: ReturnType<typeof sampleReport>, api: NonNullable<ReturnType<typeof sampleReport>["api"]>) {
  return { ...report, api };
}

/** Table rows (lines starting with `|` after the header and the separator). */
function rows(markdown: string): string[] {
  return markdown.split("\n").filter((l) => l.startsWith("| ") && !l.startsWith("| | Location"));
}

/** Cells of a GFM table row: split on `|` not preceded by a backslash. */
function cells(row: string): string[] {
  return row
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
}

describe("markdown reporter", () => {
  it("has a status headline with the counts, then a findings table", () => {
    const md = render();
    assert.match(md, /^### ❌ protogov check: 4 errors, 1 warning in 2 files\n/);
    assert.match(md, /\n\| \| Location \| Rule \| Message \|\n\|---\|---\|---\|---\|\n/);
    assert.equal(rows(md).length, 5);
    assert.ok(md.includes("| ❌ | `proto/acme/users/v1/user.proto:6:12` | `FIELD_LOWER_SNAKE_CASE` |"), md);
    assert.ok(md.includes("| ⚠️ | `proto/acme/users/v1/user.proto:5:1` | `COMMENT_MESSAGE` |"), md);
    assert.ok(md.includes("| ❌ | (project) | `MODULE_HAS_README` |"), md);
    // The hint rides along; a multi-line format diff does not.
    assert.match(md, /Rename the field to "user\\_id"/);
    assert.doesNotMatch(md, /@@ -1,2/);
  });

  it("says so when clean, without a table", () => {
    assert.equal(render([]), "### ✅ protogov check: No findings\\.\n".replace("\\.", "."));
    assert.match(render([finding({ severity: "warn" })]), /^### ⚠️ protogov check: 1 warning in 1 file/);
  });

  it("shows the API summary: base, counts and the semver bump", () => {
    const md = render([], {
      base: "main (merge-base)",
      incremental: true,
      filesChanged: 2,
      bump: "major",
      counts: { breaking: 1, feature: 3, docs: 0, internal: 0 },
    });
    assert.match(md, /\*\*API\*\* since `main \(merge-base\)`, 2 files changed: 1 breaking change, 3 features → semver \*\*major\*\*/);
    const none = render([], {
      base: "v1.2.0",
      incremental: false,
      bump: "none",
      counts: { breaking: 0, feature: 0, docs: 0, internal: 0 },
    });
    assert.match(none, /since `v1\.2\.0`: no API changes → semver \*\*none\*\*/);
  });

  it("caps the table and says how many more there are", () => {
    const many = Array.from({ length: MAX_ROWS + 7 }, (_, i) => finding({ line: i + 1 }));
    const md = render(many);
    assert.equal(rows(md).length, MAX_ROWS);
    assert.match(md, /\n… and 7 more findings \(run `protogov check` for all\)\.\n$/);
  });

  it("keeps every row at four cells whatever the message holds", () => {
    const tricky = [
      finding({ message: trickyMessage }),
      finding({ message: "a | b || c \\| d", rule: "RULE|WITH|PIPES" }),
      finding({ file: "dir/we`ird|name.proto", message: "``x``", hint: "use `a|b`" }),
    ];
    const md = render(tricky);
    for (const row of rows(md)) {
      assert.equal(cells(row).length, 4, row);
      assert.doesNotMatch(row, /[\r\n]/);
    }
  });

  it("shows Markdown and HTML from messages as text, never rendered", () => {
    const md = render([finding({ message: "<img src=x onerror=alert(1)> [link](https://example.com) **bold** @octocat #1 `code`" })]);
    const row = rows(md)[0] ?? "";
    assert.ok(row.includes("&lt;img src=x onerror=alert\\(1\\)&gt;"), row);
    assert.ok(row.includes("\\[link\\]\\(https://example"), row);
    assert.ok(row.includes("\\*\\*bold\\*\\*"), row);
    assert.ok(row.includes("@\u200boctocat"), "no mention");
    assert.ok(row.includes("\\`code\\`"), row);
    assert.doesNotMatch(row, /<img/);
  });

  it("cuts very long messages", () => {
    const md = render([finding({ message: "x".repeat(5000) })]);
    assert.ok((rows(md)[0] ?? "").length < 500);
    assert.match(md, /x…/);
  });
});

describe("markdown escaping helpers", () => {
  it("codeSpan fences longer than any backtick run inside", () => {
    assert.equal(codeSpan("a.proto:1"), "`a.proto:1`");
    assert.equal(codeSpan("a`b"), "``a`b``");
    assert.equal(codeSpan("``x"), "``` ``x ```");
    assert.equal(codeSpan("two\nlines"), "`two lines`");
  });

  it("escapeText escapes Markdown punctuation and HTML", () => {
    assert.equal(escapeText("a_b *c* <d> & [e]"), "a\\_b \\*c\\* &lt;d&gt; &amp; \\[e\\]");
  });
});
