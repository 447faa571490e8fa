import type { ComponentChildren } from 'preact';

interface Props {
  kind: 'loading' | 'empty' | 'error';
  children: ComponentChildren;
}

/** A loading, empty or error state, announced to screen readers. */
export function StatusMessage({ kind, children }: Props) {
  return (
    <div
      class={`status status--${kind}`}
      role={kind === 'error' ? 'alert' : 'status'}
      aria-busy={kind === 'loading' ? true : undefined}
    >
      {children}
    </div>
  );
}
