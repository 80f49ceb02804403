/**
 * The changelog wording: one sentence per change, in the style of published
 * API changelogs ("A new field `x` is added to message `pkg.M`."). Kept apart
 * from the walk so the wording can change without touching the comparison.
 */
import type { ElementKind } from "./api-diff.js";

/** How the changelog names one element. */
export interface Subject {
  element: ElementKind;
  /** Full name, the `name` of the change (`pkg.M.field`, file path for files). */
  name: string;
  /** Protobuf package of the element. */
  package: string;
  /** "field", "message", "value", "method"... */
  noun: string;
  /** The name as shown after the noun: the simple name when there is a container, else the full name. */
  short: string;
  /** "message `pkg.M`", for elements that live inside another one. */
  container?: string;
}

export function label(s: Subject): string {
  return s.container ? `${s.noun} \`${s.short}\` in ${s.container}` : `${s.noun} \`${s.short}\``;
}

export function addedLine(s: Subject): string {
  return s.container ? `A new ${s.noun} \`${s.short}\` is added to ${s.container}.` : `A new ${s.noun} \`${s.short}\` is added.`;
}

/** "A new REQUIRED field `x` is added to message `pkg.M`." */
export function requiredAddedLine(s: Subject): string {
  return `A new REQUIRED ${s.noun} \`${s.short}\` is added to ${s.container ?? "its container"}.`;
}

export function removedLine(s: Subject): string {
  return s.container
    ? `An existing ${s.noun} \`${s.short}\` is removed from ${s.container}.`
    : `An existing ${s.noun} \`${s.short}\` is removed.`;
}

/** "The type of field `z` in message `pkg.M` is changed from `string` to `bool`." */
export function changedLine(s: Subject, aspect: string, before: string, after: string): string {
  const is = PLURAL_ASPECTS.has(aspect) ? "are" : "is";
  if (before === "") return `The ${aspect} of ${label(s)} ${is} set to ${quote(after)}.`;
  if (after === "") return `The ${aspect} of ${label(s)} ${is} removed (it was ${quote(before)}).`;
  return `The ${aspect} of ${label(s)} ${is} changed from ${quote(before)} to ${quote(after)}.`;
}

const PLURAL_ASPECTS = new Set(["template parameters"]);

/** "The reserved range `5` in message `pkg.M` is widened to `5 to 9`." */
export function widenedLine(s: Subject, after: string): string {
  return `The ${label(s)} is widened to ${quote(after)}.`;
}

export function commentLine(s: Subject, before: string, after: string): string {
  const what = before === "" ? "added" : after === "" ? "removed" : "changed";
  return `A comment for ${label(s)} is ${what}.`;
}

export function optionLine(s: Subject, option: string, before: string | undefined, after: string | undefined): string {
  if (before === undefined) return `An option \`${option}\` is added to ${label(s)}: ${quote(after ?? "")}.`;
  if (after === undefined) return `The option \`${option}\` is removed from ${label(s)}.`;
  return `The option \`${option}\` of ${label(s)} is changed from ${quote(before)} to ${quote(after)}.`;
}

export function deprecationLine(s: Subject, deprecated: boolean): string {
  return `${capitalize(label(s))} is ${deprecated ? "marked as deprecated" : "no longer deprecated"}.`;
}

export function movedLine(s: Subject, fromFile: string, toFile: string): string {
  return `${capitalize(label(s))} is moved from file \`${fromFile}\` to \`${toFile}\`.`;
}

/** Option values can be whole JSON objects: the line keeps a readable prefix, `before`/`after` keep all. */
const MAX_VALUE = 120;

function quote(value: string): string {
  const flat = value.replace(/\s*\n\s*/g, " ");
  const shown = flat.length > MAX_VALUE ? `${flat.slice(0, MAX_VALUE - 1)}…` : flat;
  return `\`${shown.replace(/`/g, "'")}\``;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// Subjects of each element kind. Containers are named by their full name, leaves by their simple name.

export const subjects = {
  file: (name: string, pkg: string): Subject => ({ element: "file", name, package: pkg, noun: "file", short: name }),
  package: (pkg: string): Subject => ({ element: "package", name: pkg, package: pkg, noun: "package", short: pkg }),
  type(element: "message" | "enum" | "service" | "extension", fullName: string, pkg: string): Subject {
    return { element, name: fullName, package: pkg, noun: element, short: fullName };
  },
  member(element: ElementKind, noun: string, parent: Subject, simpleName: string, fullName = `${parent.name}.${simpleName}`): Subject {
    return { element, name: fullName, package: parent.package, noun, short: simpleName, container: label(parent) };
  },
};
