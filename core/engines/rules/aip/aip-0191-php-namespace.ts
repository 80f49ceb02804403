/** AIP-191: `php_namespace` is UpperCamelCase (api-linter core::0191::php-namespace). */
import { FileOption, upperCamelNamespace } from "./file-rules.js";
import { defineNamespaceRule } from "./namespace-rules.js";
import { strcaseUpperCamel } from "./strcase.js";

export default defineNamespaceRule({
  name: "php-namespace",
  language: "PHP",
  option: "php_namespace",
  optionNumber: FileOption.phpNamespace,
  delim: "\\",
  validChars: /^[A-Za-z0-9\\]+$/,
  charsText: "[A-Za-z0-9\\]",
  value: (file) => file.options?.phpNamespace ?? "",
  want: (ns) => upperCamelNamespace(ns, "\\", strcaseUpperCamel),
});
