// plotly.js's dist packages and MathJax's tex-svg script ship no types; the Graph uses them through `any`.
declare module "plotly.js-strict-dist-min" {
  const Plotly: any;
  export default Plotly;
}
declare module "plotly.js-cartesian-dist-min" {
  const Plotly: any;
  export default Plotly;
}
declare module "mathjax/es5/tex-svg.js";
