/**
 * The error catalog of a service's package: every class
 * protoc-gen-protogov-errors generates for the error enums of the files in
 * that package. The generated tests build their error registry from it, so a
 * call passes when it returns its declared response or one of these errors,
 * and a case's `wantError` can name any of them without a new import.
 *
 * The class names and the `<file>_errors.ts` module names are the errors
 * plugin's (one error model, core/model/error-model/error-model.ts).
 */
import type { DescFile, DescMethod, DescService } from "@bufbuild/protobuf";
import { enums } from "../../core/model/descriptors/walk.js";
import { readErrorEnum } from "../../core/model/error-model/error-model.js";

export interface CatalogError {
  className: string;
  /** The errors plugin's module for the declaring file, as a protoplugin import path (`./acme/users/v1/errors_errors.js`). */
  from: string;
  /** gRPC code number. */
  code: number;
}

export function packageCatalog(service: DescService, allFiles: readonly DescFile[]): CatalogError[] {
  const pkg = service.file.proto.package;
  const catalog: CatalogError[] = [];
  for (const file of allFiles) {
    if (file.proto.package !== pkg) continue;
    const from = `./${file.name}_errors.js`;
    for (const e of enums(file.proto)) {
      const model = readErrorEnum(e.node, e.fullName);
      for (const error of model?.errors ?? []) catalog.push({ className: error.className, from, code: error.code });
    }
  }
  return catalog;
}

/** RPC name prefixes and the gRPC code their typical business error has (AIP-131..135 verbs). */
const TYPICAL_CODE: readonly [RegExp, number][] = [
  [/^(Get|Update|Delete|Cancel|Capture|Refund)/, 5], // NOT_FOUND
  [/^(Create|Register)/, 6], // ALREADY_EXISTS
  [/^(Upload|Batch)/, 3], // INVALID_ARGUMENT
];

/**
 * The error shown in a test's commented `wantError` slot: one whose code fits
 * the RPC's verb when there is one (GetUser: a NOT_FOUND error), else the
 * first of the catalog. Only a hint; any class of the catalog works there.
 */
export function suggestedError(method: DescMethod, catalog: readonly CatalogError[]): CatalogError | undefined {
  const code = TYPICAL_CODE.find(([re]) => re.test(method.name))?.[1];
  return catalog.find((e) => e.code === code) ?? catalog[0];
}
