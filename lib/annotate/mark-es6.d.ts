/**
 * mark.js's ES2015 build, the same library and version as its default entry (`dist/mark.js`):
 * native classes, where the default's Babel helpers define each class's methods one by one as the
 * page tools load (0.7 ms of a fresh page's first pass), and a quarter smaller.
 */
declare module 'mark.js/dist/mark.es6.js' {
  import Mark from 'mark.js';
  export default Mark;
}
