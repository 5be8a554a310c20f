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

/** A Dropdown's chosen options in the order of its value (Dash 4.4.1 lists them as picked, not as offered). */
export function chosenOptions(options: Option[], value: unknown, multi: boolean): Option[] {
  const wanted: unknown[] = multi ? (Array.isArray(value) ? value : []) : [value];
  return wanted.flatMap((v) => options.filter((o) => o.value === v).slice(0, 1));
}

/** The "N selected" text Dash 4.4.1's Dropdown shows beside two or more chosen values, from its `labels`
 * (`selected_count`, default "{num_selected} selected"); null when it shows none. */
export function selectedCountText(value: unknown, labels: unknown): string | null {
  const count = Array.isArray(value) ? value.length : value === null || value === undefined ? 0 : 1;
  if (count <= 1) return null;
  const given = labels !== null && typeof labels === "object" ? (labels as Record<string, unknown>) : {};
  const template = "selected_count" in given ? given.selected_count : "{num_selected} selected";
  return typeof template === "string" ? template.replace("{num_selected}", String(count)) : null;
}
