// Ids and prop keys, spelled exactly as the server spells them.

export type Id = string | { [key: string]: unknown };

/** A string id as is; a dict id as JSON with sorted keys and no spaces. */
export function idString(id: Id): string {
  return typeof id === "string" ? id : sortedJson(id);
}

function sortedJson(value: unknown): string {
  if (Array.isArray(value)) return "[" + value.map(sortedJson).join(",") + "]";
  if (value !== null && typeof value === "object") {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj).sort();
    return "{" + keys.map((k) => JSON.stringify(k) + ":" + sortedJson(obj[k])).join(",") + "}";
  }
  return JSON.stringify(value);
}

/** `<id string>.<prop>`. */
export function propKey(idStr: string, prop: string): string {
  return idStr + "." + prop;
}

/** A key splits at its last `.`, since string ids may not contain one but dict ids may. */
export function splitKey(key: string): [string, string] {
  const at = key.lastIndexOf(".");
  return [key.slice(0, at), key.slice(at + 1)];
}
