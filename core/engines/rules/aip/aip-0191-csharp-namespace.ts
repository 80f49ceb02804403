/** AIP-191: `csharp_namespace` is UpperCamelCase, versions as `V1Beta1` (api-linter core::0191::csharp-namespace). */
import { FileOption } from "./file-rules.js";
import { defineNamespaceRule } from "./namespace-rules.js";
import { strcaseUpperCamel } from "./strcase.js";

const VERSION = /[0-9]+(p[0-9]+)?(alpha|beta|main)/g;
const title = (s: string): string => s.slice(0, 1).toUpperCase() + s.slice(1).toLowerCase();

/** Each segment in UpperCamelCase, with a version's point release upper-cased and its stability title-cased (`1p2Beta`). */
function want(ns: string): string {
  return ns
    .split(".")
    .map((seg) =>
      strcaseUpperCamel(seg).replace(VERSION, (s: string, point: string | undefined, stability: string) => {
        const withPoint = point ? s.replaceAll(point, point.toUpperCase()) : s;
        return withPoint.replaceAll(stability, title(stability));
      }),
    )
    .join(".");
}

export default defineNamespaceRule({
  name: "csharp-namespace",
  language: "C#",
  option: "csharp_namespace",
  optionNumber: FileOption.csharpNamespace,
  delim: ".",
  validChars: /^[A-Za-z0-9.]+$/,
  charsText: "[A-Za-z0-9.]",
  value: (file) => file.options?.csharpNamespace ?? "",
  want,
});
