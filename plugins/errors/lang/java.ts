/**
 * The Java emitter: per error enum `<Enum>s.java` (e.g. UsersErrors) with a
 * nested exception class per error (constructor of the template parameters,
 * a getter per parameter, `matches(t)` for what a grpc-java call threw) and
 * `fromThrowable(t)`; once per Java package `GovernedException.java`, the
 * base class (toStatusRuntimeException through StatusProto, code, params,
 * retry delay). Clean under javac -Xlint:all -Werror.
 */
import type { PlainFile } from "../../define-plugin.js";
import { PluginInputError } from "../../define-plugin.js";
import { renderTemplate } from "../templates.js";
import type { ErrorView } from "../view-model.js";
import { collisions, type LanguageEmitter } from "./emitter.js";

const KEYWORDS = new Set(
  "abstract assert boolean break byte case catch char class const continue default do double else enum extends final finally float for goto if implements import instanceof int interface long native new package private protected public return short static strictfp super switch synchronized this throw throws transient try void volatile while var record yield sealed permits true false null _".split(
    " ",
  ),
);
/** Methods of GovernedException and Throwable that a parameter getter would clash with. */
const METHODS = new Set([
  "domain",
  "reason",
  "number",
  "httpStatus",
  "code",
  "params",
  "retryDelay",
  "toStatusProto",
  "toStatusRuntimeException",
  "generatedCode",
  "generatedRetryDelayMillis",
  "matches",
  "fromThrowable",
  "getMessage",
  "getCause",
  "toString",
  "hashCode",
  "getClass",
]);
/** Names the generated classes must not take: the base class and java.lang exceptions they would shadow. */
const RESERVED = new Set([
  "GovernedException",
  "Exception",
  "RuntimeException",
  "IllegalArgumentException",
  "IllegalStateException",
  "SecurityException",
  "UnsupportedOperationException",
  "IndexOutOfBoundsException",
  "NullPointerException",
  "ArithmeticException",
  "ClassCastException",
  "InterruptedException",
  "CloneNotSupportedException",
  "ReflectiveOperationException",
]);

export const javaEmitter: LanguageEmitter = {
  lang: "java",
  emit(files) {
    const out: PlainFile[] = [];
    const problems: string[] = [];
    const packages = new Map<string, ReturnType<typeof collisions>>();
    for (const file of files) {
      const javaPackage = file.javaPackage || file.protoPackage;
      const dir = javaPackage.length > 0 ? `${javaPackage.replace(/\./g, "/")}/` : "";
      let outerNames = packages.get(javaPackage);
      if (!outerNames) {
        outerNames = collisions();
        packages.set(javaPackage, outerNames);
        out.push({ name: `${dir}GovernedException.java`, content: renderTemplate("java/GovernedException.java.hbs", { javaPackage }) });
      }
      for (const e of file.enums) {
        const outerClass = `${e.name}s`;
        outerNames.add(e.location, outerClass, e.fullName, "Java class");
        if (RESERVED.has(outerClass))
          problems.push(`${e.location}: ${e.fullName}: the Java class name ${outerClass} is reserved; rename the enum`);
        const nested = collisions();
        const errors = e.errors.map((error) => javaError(error, problems));
        for (const error of errors) {
          if (RESERVED.has(error.exceptionName))
            problems.push(
              `${error.location}: ${error.protoName}: the Java class name ${error.exceptionName} is reserved; rename the value`,
            );
          nested.add(error.location, error.exceptionName, error.protoName, "Java class");
        }
        problems.push(...nested.problems);
        const content = renderTemplate("java/Errors.java.hbs", {
          protoFile: file.protoFile,
          javaPackage,
          fullName: e.fullName,
          domain: e.domain,
          domainLit: javaString(e.domain),
          outerClass,
          errors,
        });
        out.push({ name: `${dir}${outerClass}.java`, content });
      }
    }
    problems.push(...[...packages.values()].flatMap((p) => p.problems));
    if (problems.length > 0) throw new PluginInputError(`protoc-gen-protogov-errors (lang=java):\n  ${problems.join("\n  ")}`);
    return out;
  },
};

function javaError(error: ErrorView, problems: string[]) {
  const params = error.params.map((p) => {
    if (METHODS.has(p.camel))
      problems.push(
        `${error.location}: ${error.protoName}: parameter {${p.snake}} would be the getter ${p.camel}(), a method of every error; rename it`,
      );
    return { ...p, arg: KEYWORDS.has(p.camel) ? `${p.camel}_` : p.camel, keyLit: javaString(p.camel), snakeBrace: `{${p.snake}}` };
  });
  return {
    ...error,
    params,
    exceptionName: `${error.stem}Exception`,
    reasonLit: javaString(error.reason),
    retryText: error.retryable ? `, retryable${error.retryDelayMs === undefined ? "" : ` after ${error.retryDelayMs} ms`}` : "",
    templateDoc: docSafe(error.template),
    docLines: error.docLines.map(docSafe),
    retryDelayMillis: error.retryable && error.retryDelayMs !== undefined ? String(error.retryDelayMs) : "0",
    render:
      error.parts.length === 0
        ? '""'
        : error.parts.map((p) => ("text" in p ? javaString(p.text) : `params.get(${javaString(p.param.camel)})`)).join(" + "),
  };
}

/** A Java string literal (JSON's escapes are valid in Java, and \u2028 is not a line terminator there). */
function javaString(text: string): string {
  return JSON.stringify(text);
}

/** Text inside a Javadoc comment: no comment end, no tags, HTML escaped. */
function docSafe(line: string): string {
  return line.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\*\//g, "*&#47;").replace(/@/g, "&#64;");
}
