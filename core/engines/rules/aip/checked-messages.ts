/**
 * The messages of every file an AIP rule has checked, with the Problem of
 * their file, so the rule can report on a field of one file because of a
 * method of another: api-linter's method rules that walk from a request into
 * other messages (AIP-203 field-behavior-required, AIP-133/134
 * request-required-fields) report fields wherever they are declared, and the
 * file holding the method may come after them in the image. Such rules keep
 * this during the run and report in their end hook; a finding lands in the
 * field's own file, at the field (where api-linter's location points).
 */
import type { DescriptorProto, FieldDescriptorProto, FileDescriptorProto } from "@bufbuild/protobuf/wkt";
import { MessagePath } from "../../../model/descriptors/source-paths.js";
import type { Problem } from "./aip-rule.js";
import { type Element, elements } from "./elements.js";

export class CheckedMessages {
  readonly #byMessage = new Map<DescriptorProto, { element: Element; problem: Problem }>();
  /** Fields and messages already reported: several methods may reach the same one. */
  readonly #reported = new Set<FieldDescriptorProto | DescriptorProto>();

  /** Remembers the messages of a checked file (not called for files where the rule is off). */
  add(file: FileDescriptorProto, problem: Problem): void {
    for (const e of elements(file)) if (e.kind === "message") this.#byMessage.set(e.proto, { element: e, problem });
  }

  /** Reports on field `index` of `message`, once, if the message's file was checked; `sub`: where below the field. */
  reportField(message: DescriptorProto, index: number, text: string, sub: readonly number[] = []): void {
    const at = this.#byMessage.get(message);
    const proto = message.field[index];
    if (!at || !proto || this.#reported.has(proto)) return;
    this.#reported.add(proto);
    const path = [...at.element.path, MessagePath.field, index];
    at.problem({ kind: "field", proto, path, ancestors: [at.element, ...at.element.ancestors] }, text, sub);
  }

  /** Reports on `message` itself (its start, or `sub` below it), once, if its file was checked. */
  reportMessage(message: DescriptorProto, text: string, sub: readonly number[] = []): void {
    const at = this.#byMessage.get(message);
    if (!at || this.#reported.has(message)) return;
    this.#reported.add(message);
    at.problem(at.element, text, sub);
  }
}
