/**
 * Findings and reports shared by the reporter tests: a small project with two
 * files, a project-wide finding and a format diff, plus messages chosen to
 * break naive escaping in every output format.
 */
import type { Finding, Report, RuleInfo } from "../../core/model/findings/finding.js";

export const USER_PROTO = "proto/acme/users/v1/user.proto";
export const ORDER_PROTO = "proto/acme/orders/v1/order.proto";

/** The source the text reporter shows as context, by file and 1-based line. */
const sources: Record<string, string[]> = {
  [USER_PROTO]: [
    'syntax = "proto3";',
    "",
    "package acme.users.v1;",
    "",
    "message User {",
    "\tstring userID = 1;",
    "  string display_name = 2;",
    "}",
  ],
  [ORDER_PROTO]: ['syntax = "proto3";', "package acme.orders;"],
};

export function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    rule: "FIELD_LOWER_SNAKE_CASE",
    severity: "error",
    file: USER_PROTO,
    line: 6,
    // buf counts the tab as 4 columns: "userID" starts at column 12.
    column: 12,
    message: 'Field name "userID" should be lower_snake_case, such as "user_id".',
    source: "buf-lint",
    ...overrides,
  };
}

/** 4 errors (one of them project-wide) and 1 warning in 2 files. */
export const sampleFindings: readonly Finding[] = [
  finding({ hint: 'Rename the field to "user_id" and reserve the old name.' }),
  finding({
    rule: "PACKAGE_VERSION_SUFFIX",
    file: ORDER_PROTO,
    line: 2,
    column: 1,
    endLine: 2,
    endColumn: 21,
    message: 'Package name "acme.orders" should be suffixed with a version, such as "acme.orders.v1".',
  }),
  finding({
    rule: "COMMENT_MESSAGE",
    severity: "warn",
    line: 5,
    column: 1,
    message: 'Message "User" should have a non-empty comment for documentation.',
    source: "protogov",
  }),
  finding({
    rule: "FORMAT",
    file: ORDER_PROTO,
    line: 0,
    column: 0,
    message: "File is not formatted.",
    source: "buf-format",
    detail: '--- a/order.proto\n+++ b/order.proto\n@@ -1,2 +1,3 @@\n syntax = "proto3";\n+\n package acme.orders;\n',
  }),
  finding({
    rule: "MODULE_HAS_README",
    file: "",
    line: 0,
    column: 0,
    message: "The module has no README.md.",
    source: "protogov",
    hint: "Add a README.md next to buf.yaml.",
  }),
];

export const sampleRules: ReadonlyMap<string, RuleInfo> = new Map([
  [
    "PACKAGE_VERSION_SUFFIX",
    {
      id: "PACKAGE_VERSION_SUFFIX",
      description: "Package names end in a version such as v1 or v1beta1.",
      category: "naming",
      helpUri: "https://example.com/rules/PACKAGE_VERSION_SUFFIX",
    },
  ],
  ["MODULE_HAS_README", { id: "MODULE_HAS_README", description: "Every module has a README.md.", category: "docs" }],
  // Described but never reported: SARIF still lists it.
  ["ENUM_ZERO_UNSPECIFIED", { id: "ENUM_ZERO_UNSPECIFIED", description: "Enum zero values end in _UNSPECIFIED.", category: "naming" }],
]);

/** Defeats naive escaping: XML specials, workflow-command separators, percent signs, newlines, controls. */
export const trickyMessage = "a <b> & \"c\" 'd', e: 100%25 of 50% :: f;g ]\nsecond line\r\nthird\tcol %0A \u0001\u001b[31m";

export function sampleReport(findings: readonly Finding[] = sampleFindings, command = "lint"): Report {
  return {
    command,
    findings: [...findings],
    root: "/work/project",
    sourceLine: (file, line) => sources[file]?.[line - 1],
    rules: sampleRules,
  };
}
