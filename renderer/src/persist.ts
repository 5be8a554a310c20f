// Persistence (`persistence`, `persisted_props`, `persistence_type`): an edit of a persisted prop is kept in
// the browser's storage as [new value, the value it replaced]; when the component is drawn again (a reload, a
// re-render by a callback) the kept value comes back while the layout still holds the value it replaced, and
// is forgotten once the layout's value differs. The key holds the id, the prop and the `persistence` value, so
// a new `persistence` value starts afresh. The rules are Dash 4.4.1's (docs/components.md, "Persistence");
// they are pure here, over a storage the caller supplies, so node tests run them without a browser. A nested
// persisted prop ("columns.name") keeps only its part of the prop, through the component's transform (TRANSFORMS).
import { deepEqual } from "./patch";
import { isComponent, type ComponentJson } from "./tree";
import { componentId } from "./tree";

/** The part of the Web Storage API used here: localStorage, sessionStorage or a page-lived map. */
export interface Area {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Where each `persistence_type` keeps its edits; null when that storage cannot be used. */
export type Areas = (type: string) => Area | null;

/** A component kind's default persisted props, or undefined when it does not persist. */
export type Defaults = (namespace: string, type: string) => readonly string[] | undefined;

/** The key prefix Dash's renderer writes too, so edits kept by an app on Dash survive its move to propwire. */
const PREFIX = "_dash_persistence.";

/** A storage that lives as long as the page: `persistence_type="memory"`, and the fallback of a broken one. */
export class MemoryArea implements Area {
  private data = new Map<string, string>();
  getItem(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.data.set(key, value);
  }
  removeItem(key: string): void {
    this.data.delete(key);
  }
}

/** JavaScript truthiness, as Dash tests `persistence`: false, 0, "" and null are off. */
const on = (persistence: unknown): boolean => Boolean(persistence);

/** How a nested persisted prop ("columns.name") is taken out of its prop, and put back into it. */
export interface Transform {
  extract(value: unknown): unknown;
  apply(stored: unknown, value: unknown): unknown;
}

/** A prop kept whole: what a component without a transform for a name gets, as in Dash. */
const WHOLE: Transform = { extract: (value) => value, apply: (stored) => stored };

/** One field of each item of a list prop (DataTable's column names); apply zips them back, as Dash's does. */
function pluck(field: string): Transform {
  return {
    extract: (value) => (Array.isArray(value) ? value.map((item) => (isObject(item) ? item[field] : undefined)) : undefined),
    apply: (stored, value) => {
      if (!Array.isArray(stored) || !Array.isArray(value)) return value;
      const n = Math.min(stored.length, value.length);
      return value.slice(0, n).map((item, i) => (isObject(item) ? { ...item, [field]: stored[i] } : item));
    },
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The components' `persistenceTransforms` (propwire/components/library_persistence.py has the same table). */
const TRANSFORMS: Record<string, Record<string, Transform>> = {
  "dash_table.DataTable": { "columns.name": pluck("name") },
};

interface Settings {
  idStr: string;
  persistence: unknown;
  props: readonly string[];
  area: Area;
  kind: string;
}

function transformOf(s: Settings, name: string): Transform {
  return (name.includes(".") && TRANSFORMS[s.kind]?.[name]) || WHOLE;
}

export class Persistence {
  constructor(private defaults: Defaults, private areas: Areas) {}

  /** How `comp` persists with these props (its own, else its kind's defaults), or null when it does not. */
  private settings(comp: ComponentJson, props: Record<string, unknown> = comp.props): Settings | null {
    const idStr = componentId(comp);
    const own = this.defaults(comp.namespace, comp.type);
    if (idStr === null || own === undefined || !on(props.persistence)) return null;
    const listed = Array.isArray(props.persisted_props) ? (props.persisted_props as string[]) : own;
    const type = typeof props.persistence_type === "string" ? props.persistence_type : "local";
    const area = this.areas(type);
    return area ? { idStr, persistence: props.persistence, props: listed, area, kind: `${comp.namespace}.${comp.type}` } : null;
  }

  /**
   * Props are about to change to `changes` (a user's edit, or, as in Dash 4.4.1, a callback's output): each
   * persisted one that differs is kept with the value it replaces (the first such value, when one is kept).
   */
  record(comp: ComponentJson, changes: Record<string, unknown>): void {
    const s = this.settings(comp);
    if (!s) return;
    // A write that also changes `persistence` is not kept under the old key.
    if (changes.persistence !== undefined && changes.persistence !== s.persistence) return;
    for (const name of s.props) {
      const prop = name.split(".")[0];
      if (changes[prop] === undefined) continue;
      const { extract } = transformOf(s, name);
      const newer = extract(changes[prop]);
      const old = comp.props[prop] === undefined ? undefined : extract(comp.props[prop]);
      if (newer === old) continue; // Dash's `!==`: a part extracted anew is always a new value
      const key = keyOf(s, name);
      const kept = read(s.area, key);
      const original = kept ? kept[1] : old;
      write(s.area, key, original === undefined ? [newer] : [newer, original]);
    }
  }

  /** The kept values `comp` takes now (its layout's value is the one they replaced); stale ones are dropped. */
  restore(comp: ComponentJson): Record<string, unknown> {
    const s = this.settings(comp);
    const update: Record<string, unknown> = {};
    if (s) for (const name of s.props) take(s, name, comp.props, update, false);
    return update;
  }

  /** Apply kept values in place through a layout (or a `children` value): components and their children. */
  restoreTree(value: unknown): void {
    if (Array.isArray(value)) return value.forEach((item) => this.restoreTree(item));
    if (!isComponent(value)) return;
    const update = this.restore(value);
    if (Object.keys(update).length) value.props = { ...value.props, ...update };
    this.restoreTree(value.props.children);
  }

  /**
   * A callback's values for one component, as Dash's renderer takes them: a change of how it persists brings
   * kept values in (or takes them out), components inserted under `children` take their kept values, and the
   * written persisted props are kept as edits (Dash 4.4.1 keeps a callback's writes too). Returns what to apply.
   */
  written(comp: ComponentJson, props: Record<string, unknown>): Record<string, unknown> {
    const changes = this.output(comp, props);
    if ("children" in changes) this.restoreTree(changes.children);
    this.record(comp, changes);
    return changes;
  }

  /**
   * A callback writes `changes` to `comp`. When that changes how it persists (`persistence`,
   * `persistence_type` or `persisted_props`), the old setting's kept values are undone and the new one's
   * applied, for the persisted props the write does not set itself: returns `changes` with those added.
   */
  output(comp: ComponentJson, changes: Record<string, unknown>): Record<string, unknown> {
    const before = this.settings(comp);
    const merged = { ...comp.props, ...changes };
    const after = this.settings(comp, merged);
    if (!before && !after) return changes;
    const moved = ["persistence", "persistence_type", "persisted_props"].some((p) => p in changes && changes[p] !== comp.props[p]);
    if (!moved) return changes;
    const untouched = (name: string) => !(name.split(".")[0] in changes);
    const update: Record<string, unknown> = {};
    if (before) for (const name of before.props.filter(untouched)) take(before, name, comp.props, update, true);
    const base = { ...comp.props, ...update };
    if (after) for (const name of after.props.filter(untouched)) take(after, name, base, update, false);
    return { ...changes, ...update };
  }
}

function keyOf(s: Settings, name: string): string {
  return `${PREFIX}${s.idStr}.${name}.${JSON.stringify(s.persistence)}`;
}

/** A kept edit: [new value] or [new value, the value it replaced]; null when none (or unreadable). */
function read(area: Area, key: string): unknown[] | null {
  let raw: string | null;
  try {
    raw = area.getItem(key);
  } catch {
    return null;
  }
  if (raw === null) return null;
  try {
    const vals = JSON.parse(raw);
    return Array.isArray(vals) && vals.length > 0 ? vals : null;
  } catch {
    return null;
  }
}

function write(area: Area, key: string, vals: unknown[]): void {
  try {
    area.setItem(key, JSON.stringify(vals));
  } catch (err) {
    console.warn(`propwire: ${key} could not be kept (${String(err)}); this edit will not persist`);
  }
}

/**
 * One kept edit against `props`: when the prop holds the value it replaced (`undo`: the kept value itself),
 * the other one goes into `update`; when it holds something else the edit is stale and is dropped.
 */
function take(s: Settings, name: string, props: Record<string, unknown>, update: Record<string, unknown>, undo: boolean): void {
  const key = keyOf(s, name);
  const kept = read(s.area, key);
  if (!kept) return;
  const [newer, original] = kept;
  const prop = name.split(".")[0];
  const { extract, apply } = transformOf(s, name);
  const from = undo ? newer : original;
  const to = undo ? original : newer;
  const held = props[prop] === undefined ? undefined : extract(props[prop]);
  // several parts of one prop each put theirs into what the others made
  if (same(from, held)) update[prop] = to === undefined ? to : apply(to, prop in update ? update[prop] : props[prop]);
  else s.area.removeItem(key);
}

/** Deep equality where an absent value equals only an absent one (JSON has no undefined). */
function same(a: unknown, b: unknown): boolean {
  if (a === undefined || b === undefined) return a === b;
  return deepEqual(a, b);
}

/** The browser's areas: local and session storage, each falling back to the page's memory when unusable. */
export function browserAreas(): Areas {
  const memory = new MemoryArea();
  const usable = new Map<string, Area>();
  return (type) => {
    if (type === "memory") return memory;
    if (type !== "local" && type !== "session") return null;
    let area = usable.get(type);
    if (!area) usable.set(type, (area = probe(type) ?? memory));
    return area;
  };
}

function probe(type: "local" | "session"): Storage | null {
  try {
    const storage = type === "local" ? window.localStorage : window.sessionStorage;
    const key = PREFIX + "x.x";
    storage.setItem(key, "x");
    storage.removeItem(key);
    return storage;
  } catch {
    console.warn(`propwire: ${type}Storage is not usable; persistence_type="${type}" is kept in memory instead`);
    return null;
  }
}
