// plotly.js-basic-dist-min has no type declarations; loadPlotly.ts describes what is used.
declare module 'plotly.js-basic-dist-min' {
  const plotly: unknown;
  export default plotly;
}
