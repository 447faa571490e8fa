import type { ClaimmarkDatabase } from './database';

/**
 * Signs the reader's notes with the name they now use: notes signed with the name this device
 * last signed with take the new one, in one transaction, and the new name is remembered. So
 * renaming yourself in Options keeps your notes yours (editable here, and named as yours on a
 * shared server, where the change travels as an edit). A name cleared re-signs nothing: new
 * notes go unsigned, and the notes signed before keep their name until another is set.
 * Returns how many notes were signed again.
 */
export function adoptSignature(db: ClaimmarkDatabase, name: string): Promise<number> {
  const to = name.trim();
  return db.transaction('rw', db.notes, db.syncMeta, async () => {
    const row = await db.syncMeta.get('signedAs');
    const from = row?.key === 'signedAs' ? row.name : null;
    if (to === '' || from === to) return 0;
    let signed = 0;
    // The first name this device learns has nothing before it to take over.
    if (from !== null && from !== '') {
      await db.notes.toCollection().modify((notes) => {
        for (const note of notes.items) {
          if (note.author !== from) continue;
          note.author = to;
          signed++;
        }
      });
    }
    await db.syncMeta.put({ key: 'signedAs', name: to });
    return signed;
  });
}
