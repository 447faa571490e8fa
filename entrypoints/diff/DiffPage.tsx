import { useEffect, useState } from 'preact/hooks';
import type { Async } from '@/components/async';
import { DiffView } from '@/components/diff/DiffView';
import { StatusMessage } from '@/components/StatusMessage';
import type { ClaimmarkDatabase } from '@/lib/storage/database';
import { loadDiff, type LoadedDiff } from '@/lib/storage/load-diff';
import type { VersionMeta } from '@/lib/storage/versions';
import { encodeDiffAddress, type DiffAddress } from '@/lib/versions/diff-address';

interface Props {
  db: ClaimmarkDatabase;
  address: DiffAddress | null;
}

function describeVersion(v: VersionMeta): string {
  const seen = new Date(v.seenAt).toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short' });
  return `Version ${String(v.n)}, read ${seen}`;
}

/** One end of the comparison: a version picked from the story's stored ones. */
function VersionSelect(props: {
  label: string;
  versions: VersionMeta[];
  value: number;
  onPick: (n: number) => void;
}) {
  const { label, versions, value, onPick } = props;
  return (
    <label>
      {label}{' '}
      <select value={value} onChange={(e) => onPick(Number(e.currentTarget.value))}>
        {versions.map((v) => (
          <option key={v.n} value={v.n}>
            {describeVersion(v)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The diff page: which story, which two versions, and what changed between them. */
export function DiffPage({ db, address }: Props) {
  const [state, setState] = useState<Async<LoadedDiff>>({ status: 'loading' });
  useEffect(() => {
    if (!address) {
      setState({ status: 'error', error: 'This page names no story to compare.' });
      return;
    }
    loadDiff(db, address).then(
      (value) => setState({ status: 'ready', value }),
      (error: unknown) =>
        setState({
          status: 'error',
          error: error instanceof Error ? error.message : String(error),
        }),
    );
  }, [db, address]);
  if (state.status === 'loading')
    return <StatusMessage kind="loading">Comparing the versions…</StatusMessage>;
  if (state.status === 'error') return <StatusMessage kind="error">{state.error}</StatusMessage>;
  const { versions, from, to, before, after, model } = state.value;
  const go = (next: Partial<DiffAddress>) => {
    if (!address) return;
    location.search = encodeDiffAddress({ ...address, from: from.n, to: to.n, ...next });
  };
  return (
    <main class="diff-page">
      <h1>{after.headline ?? before.headline ?? address?.articleUrl}</h1>
      <p class="diff-page__url">{address?.articleUrl}</p>
      <form class="diff-page__versions" onSubmit={(e) => e.preventDefault()}>
        <VersionSelect
          label="From"
          versions={versions}
          value={from.n}
          onPick={(n) => go({ from: n })}
        />
        <VersionSelect label="to" versions={versions} value={to.n} onPick={(n) => go({ to: n })} />
      </form>
      <p class="diff-page__summary" role="status">
        {model.removed.toLocaleString('en')} characters deleted, {model.added.toLocaleString('en')}{' '}
        inserted.{' '}
        <span class="diff-page__legend">
          <del>Deleted</del> <ins>inserted</ins> <mark>your marks</mark>
        </span>
      </p>
      <DiffView model={model} />
    </main>
  );
}
