/**
 * Custom options as documentation. Options messages in a CodeGeneratorRequest
 * keep extension values as unknown fields; each one is matched to its
 * extension (indexed once from every file of the request) and decoded with
 * getExtension. A few options are not listed generically because the page
 * shows them in their own place: google.api.http (routes),
 * google.api.field_behavior, and the protogov error annotations (the error
 * catalog).
 */
import { type DescExtension, type DescFile, type DescMessage, getExtension, type Message, toJson } from "@bufbuild/protobuf";
import type { HttpRoute, OptionDoc } from "./model.js";

const SHOWN_ELSEWHERE = new Set(["google.api.http", "google.api.field_behavior", "protogov.errors.v1.domain", "protogov.errors.v1.error"]);
const HTTP_VERBS = ["get", "put", "post", "delete", "patch"] as const;

type OptionsMessage = Message & { $unknown?: { no: number }[] | undefined };

export class OptionReader {
  /** extendee type name -> field number -> extension. */
  private readonly byExtendee = new Map<string, Map<number, DescExtension>>();

  constructor(files: Iterable<DescFile>) {
    const add = (ext: DescExtension): void => {
      const byNumber = this.byExtendee.get(ext.extendee.typeName) ?? new Map<number, DescExtension>();
      this.byExtendee.set(ext.extendee.typeName, byNumber);
      byNumber.set(ext.number, ext);
    };
    const visit = (m: DescMessage): void => {
      m.nestedExtensions.forEach(add);
      m.nestedMessages.forEach(visit);
    };
    for (const file of files) {
      file.extensions.forEach(add);
      file.messages.forEach(visit);
    }
  }

  /** Custom options set on an element, in field-number order, minus those shown elsewhere. */
  custom(options: OptionsMessage | undefined): OptionDoc[] {
    const result: OptionDoc[] = [];
    for (const { ext, value } of this.extensionValues(options)) {
      if (SHOWN_ELSEWHERE.has(ext.typeName)) continue;
      result.push({ name: `(${ext.typeName})`, value: valueText(ext, value) });
    }
    return result;
  }

  /** google.api.http routes of a method (the rule and its additional_bindings). */
  httpRoutes(options: OptionsMessage | undefined): HttpRoute[] {
    const found = this.extensionValues(options).find(({ ext }) => ext.typeName === "google.api.http");
    if (!found) return [];
    const routes: HttpRoute[] = [];
    const visit = (rule: Record<string, unknown>): void => {
      for (const verb of HTTP_VERBS) {
        const path = rule[verb];
        if (typeof path === "string" && path !== "") routes.push({ method: verb.toUpperCase(), path, body: bodyOf(rule) });
      }
      const custom = rule["custom"] as { kind?: string; path?: string } | undefined;
      if (custom?.path) routes.push({ method: custom.kind ?? "CUSTOM", path: custom.path, body: bodyOf(rule) });
      const more = rule["additionalBindings"];
      if (Array.isArray(more)) for (const b of more) visit(b as Record<string, unknown>);
    };
    const json = jsonOf(found.ext, found.value);
    if (json && typeof json === "object" && !Array.isArray(json)) visit(json as Record<string, unknown>);
    return routes;
  }

  /** google.api.field_behavior values by name. */
  fieldBehavior(options: OptionsMessage | undefined): string[] {
    const found = this.extensionValues(options).find(({ ext }) => ext.typeName === "google.api.field_behavior");
    const json = found ? jsonOf(found.ext, found.value) : undefined;
    return Array.isArray(json) ? json.map(String) : [];
  }

  /** The last options message read: each element asks for its custom options and then for one built-in option. */
  private last: { options: OptionsMessage; values: { ext: DescExtension; value: unknown }[] } | undefined;

  private extensionValues(options: OptionsMessage | undefined): { ext: DescExtension; value: unknown }[] {
    const unknown = options?.$unknown;
    if (!options || !unknown || unknown.length === 0) return [];
    if (this.last?.options !== options) this.last = { options, values: this.decode(options, unknown) };
    return this.last.values;
  }

  private decode(options: OptionsMessage, unknown: { no: number }[]): { ext: DescExtension; value: unknown }[] {
    const byNumber = this.byExtendee.get(options.$typeName);
    if (!byNumber) return [];
    const seen = new Set<number>();
    const result: { ext: DescExtension; value: unknown }[] = [];
    for (const { no } of unknown) {
      const ext = byNumber.get(no);
      if (!ext || seen.has(no)) continue;
      seen.add(no);
      try {
        result.push({ ext, value: getExtension(options, ext) });
      } catch {
        // A value that does not decode with the extension's type: not documentation's business.
      }
    }
    return result;
  }
}

function bodyOf(rule: Record<string, unknown>): string | null {
  const body = rule["body"];
  return typeof body === "string" && body !== "" ? body : null;
}

/** The JSON form of an extension value (enum names, lowerCamelCase message fields). */
function jsonOf(ext: DescExtension, value: unknown): unknown {
  try {
    switch (ext.fieldKind) {
      case "message":
        return toJson(ext.message, value as Message);
      case "enum":
        return enumName(ext, value);
      case "list":
        return (value as unknown[]).map((v) =>
          ext.listKind === "message" ? toJson(ext.message, v as Message) : ext.listKind === "enum" ? enumName(ext, v) : scalarJson(v),
        );
      default:
        return scalarJson(value);
    }
  } catch {
    return String(value);
  }
}

function enumName(ext: DescExtension, value: unknown): string {
  const e = ext.fieldKind === "enum" ? ext.enum : ext.fieldKind === "list" && ext.listKind === "enum" ? ext.enum : undefined;
  return e?.values.find((v) => v.number === value)?.name ?? String(value);
}

function scalarJson(value: unknown): unknown {
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString("base64");
  return value;
}

function valueText(ext: DescExtension, value: unknown): string {
  const json = jsonOf(ext, value);
  return typeof json === "string" && ext.fieldKind === "enum" ? json : JSON.stringify(json);
}
