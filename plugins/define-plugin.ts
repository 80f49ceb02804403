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
 */
import { create, maximumEdition, minimumEdition, protoInt64 } from "@bufbuild/protobuf";
import {
  type CodeGeneratorRequest,
  type CodeGeneratorResponse,
  CodeGeneratorResponse_Feature,
  CodeGeneratorResponseSchema,
} from "@bufbuild/protobuf/wkt";
import { ECMASCRIPT_OPTIONS, type OptionSpecs, type OptionValues, PluginOptionsError, parseOptions } from "./options.js";
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
  generateTs(schema: Schema<OptionValues<S>>): void;
}

export interface ProtogovPlugin extends Plugin {
  readonly description: string;
  /** Every accepted option, protoplugin's included. */
  readonly options: OptionSpecs;
}

export function definePlugin<const S extends OptionSpecs>(def: PluginDefinition<S>): ProtogovPlugin {
  const options: OptionSpecs = { ...def.options, ...ECMASCRIPT_OPTIONS };
  const ownOptions = Object.keys(def.options);
  const inner = createEcmaScriptPlugin<OptionValues<S>>({
    name: def.name,
    version: def.version,
    // Already validated in run(); protoplugin hands over the options it does not know.
    parseOptions: (raw) => parseOptions(def.name, raw.map(({ key, value }) => `${key}=${value}`).join(","), def.options),
    generateTs: (schema) => def.generateTs(schema),
  });
  return {
    name: def.name,
    version: def.version,
    description: def.description,
    options,
    run(request) {
      try {
        parseOptions(def.name, request.parameter, options);
        if (def.wants && !def.wants(request)) return response({});
        return inner.run(request);
      } catch (e) {
        if (e instanceof PluginInputError || e instanceof PluginOptionsError) return response({ error: e.message });
        // protoplugin's own option errors (a combination our check let through) are still the user's.
        if (e instanceof Error && e.name === "PluginOptionError") {
          return response({ error: `${def.name}: ${e.message}; own options: ${ownOptions.join(", ")}` });
        }
        throw e;
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
