/**
 * The shape shared by protogov's protoc plugins: a pure `run(request) →
 * response` on top of @bufbuild/protoplugin, with declarative options and the
 * protoc contract for failures:
 * - a bad parameter or a problem in the user's protos is answered in
 *   `CodeGeneratorResponse.error` (protoc and buf print it next to the plugin
 *   name and exit 1), never thrown;
 * - anything else is a bug in the plugin and is thrown, for the runner to
 *   report on stderr.
 * The IO around `run` lives in runner.ts; protogov calls `run` in-process.
 *
 * A plugin generates either TypeScript (`generateTs`, through protoplugin's
 * GeneratedFile and its js/dts transpile step) or files of any other kind
 * (`generateFiles`: Markdown, HTML, JSON). protoplugin drops files created in
 * `generateTs` unless target=ts, so `generateFiles` runs once from whichever
 * target protoplugin asks for first and its files are appended to the
 * response verbatim; such a plugin does not accept the TypeScript options.
 */
import { create, maximumEdition, minimumEdition, protoInt64 } from "@bufbuild/protobuf";
import {
  type CodeGeneratorRequest,
  type CodeGeneratorResponse,
  CodeGeneratorResponse_Feature,
  CodeGeneratorResponse_FileSchema,
  CodeGeneratorResponseSchema,
} from "@bufbuild/protobuf/wkt";
import { describeOptions, ECMASCRIPT_OPTIONS, type OptionSpecs, type OptionValues, PluginOptionsError, parseOptions } from "./options.js";
import { createEcmaScriptPlugin, type Plugin, type Schema } from "./protoplugin.js";

/** A problem in the user's protos that makes generation impossible; becomes CodeGeneratorResponse.error. */
export class PluginInputError extends Error {
  override name = "PluginInputError";
}

export interface PluginDefinition<S extends OptionSpecs> {
  name: string;
  version: string;
  /** One sentence for `--help`. */
  description: string;
  /** The plugin's own options; protoplugin's built-in ones are added. */
  options: S;
  /**
   * A cheap look at the raw request: false means there is nothing to generate
   * and the response is empty without building a descriptor registry (which
   * costs seconds on a googleapis-sized request).
   */
  wants?(request: CodeGeneratorRequest): boolean;
  /** Options valid one by one that do not go together: why, or undefined. Checked before `wants`. */
  conflicts?(options: OptionValues<S>): string | undefined;
  generateTs?(schema: Schema<OptionValues<S>>): void;
  /** Non-TypeScript output: every file returned is written as is, whatever the target. */
  generateFiles?(schema: Schema<OptionValues<S>>): Iterable<PlainFile>;
}

/** A generated file that is not TypeScript, written verbatim. */
export interface PlainFile {
  name: string;
  content: string;
}

export interface ProtogovPlugin extends Plugin {
  readonly description: string;
  /** Every accepted option, protoplugin's included. */
  readonly options: OptionSpecs;
}

export function definePlugin<const S extends OptionSpecs>(def: PluginDefinition<S>): ProtogovPlugin {
  const { generateTs, generateFiles } = def;
  if ((generateTs === undefined) === (generateFiles === undefined)) {
    throw new Error(`${def.name}: define exactly one of generateTs and generateFiles`);
  }
  const options: OptionSpecs = generateFiles ? { ...def.options } : { ...def.options, ...ECMASCRIPT_OPTIONS };
  const ownOptions = Object.keys(def.options);
  // Files of the current run of a generateFiles plugin; run() is synchronous, so one slot is enough.
  const captured: { files: PlainFile[] | undefined } = { files: undefined };
  const once = (schema: Schema<OptionValues<S>>): void => {
    if (generateFiles && captured.files === undefined) captured.files = [...generateFiles(schema)];
  };
  const inner = createEcmaScriptPlugin<OptionValues<S>>({
    name: def.name,
    version: def.version,
    // Already validated in run(); protoplugin hands over the options it does not know.
    parseOptions: (raw) => parseOptions(def.name, raw.map(({ key, value }) => `${key}=${value}`).join(","), def.options),
    generateTs: generateTs ?? once,
    ...(generateFiles ? { generateJs: once, generateDts: once } : {}),
  });
  return {
    name: def.name,
    version: def.version,
    description: def.description,
    options,
    run(request) {
      try {
        const values = parseOptions(def.name, request.parameter, options);
        // The plugin's own options are among `options` (which may add protoplugin's).
        const conflict = def.conflicts?.(values as OptionValues<S>);
        if (conflict) throw new PluginOptionsError(`${def.name}: ${conflict}\n${describeOptions(options)}`);
        if (def.wants && !def.wants(request)) return response({});
        captured.files = undefined;
        const result = inner.run(request);
        // Set by `once` during inner.run (TypeScript cannot see that through the callback).
        const files = captured.files as PlainFile[] | undefined;
        if (files) result.file.push(...files.map((f) => create(CodeGeneratorResponse_FileSchema, f)));
        return result;
      } catch (e) {
        if (e instanceof PluginInputError || e instanceof PluginOptionsError) return response({ error: e.message });
        // protoplugin's own option errors (a combination our check let through) are still the user's.
        if (e instanceof Error && e.name === "PluginOptionError") {
          return response({ error: `${def.name}: ${e.message}; own options: ${ownOptions.join(", ")}` });
        }
        throw e;
      } finally {
        captured.files = undefined;
      }
    },
  };
}

/** A response declaring the same features protoplugin declares, so protoc accepts proto3 optional and editions. */
function response(init: { error?: string }): CodeGeneratorResponse {
  return create(CodeGeneratorResponseSchema, {
    ...init,
    supportedFeatures: protoInt64.parse(CodeGeneratorResponse_Feature.PROTO3_OPTIONAL | CodeGeneratorResponse_Feature.SUPPORTS_EDITIONS),
    minimumEdition,
    maximumEdition,
  });
}
