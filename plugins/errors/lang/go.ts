/**
 * The Go emitter: per proto file `<file>_errors.go` (a type per error with a
 * constructor taking the template parameters, a sentinel for errors.Is, an
 * Is<Name>(err) check for the error a grpc-go call returns, GRPCStatus with
 * ErrorInfo/RetryInfo), and once per Go package `protogov_errors.go` (the
 * GovernedError interface and FromError over the package registry). With the
 * option connect=true, also `protogov_errors_connect.go` per package: the
 * connect-go side (an As method per type so a handler returns the typed error
 * as is, NewConnectError, FromError on *connect.Error); it is a file of its
 * own so packages generated without it never import connectrpc.com/connect.
 * Output is gofmt-clean: the only alignment gofmt does here (struct fields)
 * is padded.
 */

import type { PlainFile } from "../../define-plugin.js";
import { PluginInputError } from "../../define-plugin.js";
import { renderTemplate } from "../templates.js";
import type { ErrorFileView, ErrorView } from "../view-model.js";
import { collisions, type LanguageEmitter, lowerFirst } from "./emitter.js";

const GO_KEYWORDS = new Set(
  "break case chan const continue default defer else fallthrough for func go goto if import interface map package range return select struct switch type var".split(
    " ",
  ),
);
/** Methods every generated type has: a parameter field may not take these names. */
const METHODS = new Set(["Error", "Is", "As", "Domain", "Reason", "Code", "Number", "HTTPStatus", "RetryDelay", "Params", "GRPCStatus"]);
/** Package-level names of protogov_errors.go. */
const PACKAGE_NAMES = new Set(["GovernedError", "FromError", "NewConnectError"]);

export const goEmitter: LanguageEmitter = {
  lang: "go",
  emit(files, options) {
    const out: PlainFile[] = [];
    const packages = new Map<string, { dir: string; pkg: string; names: ReturnType<typeof collisions>; types: string[] }>();
    const problems: string[] = [];
    for (const file of files) {
      const pkg = goPackageName(file);
      const dir = file.protoFile.includes("/") ? file.protoFile.slice(0, file.protoFile.lastIndexOf("/") + 1) : "";
      let known = packages.get(dir);
      if (!known) {
        known = { dir, pkg, names: collisions(), types: [] };
        packages.set(dir, known);
        out.push({ name: `${dir}protogov_errors.go`, content: renderTemplate("go/shared.go.hbs", { package: pkg }) });
      }
      const errors = file.enums.flatMap((e) => e.errors.map((error) => goError(error, problems)));
      for (const error of errors) {
        for (const name of [error.typeName, error.sentinel, error.constructor, error.isFunc]) {
          if (PACKAGE_NAMES.has(name))
            problems.push(`${error.location}: ${error.protoName}: the Go name ${name} is reserved; rename the value`);
          known.names.add(error.location, name, error.protoName, "Go name");
        }
        known.types.push(error.typeName);
      }
      const content = renderTemplate("go/file.go.hbs", { package: pkg, protoFile: file.protoFile, errors });
      out.push({ name: `${file.protoFile.replace(/\.proto$/, "")}_errors.go`, content });
    }
    if (options.connect) {
      for (const { dir, pkg, types } of packages.values()) {
        out.push({ name: `${dir}protogov_errors_connect.go`, content: renderTemplate("go/connect.go.hbs", { package: pkg, types }) });
      }
    }
    problems.push(...[...packages.values()].flatMap((p) => p.names.problems));
    if (problems.length > 0) throw new PluginInputError(`protoc-gen-protogov-errors (lang=go):\n  ${problems.join("\n  ")}`);
    return out;
  },
};

/** `go_package` "path;name" or its last element, else buf's convention: acme.users.v1 -> usersv1. */
export function goPackageName(file: ErrorFileView): string {
  return goPackageNameOf(file.goPackage, file.protoPackage);
}

/** The Go package name of a proto file from its go_package option (if any) and its proto package. */
export function goPackageNameOf(goPackage: string | undefined, protoPackage: string): string {
  const option = goPackage;
  if (option) {
    const name = option.includes(";") ? option.slice(option.indexOf(";") + 1) : option.slice(option.lastIndexOf("/") + 1);
    return name.replace(/[^A-Za-z0-9_]/g, "_").toLowerCase();
  }
  const parts = protoPackage.split(".").filter((p) => p.length > 0);
  if (parts.length === 0) return "errors";
  const last = parts[parts.length - 1] ?? "";
  const name = /^v\d/.test(last) && parts.length > 1 ? `${parts[parts.length - 2]}${last}` : last;
  return name.replace(/[^A-Za-z0-9_]/g, "_").toLowerCase();
}

function goError(error: ErrorView, problems: string[]) {
  const typeName = error.className;
  const width = Math.max("received".length, ...error.params.map((p) => p.pascal.length));
  const fields = error.params.map((p) => {
    if (METHODS.has(p.pascal))
      problems.push(
        `${error.location}: ${error.protoName}: parameter {${p.snake}} would be the Go field ${p.pascal}, which is a method of every error; rename it`,
      );
    const arg = lowerFirstGo(p.pascal);
    return {
      name: p.pascal,
      pad: " ".repeat(width - p.pascal.length),
      arg: GO_KEYWORDS.has(arg) ? `${arg}_` : arg,
      keyLit: goString(p.camel),
    };
  });
  return {
    ...error,
    typeName,
    sentinel: `Err${error.stem}`,
    constructor: `New${typeName}`,
    isFunc: `Is${error.stem}`,
    specVar: `${lowerFirst(error.stem)}Spec`,
    buildFunc: `build${typeName}`,
    domainLit: goString(error.domain),
    reasonLit: goString(error.reason),
    templateComment: error.template.replace(/\s+/g, " "),
    goCode: goCode(error.codeName),
    retryDelay: error.retryable && error.retryDelayMs ? `${error.retryDelayMs} * time.Millisecond` : "0",
    fields,
    receivedPad: " ".repeat(width - "received".length),
    render: error.parts.length === 0 ? '""' : error.parts.map((p) => ("text" in p ? goString(p.text) : `e.${p.param.pascal}`)).join(" + "),
  };
}

/** `UserID` -> `userID`, `URL` -> `url`. */
function lowerFirstGo(pascal: string): string {
  const m = /^[A-Z]+(?=[A-Z][a-z]|$|\d)/.exec(pascal);
  return m ? m[0].toLowerCase() + pascal.slice(m[0].length) : lowerFirst(pascal);
}

/** NOT_FOUND -> NotFound (grpc-go's codes constants), CANCELLED -> Canceled. */
function goCode(codeName: string): string {
  if (codeName === "CANCELLED") return "Canceled";
  return codeName
    .toLowerCase()
    .split("_")
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join("");
}

/** A Go interpreted string literal (JSON's escapes are a subset of Go's). */
export function goString(text: string): string {
  return JSON.stringify(text)
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
