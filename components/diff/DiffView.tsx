import type { ComponentChildren } from 'preact';
import type { DiffItem, DiffModel } from '@/lib/versions/diff-view';

interface Props {
  model: DiffModel;
}

function mark(marked: boolean, children: ComponentChildren) {
  return marked ? <mark class="diff__mark">{children}</mark> : children;
}

function item(i: DiffItem, key: number) {
  if (i.kind === 'gap') {
    return (
      <span key={key} class="diff__gap">
        {` … ${i.chars.toLocaleString('en')} unchanged characters … `}
      </span>
    );
  }
  if (i.kind === 'removed') {
    return (
      <del key={key} class="diff__del">
        {mark(i.marked, i.text)}
      </del>
    );
  }
  if (i.kind === 'added') {
    return (
      <ins key={key} class="diff__ins">
        {mark(i.marked, i.text)}
      </ins>
    );
  }
  return <span key={key}>{mark(i.marked, i.text)}</span>;
}

/** Two versions of a story inline, word by word: deletions struck, insertions underlined. */
export function DiffView({ model }: Props) {
  if (model.removed + model.added === 0) {
    return <p class="muted">No differences between these two versions.</p>;
  }
  return (
    <div class="diff" aria-label="What changed">
      {model.items.map(item)}
    </div>
  );
}
