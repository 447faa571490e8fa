import { useEffect, useState } from 'preact/hooks';
import type { EditorData } from '@/lib/model';
import type { Async } from '../async';
import type { EditorValue } from './types';

/** Where an editor's note comes from and goes to: the background, as each host wires it. */
export interface NoteSource {
  load(): Promise<EditorData>;
  save(fields: EditorValue): Promise<void>;
  remove(): Promise<void>;
  restore(): Promise<void>;
  /** Copies another reader's note to the reader's own (the library only). */
  copy?(): Promise<void>;
  /** Keeps or dismisses another device's version of the note (the library only). */
  settle?(at: string, choice: 'keep' | 'dismiss'): Promise<void>;
}

/** What a host renders: the note as loaded, whether it is still unsaved, and its actions. */
export interface NoteEditorState {
  data: Async<EditorData>;
  /** True until the first save of a note that was a selection when the editor opened. */
  isNew: boolean;
  save: (fields: EditorValue) => Promise<void>;
  /** Loads the note again (after a conflict was settled); `loads` counts the loads. */
  reload: () => void;
  loads: number;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Loads a note for an editor and keeps its state: both editor hosts (the page's frame and the
 * popup's library) use it. A null source is an address that names no note.
 */
export function useNoteEditor(source: NoteSource | null): NoteEditorState {
  const [data, setData] = useState<Async<EditorData>>({ status: 'loading' });
  const [saved, setSaved] = useState(false);
  const [loads, setLoads] = useState(0);
  useEffect(() => {
    if (!source) {
      setData({ status: 'error', error: 'No note to edit.' });
      return;
    }
    // A source replaced before its note arrived (another note opened) must not show the old one.
    let current = true;
    setData({ status: 'loading' });
    setSaved(false);
    source.load().then(
      (value) => current && setData({ status: 'ready', value }),
      (error: unknown) => current && setData({ status: 'error', error: errorText(error) }),
    );
    return () => {
      current = false;
    };
  }, [source, loads]);
  return {
    data,
    isNew: data.status === 'ready' && data.value.isNew && !saved,
    async save(fields) {
      if (!source) return;
      await source.save(fields);
      setSaved(true);
    },
    reload: () => setLoads((n) => n + 1),
    loads,
  };
}
