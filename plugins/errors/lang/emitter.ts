/**
 * What a language is to protoc-gen-protogov-errors: an emitter that turns the
 * shared view of each proto file into files, and the per-language naming
 * checks that run before anything is printed. The TypeScript emitter is the
 * one exception (it prints through protoplugin's GeneratedFile, see
 * ../generate.ts); every other language is a module in this folder plus its
 * templates in templates/errors/<lang>/.
 */
import type { PlainFile } from "../../define-plugin.js";
import type { ErrorFileView } from "../view-model.js";

export interface LanguageEmitter {
  /** The value of the plugin option `lang`. */
  lang: string;
  /**
   * Files for every proto file of one request, so shared per-package files
   * are written once and collisions across files of one package are found.
   * Problems in the protos are thrown as PluginInputError.
   */
  emit(files: readonly ErrorFileView[], options: EmitOptions): PlainFile[];
}

/** The plugin options an emitter reads besides `lang`. */
export interface EmitOptions {
  /** lang=go: also generate protogov_errors_connect.go, the connect-go conversions. */
  connect: boolean;
}

/** Throws one PluginInputError listing every problem, each with file:line. */
export function collisions(): { add(location: string, name: string, owner: string, what: string): void; problems: string[] } {
  const seen = new Map<string, string>();
  const problems: string[] = [];
  return {
    problems,
    add(location, name, owner, what) {
      const known = seen.get(name);
      if (known !== undefined && known !== owner)
        problems.push(`${location}: ${what} ${name} is also generated for ${known}; rename one of the values`);
      else seen.set(name, owner);
    },
  };
}

export function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}
