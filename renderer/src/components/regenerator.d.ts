// regenerator-runtime ships no types: its module is the runtime object (mark, wrap, awrap, async, ...).
declare module "regenerator-runtime/runtime.js" {
  const runtime: unknown;
  export default runtime;
}
