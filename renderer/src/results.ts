// What the server answered: a result's writes (its outputs grouped per component, its patches applied to the
// values held), a refusal's message.
import { applyPatch } from "./patch";
import type { PatchOp } from "./patch";
import { didYouMean } from "./suggest";

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

/**
 * The messages for a result's `set_props` writes (`side` keys) to ids the page does not hold: Dash reports
 * each such id (its update is dropped), unless the app sets suppress_callback_exceptions; the page's closest
 * id is named, since a typo is the usual cause (issue 19). One message per id, in the order they came.
 */
export function absentSideIds(side: readonly string[] | undefined,
                              page: { has(idStr: string): boolean; ids(): Iterable<string> }): string[] {
  const absent = new Set((side ?? []).map((key) => key.slice(0, key.lastIndexOf("."))).filter((id) => !page.has(id)));
  return [...absent].map((id) => `set_props('${id}', ...) was ignored: no component of the page has that id` +
    `${didYouMean(id, page.ids()) || "."} If it comes later, set Dash(suppress_callback_exceptions=True).`);
}
