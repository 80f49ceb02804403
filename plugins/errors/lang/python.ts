/**
 * The Python emitter: per proto file `<file>_errors.py`, an exception class
 * per error (keyword-only constructor of the template parameters, a property
 * per parameter, `matches(err)` for the grpc.RpcError a call raised,
 * `raise_in(context)` through grpc_status.rpc_status), and
 * `from_rpc_error(err)` over the module's registry. Typed for mypy --strict.
 */
import type { PlainFile } from "../../define-plugin.js";
import { PluginInputError } from "../../define-plugin.js";
import { renderTemplate } from "../templates.js";
import type { ErrorView } from "../view-model.js";
import { collisions, type LanguageEmitter } from "./emitter.js";

const KEYWORDS = new Set(
  "False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield match case type".split(
    " ",
  ),
);
/** Attributes of GovernedError and Exception that a parameter property would hide. */
const ATTRIBUTES = new Set([
  "params",
  "received",
  "message",
  "domain",
  "reason",
  "code",
  "number",
  "http_status",
  "message_template",
  "param_keys",
  "retry_delay_ms",
  "status_code",
  "retry_delay_seconds",
  "to_status",
  "raise_in",
  "matches",
  "args",
  "with_traceback",
  "add_note",
]);
/** Module-level names of the generated module and the builtins a class would shadow. */
const RESERVED = new Set([
  "GovernedError",
  "from_rpc_error",
  "grpc",
  "rpc_status",
  "ArithmeticError",
  "AssertionError",
  "AttributeError",
  "BaseException",
  "BlockingIOError",
  "BrokenPipeError",
  "BufferError",
  "ChildProcessError",
  "ConnectionAbortedError",
  "ConnectionError",
  "ConnectionRefusedError",
  "ConnectionResetError",
  "EOFError",
  "EnvironmentError",
  "Exception",
  "FileExistsError",
  "FileNotFoundError",
  "FloatingPointError",
  "IOError",
  "ImportError",
  "IndentationError",
  "IndexError",
  "InterruptedError",
  "IsADirectoryError",
  "KeyError",
  "LookupError",
  "MemoryError",
  "ModuleNotFoundError",
  "NameError",
  "NotADirectoryError",
  "NotImplementedError",
  "OSError",
  "OverflowError",
  "PermissionError",
  "ProcessLookupError",
  "RecursionError",
  "ReferenceError",
  "RuntimeError",
  "SyntaxError",
  "SystemError",
  "TabError",
  "TimeoutError",
  "TypeError",
  "UnboundLocalError",
  "UnicodeDecodeError",
  "UnicodeEncodeError",
  "UnicodeError",
  "UnicodeTranslateError",
  "ValueError",
  "ZeroDivisionError",
]);

export const pythonEmitter: LanguageEmitter = {
  lang: "python",
  emit(files) {
    const out: PlainFile[] = [];
    const problems: string[] = [];
    for (const file of files) {
      const names = collisions();
      const errors = file.enums.flatMap((e) => e.errors.map((error) => pythonError(error, problems)));
      for (const error of errors) {
        if (RESERVED.has(error.className))
          problems.push(`${error.location}: ${error.protoName}: the Python class name ${error.className} is reserved; rename the value`);
        names.add(error.location, error.className, error.protoName, "Python class");
      }
      problems.push(...names.problems);
      const snakeKeys = new Map<string, string>();
      for (const error of errors) for (const p of error.params) snakeKeys.set(p.camel, p.snake);
      const content = renderTemplate("python/module.py.hbs", {
        protoFile: file.protoFile,
        errors,
        snakeKeys: [...snakeKeys].map(([key, snake]) => ({ key: pyString(key), snake: pyString(snake) })),
      });
      out.push({ name: `${file.protoFile.replace(/\.proto$/, "")}_errors.py`, content });
    }
    if (problems.length > 0) throw new PluginInputError(`protoc-gen-protogov-errors (lang=python):\n  ${problems.join("\n  ")}`);
    return out;
  },
};

function pythonError(error: ErrorView, problems: string[]) {
  const params = error.params.map((p) => {
    if (ATTRIBUTES.has(p.snake))
      problems.push(
        `${error.location}: ${error.protoName}: parameter {${p.snake}} would hide the attribute ${p.snake} of every error; rename it`,
      );
    return { ...p, arg: KEYWORDS.has(p.snake) ? `${p.snake}_` : p.snake, keyLit: pyString(p.camel), snakeBrace: `{${p.snake}}` };
  });
  return {
    ...error,
    params,
    docBody: error.docLines.length === 0 ? [] : ["", ...error.docLines.map((line) => (line === "" ? "" : `    ${docSafe(line)}`))],
    retryText: error.retryable ? `, retryable${error.retryDelayMs === undefined ? "" : ` after ${error.retryDelayMs} ms`}` : "",
    templateDoc: docSafe(error.template),
    domainLit: pyString(error.domain),
    reasonLit: pyString(error.reason),
    templateLit: pyString(error.template),
    paramKeysLit:
      params.length === 0 ? "()" : params.length === 1 ? `(${params[0]?.keyLit},)` : `(${params.map((p) => p.keyLit).join(", ")})`,
    retryDelay: error.retryable && error.retryDelayMs !== undefined ? String(error.retryDelayMs) : "None",
  };
}

/** A Python string literal (JSON's escapes are valid in Python strings). */
function pyString(text: string): string {
  return JSON.stringify(text);
}

/** Text inside a """docstring""": no closing quotes, no escapes. */
function docSafe(line: string): string {
  return line.replace(/\\/g, "\\\\").replace(/"""/g, '\\"\\"\\"');
}
