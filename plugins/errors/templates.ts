/**
 * The Handlebars templates of the non-TypeScript emitters, shipped in
 * `templates/errors/<lang>/`. Templates only lay text out: every name, literal
 * and padding is computed by the language's emitter (lang/<lang>.ts) from the
 * shared view model. Compiled once per process, strict (a misspelt field
 * fails), without escaping (the output is code).
 */
import { readFileSync } from "node:fs";
import Handlebars from "handlebars";

/** templates/errors of the installed package (dist/plugins/errors -> package root). */
const TEMPLATE_DIR = new URL("../../../templates/errors/", import.meta.url);

const hb = Handlebars.create();
const compiled = new Map<string, Handlebars.TemplateDelegate>();

/** Renders `templates/errors/<name>` (e.g. `go/file.go.hbs`) with a prepared view. */
export function renderTemplate(name: string, view: object): string {
  let template = compiled.get(name);
  if (!template) {
    template = hb.compile(readFileSync(new URL(name, TEMPLATE_DIR), "utf8"), { strict: true, noEscape: true, preventIndent: true });
    compiled.set(name, template);
  }
  return template(view);
}
