import type { LibraryQuery, LibraryResult } from '@/lib/library/types';
import { ExchangePanel } from './ExchangePanel';
import { exportRequest, type LibraryExchange } from './library-exchange';

interface Props {
  exchange: LibraryExchange;
  /** What the list shows now, and the query that listed it, for exporting "the current list". */
  shown: LibraryResult;
  query: LibraryQuery;
  /** Whether "the current list" is offered: a search or filter narrowed the indexed library. */
  offerResult: boolean;
  /** The key of the popup's article, and whether it is in the library (else not offered). */
  currentArticle: string | null;
  articleListed: boolean;
}

/** Export and import beside the library list. */
export function LibraryTools(props: Props) {
  const { exchange, shown, query, currentArticle } = props;
  return (
    <ExchangePanel
      resultCount={props.offerResult ? shown.annotationCount : null}
      currentArticle={props.articleListed ? currentArticle : null}
      exportAs={(scope, format, options) => {
        const { selection, described } = exportRequest(scope, currentArticle, shown, query);
        return exchange.exportAs(selection, described, format, options);
      }}
      previewImport={exchange.previewImport}
      applyImport={exchange.applyImport}
      openOptions={exchange.openOptions}
      preferredFormat={exchange.preferredFormat}
    />
  );
}
