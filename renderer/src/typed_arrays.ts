// plotly's typed-array specs ({dtype, bdata, shape?}, as propwire/api/typed_arrays.py and plotly.py 6 send
// numeric arrays) decoded into the typed arrays plotly.js draws from.
//
// Why decode here rather than let plotly.js do it: plotly.js decodes a spec in place, hanging the decoded
// array on it (`_inputArray`), and that object then serializes back as {"0": .., "1": ..} when the figure
// is sent as State (Dash 4.4.1 does exactly this). decodeFigure copies what holds specs for plotly.js and
// leaves the store's specs as they came, so a callback reading `figure` gets back the spec it sent. Objects
// without specs are shared, not copied: plotly.js then writes the computed axis ranges (`range`,
// `autorange`) into the stored layout, as it does in Dash, whose State shows them (checked in Chromium with
// the plotly.js of plotly.py 7.1.0: a 200,000-point f8 trace decodes in ~20 ms and draws the values sent).

export type TypedArray =
  | Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array | Float32Array | Float64Array;

export interface TypedArraySpec {
  dtype: string;
  bdata: string;
  shape?: string | number[];
}

type Ctor = { new (buffer: ArrayBuffer): TypedArray; BYTES_PER_ELEMENT: number };

const CONSTRUCTORS: Record<string, Ctor> = {
  i1: Int8Array, u1: Uint8Array, i2: Int16Array, u2: Uint16Array,
  i4: Int32Array, u4: Uint32Array, f4: Float32Array, f8: Float64Array,
};

// DataView readers for a big-endian machine, where the wire's little-endian bytes need swapping.
const GETTERS: Record<string, (view: DataView, at: number) => number> = {
  i1: (v, at) => v.getInt8(at), u1: (v, at) => v.getUint8(at),
  i2: (v, at) => v.getInt16(at, true), u2: (v, at) => v.getUint16(at, true),
  i4: (v, at) => v.getInt32(at, true), u4: (v, at) => v.getUint32(at, true),
  f4: (v, at) => v.getFloat32(at, true), f8: (v, at) => v.getFloat64(at, true),
};

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export function isTypedArraySpec(value: unknown): value is TypedArraySpec {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  return typeof v.bdata === "string" && typeof v.dtype === "string" && v.dtype in CONSTRUCTORS;
}

function base64Bytes(text: string): ArrayBuffer {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes.buffer;
}

function shapeOf(spec: TypedArraySpec): number[] {
  const { shape } = spec;
  if (shape === undefined || shape === "") return [];
  const dims = Array.isArray(shape) ? shape : String(shape).split(",").map((part) => Number(part.trim()));
  if (dims.some((n) => !Number.isInteger(n) || n < 0)) throw new Error(`typed array: bad shape ${JSON.stringify(shape)}`);
  return dims;
}

function flat(spec: TypedArraySpec): TypedArray {
  const Make = CONSTRUCTORS[spec.dtype];
  const buffer = base64Bytes(spec.bdata);
  if (buffer.byteLength % Make.BYTES_PER_ELEMENT !== 0) {
    throw new Error(`typed array: ${buffer.byteLength} bytes is not a whole number of ${spec.dtype} values`);
  }
  if (LITTLE_ENDIAN || Make.BYTES_PER_ELEMENT === 1) return new Make(buffer);
  const out = new Make(new ArrayBuffer(buffer.byteLength));
  const view = new DataView(buffer);
  for (let i = 0; i < out.length; i++) out[i] = GETTERS[spec.dtype](view, i * Make.BYTES_PER_ELEMENT);
  return out;
}

// Rows of a C-ordered array as subarrays (views, no copies): a 2-D `z` becomes the array of rows plotly.js
// reads for heatmaps and surfaces.
function nest(values: TypedArray, dims: number[], offset: number): TypedArray | unknown[] {
  if (dims.length === 1) return values.subarray(offset, offset + dims[0]);
  const step = dims.slice(1).reduce((a, b) => a * b, 1);
  const rows: unknown[] = [];
  for (let i = 0; i < dims[0]; i++) rows.push(nest(values, dims.slice(1), offset + i * step));
  return rows;
}

/** The typed array a spec holds; with a shape of 2+ dimensions, nested arrays of row views. */
export function decodeTypedArray(spec: TypedArraySpec): TypedArray | unknown[] {
  const values = flat(spec);
  const dims = shapeOf(spec);
  if (dims.length <= 1) {
    if (dims.length === 1 && dims[0] !== values.length) throw new Error(`typed array: shape ${dims[0]} but ${values.length} values`);
    return values;
  }
  const size = dims.reduce((a, b) => a * b, 1);
  if (size !== values.length) throw new Error(`typed array: shape ${dims.join("x")} but ${values.length} values`);
  return nest(values, dims, 0);
}

// Each spec object decodes once: a Patch keeps the traces it does not touch (patch.ts copies along its path
// only), so their arrays keep their identity and Plotly.react, which compares data arrays by reference, does
// not recompute them.
const decodedSpecs = new WeakMap<object, TypedArray | unknown[]>();

function decodedOnce(spec: TypedArraySpec): TypedArray | unknown[] {
  let out = decodedSpecs.get(spec);
  if (out === undefined) decodedSpecs.set(spec, (out = decodeTypedArray(spec)));
  return out;
}

/** A copy of `value` (a figure, a trace, an extendData payload) with every spec decoded. Objects without
 *  specs are returned as they are, so an unchanged layout keeps its identity. */
export function decodeFigure<T>(value: T): T {
  if (isTypedArraySpec(value)) return decodedOnce(value) as unknown as T;
  if (Array.isArray(value)) {
    // a long list of numbers holds no specs: judged by its first item, as the server encoder does
    if (value.length === 0 || value[0] === null || typeof value[0] !== "object") return value;
    let changed = false;
    const out = value.map((item) => {
      const decoded = decodeFigure(item);
      if (decoded !== item) changed = true;
      return decoded;
    });
    return (changed ? out : value) as unknown as T;
  }
  if (value === null || typeof value !== "object" || ArrayBuffer.isView(value)) return value;
  let changed = false;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    const decoded = decodeFigure(item);
    if (decoded !== item) changed = true;
    out[key] = decoded;
  }
  return (changed ? out : value) as T;
}

// A Patch's list operation on a spec (patch.ts) works on its values and makes a new spec, by the rule
// propwire/api/typed_arrays.py's spec_of_values follows, so the browser, the engine and the headless client agree.

const INT_RANGES: Record<string, [number, number]> = {
  i1: [-(2 ** 7), 2 ** 7 - 1], u1: [0, 2 ** 8 - 1], i2: [-(2 ** 15), 2 ** 15 - 1], u2: [0, 2 ** 16 - 1],
  i4: [-(2 ** 31), 2 ** 31 - 1], u4: [0, 2 ** 32 - 1],
};

/** The values of a spec as a plain (nested, for a 2-D shape) array; the decoded array is the cached one. */
export function specValues(spec: TypedArraySpec): unknown[] {
  const decoded = decodedOnce(spec);
  const plain = (v: unknown): unknown[] => (ArrayBuffer.isView(v) ? Array.from(v as TypedArray) : (v as unknown[]).map(plain));
  return plain(decoded);
}

function fits(value: unknown, dtype: string): boolean {
  if (typeof value !== "number") return false;
  if (dtype === "f8") return true;
  if (dtype === "f4") return Number.isNaN(value) || Math.fround(value) === value;
  const [low, high] = INT_RANGES[dtype];
  return Number.isInteger(value) && value >= low && value <= high;
}

function base64Of(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** `values` as a 1-D spec of `dtype` when every one fits it exactly, else of f8 when all are numbers, else
 *  the array itself. The new spec's typed array is cached, so drawing it decodes nothing. */
export function specOfValues(values: unknown[], dtype: string): TypedArraySpec | unknown[] {
  if (!values.every((v) => fits(v, dtype))) {
    if (!values.every((v) => fits(v, "f8"))) return values;
    dtype = "f8";
  }
  const Make = CONSTRUCTORS[dtype];
  const typed = new Make(new ArrayBuffer(values.length * Make.BYTES_PER_ELEMENT));
  typed.set(values as number[]);
  const bytes = new Uint8Array(typed.buffer);
  if (!LITTLE_ENDIAN && Make.BYTES_PER_ELEMENT > 1) {
    for (let i = 0; i < bytes.length; i += Make.BYTES_PER_ELEMENT) bytes.subarray(i, i + Make.BYTES_PER_ELEMENT).reverse();
  }
  const spec = { dtype, bdata: base64Of(bytes) };
  if (LITTLE_ENDIAN || Make.BYTES_PER_ELEMENT === 1) decodedSpecs.set(spec, typed);
  return spec;
}
