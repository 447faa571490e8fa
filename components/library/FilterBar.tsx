import { useId } from 'preact/hooks';
import {
  ANNOTATION_KINDS,
  CLAIM_STATUSES,
  type AnnotationKind,
  type ClaimStatus,
} from '@/lib/model';
import { NO_FILTERS, type LibraryFilters } from '@/lib/library/types';
import { authorKey, authorOptions } from '@/lib/library/authors';
import type { FacetCount } from '@/lib/library/facets';
import { CLAIM_STATUS_LABELS } from '../editor/palette';

/** The values each filter offers, most used first. */
export interface FilterOptions {
  tags: string[];
  sites: string[];
  entities: string[];
  /** Notes by author ("" unsigned); the filter shows when more than the reader's own are in. */
  authors: FacetCount[];
  /** Notes with other devices' versions to settle. */
  conflicted: number;
}

interface Props {
  filters: LibraryFilters;
  options: FilterOptions;
  /** The reader's own name (sync settings), "" when unset: their notes are "me". */
  me?: string;
  onChange: (filters: LibraryFilters) => void;
}

const KINDS: readonly AnnotationKind[] = ANNOTATION_KINDS;

function one<T extends string>(value: string, allowed: readonly T[]): T[] {
  return (allowed as readonly string[]).includes(value) ? [value as T] : [];
}

function active(filters: LibraryFilters): boolean {
  return (
    filters.kinds.length + filters.statuses.length + filters.tags.length > 0 ||
    filters.sites.length + filters.entities.length > 0 ||
    filters.from !== null ||
    filters.to !== null ||
    filters.changed ||
    filters.authors.length > 0 ||
    filters.conflicts
  );
}

/** The library's filters: each narrows the list, and they combine. */
export function FilterBar({ filters, options, me = '', onChange }: Props) {
  const id = useId();
  const authors = authorOptions(options.authors, me);
  const authorLabels = new Map(authors.map((a) => [a.key, a.label]));
  const set = (change: Partial<LibraryFilters>) => onChange({ ...filters, ...change });
  const select = (
    name: string,
    label: string,
    value: string,
    values: readonly string[],
    labelOf: (value: string) => string,
    change: (value: string) => void,
  ) => (
    <div class="filter">
      <label for={`${id}-${name}`}>{label}</label>
      <select
        id={`${id}-${name}`}
        value={value}
        onChange={(event) => change(event.currentTarget.value)}
      >
        <option value="">Any</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {labelOf(v)}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <fieldset class="filters">
      <legend class="visually-hidden">Filters</legend>
      {select(
        'kind',
        'Kind',
        filters.kinds[0] ?? '',
        KINDS,
        (k) => (k === 'claim' ? 'Claims' : 'Highlights'),
        (value) => set({ kinds: one<AnnotationKind>(value, KINDS) }),
      )}
      {select(
        'status',
        'Status',
        filters.statuses[0] ?? '',
        CLAIM_STATUSES,
        (s) => CLAIM_STATUS_LABELS[s as ClaimStatus],
        (value) => set({ statuses: one<ClaimStatus>(value, CLAIM_STATUSES) }),
      )}
      {select(
        'tag',
        'Tag',
        filters.tags[0] ?? '',
        options.tags,
        (t) => `#${t}`,
        (value) => set({ tags: value ? [value] : [] }),
      )}
      {select(
        'site',
        'Site',
        filters.sites[0] ?? '',
        options.sites,
        (s) => s,
        (value) => set({ sites: value ? [value] : [] }),
      )}
      {select(
        'entity',
        'Names',
        filters.entities[0] ?? '',
        options.entities,
        (e) => e,
        (value) => set({ entities: value ? [value] : [] }),
      )}
      {authors.length > 1 || filters.authors.length > 0
        ? select(
            'author',
            'Author',
            authorKey(filters.authors, me),
            authors.map((a) => a.key),
            (key) => authorLabels.get(key) ?? key,
            (key) => set({ authors: authors.find((a) => a.key === key)?.names ?? [] }),
          )
        : null}
      <div class="filter">
        <label for={`${id}-from`}>From</label>
        <input
          id={`${id}-from`}
          type="date"
          value={filters.from ?? ''}
          onChange={(event) => set({ from: event.currentTarget.value || null })}
        />
      </div>
      <div class="filter">
        <label for={`${id}-to`}>To</label>
        <input
          id={`${id}-to`}
          type="date"
          value={filters.to ?? ''}
          onChange={(event) => set({ to: event.currentTarget.value || null })}
        />
      </div>
      <div class="filter filter--check">
        <input
          id={`${id}-changed`}
          type="checkbox"
          checked={filters.changed}
          onChange={(event) => set({ changed: event.currentTarget.checked })}
        />
        <label for={`${id}-changed`}>Changed since marked</label>
      </div>
      {options.conflicted > 0 || filters.conflicts ? (
        <div class="filter filter--check">
          <input
            id={`${id}-conflicts`}
            type="checkbox"
            checked={filters.conflicts}
            onChange={(event) => set({ conflicts: event.currentTarget.checked })}
          />
          <label for={`${id}-conflicts`}>Has conflicts</label>
        </div>
      ) : null}
      {active(filters) ? (
        <button type="button" class="link" onClick={() => onChange(NO_FILTERS)}>
          Clear filters
        </button>
      ) : null}
    </fieldset>
  );
}
