// Options of Checklist, RadioItems and Dropdown, in their three accepted shapes, as one list.

export interface Option {
  label: unknown;
  value: unknown;
  disabled: boolean;
  title?: string;
  /** Text to match when searching (Dropdown), when the label is not plain text. */
  search?: string;
}

/** `["a", 1]`, `{"a": "Label A"}` or `[{"label": ..., "value": ..., "disabled": ...}]`. */
export function normalizeOptions(options: unknown): Option[] {
  if (options === null || options === undefined) return [];
  if (Array.isArray(options)) return options.map(fromItem);
  if (typeof options === "object") {
    return Object.entries(options).map(([value, label]) => ({ value, label, disabled: false }));
  }
  return [];
}

function fromItem(item: unknown): Option {
  if (item !== null && typeof item === "object" && !Array.isArray(item)) {
    const o = item as Record<string, unknown>;
    const option: Option = { label: o.label ?? o.value, value: o.value, disabled: Boolean(o.disabled) };
    if (typeof o.title === "string") option.title = o.title;
    if (typeof o.search === "string") option.search = o.search;
    return option;
  }
  return { label: String(item), value: item, disabled: false };
}

/** The label as plain text, for searching and accessible names. */
export function labelText(option: Option): string {
  if (option.search !== undefined) return option.search;
  const { label } = option;
  return typeof label === "string" || typeof label === "number" ? String(label) : String(option.value);
}

/** Toggling `value` in a checklist: the result lists the checked values in options order. */
export function toggleValue(current: unknown, value: unknown, checked: boolean): unknown[] {
  // In the order the user checked them (Dash 4.4.1): a newly checked value goes at the end.
  const list = Array.isArray(current) ? current.filter((v) => v !== value) : [];
  return checked ? [...list, value] : list;
}
