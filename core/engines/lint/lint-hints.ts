/**
 * The fix for a finding of buf's lint rules, by rule family: buf's messages
 * say what is wrong (often with the right name), the hint says what to do.
 * Every rule also links to its page in buf's documentation.
 */
const FIXES: readonly [RegExp, string][] = [
  [/^COMMENT_/, "document it: write a `//` comment right above the element (what it is, for whom, units, limits)"],
  [
    /_(PASCAL|LOWER_SNAKE|UPPER_SNAKE)_CASE$|_LOWER_CASE$/,
    "rename it as the message suggests; for a published API that is a breaking change: see `protogov diff`",
  ],
  [/^ENUM_ZERO_VALUE_SUFFIX$/, "name the zero value <ENUM_NAME>_UNSPECIFIED"],
  [/^ENUM_VALUE_PREFIX$/, "prefix every value with the enum's name in UPPER_SNAKE_CASE"],
  [/^PACKAGE_DIRECTORY_MATCH$/, "move the file to the directory its package names (acme.users.v1 -> acme/users/v1/)"],
  [/^PACKAGE_VERSION_SUFFIX$/, "end the package with a version such as `.v1` or `.v1beta1`"],
  [/^PACKAGE_SAME_/, "give every file of the package the same value for this option"],
  [/^RPC_(REQUEST|RESPONSE)_STANDARD_NAME$/, "name the messages <Method>Request and <Method>Response (or <Service><Method>...)"],
  [/^RPC_REQUEST_RESPONSE_UNIQUE$/, "give each RPC its own request and response messages, so each can grow on its own"],
  [/^SERVICE_SUFFIX$/, "end the service's name with `Service`"],
  [/^IMPORT_(USED|NO_PUBLIC|NO_WEAK)/, "remove the import, or use a plain import of what the file really uses"],
  [/^FILE_LOWER_SNAKE_CASE$/, "rename the file to lower_snake_case.proto"],
];

export function lintHint(rule: string): string {
  const fix = FIXES.find(([pattern]) => pattern.test(rule))?.[1];
  const doc = `https://buf.build/docs/lint/rules/#${rule.toLowerCase()}`;
  return fix ? `${fix} (${doc})` : `see ${doc}`;
}
