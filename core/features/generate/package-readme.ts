/**
 * The README of a generated npm package: which services it holds (with the
 * module to import) and the error catalog (class, reason, code), computed
 * here from the descriptors; the Handlebars template only lays it out.
 */
import type { FileDescriptorSet } from "@bufbuild/protobuf/wkt";
import Handlebars from "handlebars";
import { CODES, errorEnumsIn } from "../../model/error-model/error-model.js";
import { PROTOGOV_VERSION } from "../../model/version.js";

export interface ReadmeModel {
  name: string;
  version: string;
  description: string;
  sourceCommit: string | undefined;
  generatorVersion: string;
  dependencies: { name: string; version: string }[];
  exampleModule: string;
  services: { fullName: string; module: string; methods: string }[];
  errors: { className: string; module: string; reason: string; domain: string; code: string; httpStatus: number; message: string }[];
}

export function readmeModel(
  set: FileDescriptorSet,
  projectFiles: string[],
  meta: {
    name: string;
    version: string;
    description: string;
    sourceCommit: string | undefined;
    dependencies: Record<string, string>;
    modules: string[];
  },
): ReadmeModel {
  const own = new Set(projectFiles);
  const services: ReadmeModel["services"] = [];
  const errors: ReadmeModel["errors"] = [];
  for (const file of set.file.filter((f) => own.has(f.name)).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const base = file.name.replace(/\.proto$/, "");
    for (const service of file.service) {
      services.push({
        fullName: `${file.package ? `${file.package}.` : ""}${service.name}`,
        module: `${base}_pb`,
        methods: service.method.map((m) => m.name).join(", "),
      });
    }
    for (const { model } of errorEnumsIn(file)) {
      for (const e of model.errors) {
        errors.push({
          className: e.className,
          module: `${base}_errors`,
          reason: e.reason,
          domain: model.domain,
          code: CODES[e.code]?.[0] ?? String(e.code),
          httpStatus: e.httpStatus,
          message: (e.options.message ?? "").replace(/\|/g, "\\|"),
        });
      }
    }
  }
  return {
    name: meta.name,
    version: meta.version,
    description: meta.description,
    sourceCommit: meta.sourceCommit,
    generatorVersion: PROTOGOV_VERSION,
    dependencies: Object.entries(meta.dependencies).map(([name, version]) => ({ name, version })),
    exampleModule: meta.modules.find((m) => m.endsWith("_pb")) ?? meta.modules[0] ?? "index",
    services,
    errors,
  };
}

export function renderReadme(template: string, model: ReadmeModel): string {
  const hb = Handlebars.create();
  return hb.compile(template, { noEscape: true, strict: false })(model);
}
