/** AIP-191: `ruby_package` is UpperCamelCase (api-linter core::0191::ruby-package). */
import { FileOption, upperCamelNamespace } from "./file-rules.js";
import { defineNamespaceRule } from "./namespace-rules.js";
import { strcaseUpperCamel } from "./strcase.js";

export default defineNamespaceRule({
  name: "ruby-package",
  language: "Ruby",
  option: "ruby_package",
  optionNumber: FileOption.rubyPackage,
  delim: "::",
  validChars: /^[A-Za-z0-9:]+$/,
  charsText: "[A-Za-z0-9:]",
  value: (file) => file.options?.rubyPackage ?? "",
  want: (ns) => upperCamelNamespace(ns, "::", strcaseUpperCamel),
});
