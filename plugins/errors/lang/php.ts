/**
 * The PHP emitter: PSR-4 files in the namespace protoc's PHP generator gives
 * the proto package (or `php_namespace`), so the errors sit next to the
 * message classes: once per namespace `GovernedException.php` (the base class
 * with a self-contained google.rpc.Status codec, so the generated code needs
 * no extension and no composer package), per error `<Stem>Exception.php`
 * (constructor of the template parameters, a getter per parameter,
 * `matches($status)` for what a grpc-php call returned), and per error enum
 * `<Enum>s.php`, the registry (`fromStatus`, `fromStatusBytes`,
 * `fromRpcError`). Clean under `php -l`.
 */
import type { PlainFile } from "../../define-plugin.js";
import { PluginInputError } from "../../define-plugin.js";
import { renderTemplate } from "../templates.js";
import type { ErrorFileView, ErrorView } from "../view-model.js";
import { collisions, type LanguageEmitter } from "./emitter.js";

/** protoc's PHP generator prefixes these namespace segments with "PB" (compared case-insensitively). */
const PROTOC_RESERVED = new Set(
  "abstract and array as break callable case catch class clone const continue declare default die do echo else elseif empty enddeclare endfor endforeach endif endswitch endwhile eval exit extends final finally fn for foreach function global goto if implements include include_once instanceof insteadof interface isset list match namespace new or parent print private protected public readonly require require_once return self static switch throw trait try unset use var while xor yield int float bool string true false null void iterable".split(
    " ",
  ),
);
/** Methods of GovernedException and \Exception that a parameter getter would clash with. */
const METHODS = new Set([
  "getMessage",
  "getCode",
  "getFile",
  "getLine",
  "getTrace",
  "getTraceAsString",
  "getPrevious",
  "getDomain",
  "getReason",
  "getNumber",
  "getHttpStatus",
  "getParams",
  "getRetryDelayMs",
  "getReceivedStatus",
]);
/** Constructor arguments besides the parameters, and the variable PHP reserves. */
const ARGUMENTS = new Set(["previous", "this"]);

export const phpEmitter: LanguageEmitter = {
  lang: "php",
  emit(files) {
    const out: PlainFile[] = [];
    const problems: string[] = [];
    const namespaces = new Map<string, ReturnType<typeof collisions>>();
    for (const file of files) {
      const namespace = phpNamespace(file);
      const dir = namespace.length > 0 ? `${namespace.replace(/\\/g, "/")}/` : "";
      let names = namespaces.get(namespace);
      if (!names) {
        names = collisions();
        namespaces.set(namespace, names);
        names.add(file.protoFile, "GovernedException", "the base class", "PHP class");
        out.push({ name: `${dir}GovernedException.php`, content: renderTemplate("php/GovernedException.php.hbs", { namespace }) });
      }
      for (const e of file.enums) {
        const registryClass = `${e.name}s`;
        names.add(e.location, registryClass, e.fullName, "PHP class");
        const errors = e.errors.map((error) => phpError(error, problems));
        for (const error of errors) {
          names.add(error.location, error.exceptionName, error.protoName, "PHP class");
          const view = { protoFile: file.protoFile, namespace, registryClass, ...error };
          out.push({ name: `${dir}${error.exceptionName}.php`, content: renderTemplate("php/Exception.php.hbs", view) });
        }
        const view = { protoFile: file.protoFile, namespace, registryClass, fullName: e.fullName, domainLit: phpString(e.domain), errors };
        out.push({ name: `${dir}${registryClass}.php`, content: renderTemplate("php/Errors.php.hbs", view) });
      }
    }
    problems.push(...[...namespaces.values()].flatMap((n) => n.problems));
    if (problems.length > 0) throw new PluginInputError(`protoc-gen-protogov-errors (lang=php):\n  ${problems.join("\n  ")}`);
    return out;
  },
};

/**
 * The namespace protoc's PHP generator uses: `php_namespace` as written, else
 * the package with each segment's first letter upper-cased and reserved
 * words prefixed "PB" (`acme.list.v1` -> `Acme\PBList\V1`).
 */
export function phpNamespace(file: Pick<ErrorFileView, "phpNamespace" | "protoPackage">): string {
  if (file.phpNamespace !== undefined) return file.phpNamespace.replace(/^\\+|\\+$/g, "");
  if (file.protoPackage.length === 0) return "";
  return file.protoPackage
    .split(".")
    .map((segment) => {
      const upper = /^[a-z]/.test(segment) ? segment.charAt(0).toUpperCase() + segment.slice(1) : segment;
      return PROTOC_RESERVED.has(upper.toLowerCase()) ? `PB${upper}` : upper;
    })
    .join("\\");
}

function phpError(error: ErrorView, problems: string[]) {
  const params = error.params.map((p) => {
    const getter = `get${p.camel.charAt(0).toUpperCase()}${p.camel.slice(1)}`;
    if (METHODS.has(getter))
      problems.push(
        `${error.location}: ${error.protoName}: parameter {${p.snake}} would be the getter ${getter}(), a method of every error; rename it`,
      );
    if (ARGUMENTS.has(p.camel))
      problems.push(`${error.location}: ${error.protoName}: parameter {${p.snake}} cannot be the PHP argument $${p.camel}; rename it`);
    return { ...p, getter, keyLit: phpString(p.camel), snakeBrace: `{${p.snake}}` };
  });
  return {
    ...error,
    params,
    exceptionName: `${error.stem}Exception`,
    domainLit: phpString(error.domain),
    reasonLit: phpString(error.reason),
    templateLit: phpString(error.template),
    retryText: error.retryable ? `, retryable${error.retryDelayMs === undefined ? "" : ` after ${error.retryDelayMs} ms`}` : "",
    templateDoc: docSafe(error.template),
    docLines: error.docLines.map(docSafe),
    retryDelay: error.retryable && error.retryDelayMs !== undefined ? String(error.retryDelayMs) : "null",
    render: error.parts.length === 0 ? "''" : error.parts.map((p) => ("text" in p ? phpString(p.text) : `$${p.param.camel}`)).join(" . "),
  };
}

/** A single-quoted PHP string: only \ and ' are escapes there. */
function phpString(text: string): string {
  return `'${text.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}

/** Text inside a PHPDoc comment: no comment end, no tags. */
function docSafe(line: string): string {
  return line.replace(/\*\//g, "*&#47;").replace(/@/g, "&#64;");
}
