// plotly.js's dist packages ship no types; the Graph uses a handful of its functions through `any`.
declare module "plotly.js-dist-min" {
  const Plotly: any;
  export default Plotly;
}
declare module "plotly.js-cartesian-dist-min" {
  const Plotly: any;
  export default Plotly;
}
