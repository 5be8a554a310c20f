// plotly.js's dist package, the cartesian bundle build.mjs makes from plotly.js's sources (an esbuild alias) and
// MathJax's tex-svg script ship no types; the Graph uses them through `any`.
declare module "plotly.js-strict-dist-min" {
  const Plotly: any;
  export default Plotly;
}
declare module "plotly-cartesian" {
  const Plotly: any;
  export default Plotly;
}
declare module "mathjax/es5/tex-svg.js";
