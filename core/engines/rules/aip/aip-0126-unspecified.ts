/** AIP-126: the zero value of an enum is NAME_UNSPECIFIED (api-linter core::0126::unspecified). */
import { defineAipRule } from "./aip-rule.js";
import { elements } from "./elements.js";

/** UPPER_SNAKE of an enum name the way api-linter derives it (strcase.SnakeCase after splitting digit-capital). */
export function upperSnake(name: string): string {
  const split = name.replace(/([0-9])([A-Z])/g, "$1_$2");
  let out = "";
  const chars = [...split];
  for (const [i, ch] of chars.entries()) {
    const prev = chars[i - 1];
    const next = chars[i + 1];
    const upper = ch >= "A" && ch <= "Z";
    const prevLowerOrDigit = prev !== undefined && ((prev >= "a" && prev <= "z") || (prev >= "0" && prev <= "9"));
    const prevUpper = prev !== undefined && prev >= "A" && prev <= "Z";
    const nextLower = next !== undefined && next >= "a" && next <= "z";
    if (upper && i > 0 && prev !== "_" && (prevLowerOrDigit || (prevUpper && nextLower))) out += "_";
    out += ch;
  }
  return out.toUpperCase();
}

export default defineAipRule({
  aip: 126,
  name: "unspecified",
  description: "The first value of an enum is NAME_UNSPECIFIED = 0 (or UNKNOWN).",
  rationale: "A zero value that means 'not set' keeps an unset field distinguishable from a real value in proto3.",
  check(file, problem) {
    for (const e of elements(file)) {
      if (e.kind !== "enum") continue;
      const sn = upperSnake(e.proto.name);
      const unspec = `${sn}_UNSPECIFIED`;
      const allowed = new Set([unspec, "UNKNOWN", `${sn}_UNKNOWN`]);
      if (e.proto.value.some((v) => allowed.has(v.name) && v.number === 0)) continue;
      const first = e.proto.value[0];
      if (!first) continue;
      problem(
        { kind: "value", proto: first, path: [...e.path, 2, 0], ancestors: [e, ...e.ancestors] },
        `The first enum value should be "${unspec}"`,
      );
    }
  },
});
