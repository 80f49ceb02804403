/**
 * A small declarative checker for YAML documents. Each schema node says what
 * it expects; the checker walks the parsed YAML (keeping node positions) and
 * collects every problem with its key path, what was expected, what was found
 * and the line, so one run reports all mistakes at once.
 */
import type { LineCounter, Node, Pair } from "yaml";
import { didYouMean } from "./did-you-mean.js";
import { yaml } from "./yaml.js";

export type Schema =
  | { kind: "string"; pattern?: RegExp; patternHint?: string }
  | { kind: "boolean" }
  | { kind: "integer"; min?: number; max?: number }
  | { kind: "enum"; values: readonly string[] }
  | { kind: "array"; items: Schema }
  | { kind: "object"; fields: Record<string, Schema>; description?: string }
  | { kind: "record"; keyPattern?: RegExp; keyHint?: string; values: Schema }
  | { kind: "oneOf"; options: readonly Schema[]; description: string }
  | { kind: "custom"; description: string; check: (value: unknown, path: string) => string | undefined };

export interface SchemaProblem {
  path: string;
  line: number;
  message: string;
}

export function describeSchema(schema: Schema): string {
  switch (schema.kind) {
    case "string":
      return schema.patternHint ? `a string (${schema.patternHint})` : "a string";
    case "boolean":
      return "true or false";
    case "integer":
      return "an integer";
    case "enum":
      return `one of ${schema.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "array":
      return `a list of ${describeSchema(schema.items)}`;
    case "object":
      return schema.description ?? "a mapping";
    case "record":
      return "a mapping";
    case "oneOf":
    case "custom":
      return schema.description;
  }
}

function describeFound(node: Node | null | undefined): string {
  if (node === null || node === undefined) return "nothing";
  if (yaml().isMap(node)) return "a mapping";
  if (yaml().isSeq(node)) return "a list";
  if (yaml().isScalar(node)) {
    const v = node.value;
    if (v === null) return "null";
    return `${typeof v} ${JSON.stringify(v)}`;
  }
  return "an unsupported value";
}

export function checkSchema(node: Node | null | undefined, schema: Schema, lines: LineCounter): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const lineOf = (n: Node | null | undefined, fallback: number): number => (n?.range ? lines.linePos(n.range[0]).line : fallback);

  const visit = (n: Node | null | undefined, s: Schema, path: string, fallbackLine: number): void => {
    const line = lineOf(n, fallbackLine);
    // An empty key (`owners:` with only comments below) means "nothing here", as in most YAML tools.
    if (yaml().isScalar(n) && n.value === null && (s.kind === "object" || s.kind === "record" || s.kind === "array")) return;
    const wrong = () => problems.push({ path, line, message: `expected ${describeSchema(s)}, found ${describeFound(n)}` });
    switch (s.kind) {
      case "string": {
        if (!yaml().isScalar(n) || typeof n.value !== "string") return void wrong();
        if (s.pattern && !s.pattern.test(n.value)) wrong();
        return;
      }
      case "boolean":
        if (!yaml().isScalar(n) || typeof n.value !== "boolean") wrong();
        return;
      case "integer": {
        if (!yaml().isScalar(n) || typeof n.value !== "number" || !Number.isInteger(n.value)) return void wrong();
        if ((s.min !== undefined && n.value < s.min) || (s.max !== undefined && n.value > s.max)) {
          problems.push({ path, line, message: `expected an integer in [${s.min ?? "-∞"}, ${s.max ?? "∞"}], found ${n.value}` });
        }
        return;
      }
      case "enum": {
        if (!yaml().isScalar(n) || typeof n.value !== "string" || !s.values.includes(n.value)) {
          const found = yaml().isScalar(n) ? String(n.value) : "";
          const guess = didYouMean(found, s.values);
          problems.push({
            path,
            line,
            message: `expected ${describeSchema(s)}, found ${describeFound(n)}${guess ? ` (did you mean "${guess}"?)` : ""}`,
          });
        }
        return;
      }
      case "array":
        if (!yaml().isSeq(n)) return void wrong();
        for (const [i, item] of n.items.entries()) visit(item as Node, s.items, `${path}[${i}]`, line);
        return;
      case "object": {
        if (!yaml().isMap(n)) return void wrong();
        const known = Object.keys(s.fields);
        for (const pair of n.items as Pair<Node, Node>[]) {
          const key = yaml().isScalar(pair.key) ? String(pair.key.value) : "";
          const keyPath = path ? `${path}.${key}` : key;
          const sub = s.fields[key];
          if (!sub) {
            const guess = didYouMean(key, known);
            problems.push({
              path: keyPath,
              line: lineOf(pair.key, line),
              message: `unknown key "${key}"${guess ? ` (did you mean "${guess}"?)` : ""}; valid keys here: ${known.join(", ")}`,
            });
            continue;
          }
          visit(pair.value, sub, keyPath, lineOf(pair.key, line));
        }
        return;
      }
      case "record": {
        if (!yaml().isMap(n)) return void wrong();
        for (const pair of n.items as Pair<Node, Node>[]) {
          const key = yaml().isScalar(pair.key) ? String(pair.key.value) : "";
          const keyPath = path ? `${path}.${key}` : key;
          if (s.keyPattern && !s.keyPattern.test(key)) {
            problems.push({
              path: keyPath,
              line: lineOf(pair.key, line),
              message: `invalid key "${key}"${s.keyHint ? `: expected ${s.keyHint}` : ""}`,
            });
            continue;
          }
          visit(pair.value, s.values, keyPath, lineOf(pair.key, line));
        }
        return;
      }
      case "oneOf": {
        for (const option of s.options) {
          if (checkSchema(n, option, lines).length === 0) return;
        }
        wrong();
        return;
      }
      case "custom": {
        const value = n && "toJSON" in n ? (n as { toJSON(): unknown }).toJSON() : undefined;
        const message = s.check(value, path);
        if (message) problems.push({ path, line, message });
        return;
      }
    }
  };
  visit(node, schema, "", 1);
  return problems;
}
