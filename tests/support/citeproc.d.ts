// citeproc-js ships no types; the tests use this much of it.
declare module 'citeproc' {
  interface Sys {
    retrieveLocale(lang: string): string;
    retrieveItem(id: string): unknown;
  }
  interface BibliographyMeta {
    entry_ids: string[][];
    bibliography_errors: unknown[];
  }
  interface Engine {
    updateItems(ids: string[]): void;
    makeBibliography(): [BibliographyMeta, string[]] | false;
  }
  const CSL: { Engine: new (sys: Sys, style: string) => Engine };
  export default CSL;
}
