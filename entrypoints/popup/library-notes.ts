import type { LibraryNotes } from '@/components/library/library-notes';
import type { Client } from '@/lib/messaging/client';

/** The library's note actions, each one message to the background. */
export function libraryNotes(request: Client): LibraryNotes {
  return {
    open: (note) => request('library.open', note),
    remove: (note) => request('annotation.delete', note),
    restore: (id) => request('annotation.undoDelete', { id }),
    load: (note) => request('editor.load', note),
    save: (note, fields) => request('annotation.save', { target: note, fields }),
    async copy(note) {
      const { id, articleUrl } = await request('annotation.copy', note);
      return { id, articleUrl };
    },
    settle: (note, at, choice) => request('annotation.settle', { ...note, at, choice }),
  };
}
