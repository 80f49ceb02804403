import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { gitlabReporter } from "../../core/engines/reporters/gitlab.js";
import { finding, ORDER_PROTO, sampleReport, trickyMessage, USER_PROTO } from "./sample-report.js";

/** GitLab's list of severities; anything else makes the widget drop the issue. */
const GITLAB_SEVERITIES = ["info", "minor", "major", "critical", "blocker"];

function render(findings = sampleReport().findings): unknown {
  return JSON.parse(gitlabReporter(sampleReport(findings), { color: false }));
}

/** Checks one issue against the fields GitLab's Code Quality report requires, with their types. */
function assertCodeQualityIssue(issue: unknown): asserts issue is {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number } };
} {
  assert.equal(typeof issue, "object");
  const i = issue as Record<string, unknown>;
  assert.equal(typeof i.description, "string");
  assert.notEqual(i.description, "");
  assert.equal(typeof i.check_name, "string");
  assert.equal(typeof i.fingerprint, "string");
  assert.notEqual(i.fingerprint, "");
  assert.ok(GITLAB_SEVERITIES.includes(i.severity as string), `severity ${String(i.severity)}`);
  const location = i.location as { path?: unknown; lines?: { begin?: unknown } };
  assert.equal(typeof location.path, "string");
  assert.notEqual(location.path, "");
  assert.ok(!(location.path as string).startsWith("/"), "path relative to the repository");
  assert.ok(Number.isInteger(location.lines?.begin) && (location.lines?.begin as number) >= 1, "lines.begin >= 1");
}

describe("gitlab reporter", () => {
  it("writes a JSON array of Code Quality issues with every required key", () => {
    const issues = render();
    assert.ok(Array.isArray(issues));
    assert.equal(issues.length, 5);
    for (const issue of issues) assertCodeQualityIssue(issue);
  });

  it("maps findings to GitLab's fields", () => {
    const issues = render() as { check_name: string; severity: string; location: unknown; description: string }[];
    const byRule = new Map(issues.map((i) => [i.check_name, i]));
    assert.deepEqual(byRule.get("PACKAGE_VERSION_SUFFIX")?.location, { path: ORDER_PROTO, lines: { begin: 2 } });
    assert.equal(byRule.get("PACKAGE_VERSION_SUFFIX")?.severity, "major");
    assert.equal(byRule.get("COMMENT_MESSAGE")?.severity, "minor");
    assert.deepEqual(byRule.get("FORMAT")?.location, { path: ORDER_PROTO, lines: { begin: 1 } });
    assert.deepEqual(byRule.get("MODULE_HAS_README")?.location, { path: "protogov.yaml", lines: { begin: 1 } });
    assert.equal(
      byRule.get("FIELD_LOWER_SNAKE_CASE")?.description,
      'Field name "userID" should be lower_snake_case, such as "user_id". (hint: Rename the field to "user_id" and reserve the old name.)',
    );
  });

  it("gives every issue a unique fingerprint, stable across runs and line moves", () => {
    const first = render() as { fingerprint: string }[];
    const fingerprints = first.map((i) => i.fingerprint);
    assert.equal(new Set(fingerprints).size, fingerprints.length);
    assert.deepEqual(
      (render() as { fingerprint: string }[]).map((i) => i.fingerprint),
      fingerprints,
    );
    const twins = render([finding({ line: 1 }), finding({ line: 9 })]) as { fingerprint: string }[];
    assert.notEqual(twins[0]?.fingerprint, twins[1]?.fingerprint);
    const moved = render([finding({ line: 30 })]) as { fingerprint: string }[];
    const original = render([finding()]) as { fingerprint: string }[];
    assert.equal(moved[0]?.fingerprint, original[0]?.fingerprint);
  });

  it("keeps awkward text intact through JSON", () => {
    const [issue] = render([finding({ message: trickyMessage, file: `${USER_PROTO} copy` })]) as {
      description: string;
      location: { path: string };
    }[];
    assert.equal(issue?.description, trickyMessage);
    assert.equal(issue?.location.path, `${USER_PROTO} copy`);
  });

  it("writes an empty array when there are no findings", () => {
    assert.equal(gitlabReporter(sampleReport([]), { color: false }), "[]\n");
  });
});
