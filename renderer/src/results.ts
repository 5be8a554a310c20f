// What the server answered: a result's writes (its outputs grouped per component, its patches applied to the
// values held), a refusal's message.
import { applyPatch } from "./patch";
import type { PatchOp } from "./patch";

/**
 * Values by prop key grouped by component id, in the order they came, so a component's values are taken
 * together, as Dash applies a callback's props to one component at once.
 */
export function byComponent(values: Record<string, unknown>): Map<string, Record<string, unknown>> {
  const writes = new Map<string, Record<string, unknown>>();
  for (const key in values) {
    const at = key.lastIndexOf(".");
    const idStr = key.slice(0, at);
    if (!writes.has(idStr)) writes.set(idStr, {});
    writes.get(idStr)![key.slice(at + 1)] = values[key];
  }
  return writes;
}

/** The values `patches` make of the values held (after the result's outputs applied); a patch of a component
 * not in the page is skipped, one that cannot apply is reported and skipped. */
export function patched(
  patches: Record<string, PatchOp[]>,
  present: (key: string) => boolean,
  value: (key: string) => unknown,
  failed: (key: string, err: string) => void,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key in patches) {
    if (!present(key)) continue;
    try {
      out[key] = applyPatch(value(key) ?? null, patches[key]);
    } catch (err) {
      failed(key, String(err));
    }
  }
  return out;
}
