/**
 * A governance rule is data plus a check: id, category, default severity,
 * description, typed options, and a `create` that returns per-file and
 * end-of-run hooks (the end hook serves cross-file rules such as unique error
 * numbers). Adding a rule = adding a file, a test and a fixture, and listing it
 * in `registry.ts`.
 */
import type { FileDescriptorProto, SourceCodeInfo_Location } from "@bufbuild/protobuf/wkt";
import type { ProtogovConfig, SeveritySetting } from "../../model/config/protogov-config.js";
import type { TypeIndex } from "../../model/descriptors/type-index.js";

export type OptionType = "string" | "string[]" | "boolean" | "number";

export interface RuleOption {
  type: OptionType;
  description: string;
  default?: unknown;
  /** Accepted values for string and string[] options. */
  values?: readonly string[];
}

/** A resolved position in a user file. */
export interface Anchor {
  file: string;
  line: number;
  column: number;
}

export interface FileContext {
  proto: FileDescriptorProto;
  /** Project-relative path of the file. */
  file: string;
  /** The rule's options, defaults applied. */
  options: Readonly<Record<string, unknown>>;
  config: ProtogovConfig;
  /** The file's text (read on demand). */
  source(): string;
  /** Position of a descriptor path (e.g. [4, 0, 2, 1] = message 0, field 1). */
  anchor(path: readonly number[]): Anchor;
  /** The source location of a descriptor path (raw comments, span), if the file has source info. */
  location(path: readonly number[]): SourceCodeInfo_Location | undefined;
  /** Every source location of the file. */
  locations(): Iterable<SourceCodeInfo_Location>;
  /** Leading comment of the element at a descriptor path, trimmed, or "". */
  leadingComment(path: readonly number[]): string;
  /** Package of any file in the image, by import path (images list dependencies first). */
  packageOfImport(importPath: string): string | undefined;
  /** Messages of the files seen so far (the file's dependencies), for rules with `needsTypes`. */
  types: TypeIndex;
  /**
   * Reports a finding in this file. Stays valid until the run ends: a rule may keep it and report from its
   * end hook, once it has seen every file (AIP rules that find fields of one file from methods of another).
   */
  report(at: readonly number[] | Anchor, message: string, hint?: string): void;
}

export interface EndContext {
  options: Readonly<Record<string, unknown>>;
  config: ProtogovConfig;
  report(at: Anchor, message: string, hint?: string): void;
}

export interface RuleRun {
  file?(ctx: FileContext): void;
  end?(ctx: EndContext): void;
}

export interface GovernanceRule {
  id: string;
  category: string;
  defaultSeverity: SeveritySetting;
  description: string;
  /** Why the rule exists, and what buf already covers (shown in docs and SARIF help). */
  rationale: string;
  options?: Readonly<Record<string, RuleOption>>;
  /** For the AIP pack (category "AIP"): the AIP the rule checks, https://google.aip.dev/<aip>. */
  aip?: number;
  /** The rule looks up messages of other files (`FileContext.types`): the engine indexes them. */
  needsTypes?: boolean;
  create(): RuleRun;
}

export function defineRule(rule: GovernanceRule): GovernanceRule {
  return rule;
}
