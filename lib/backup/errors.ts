// The browser says why a download stopped with a reason code (Chromium's and Firefox's
// InterruptReason); the reader is told what happened and what to do, in a sentence.

const AFTER = 'Your library is unchanged, and so are earlier backups.';

const REASONS: Record<string, string> = {
  FILE_NO_SPACE:
    'Your disk is full: the backup could not be written. Free some space and try again.',
  FILE_TOO_LARGE: 'The backup is larger than your downloads folder accepts.',
  FILE_ACCESS_DENIED: 'Claimmark may not write to your downloads folder (access was denied).',
  FILE_NAME_TOO_LONG: 'Your downloads folder is too deep for the backup’s file name.',
  FILE_BLOCKED: 'Your browser or system blocked the backup’s file.',
  FILE_VIRUS_INFECTED: 'A virus scanner removed the backup’s file.',
  FILE_SECURITY_CHECK_FAILED: 'A security check on the backup’s file failed.',
  FILE_TRANSIENT_ERROR: 'Writing the backup failed for a moment; try again.',
  USER_CANCELED: 'The backup’s download was cancelled.',
  USER_SHUTDOWN: 'The browser closed before the backup was written.',
  CRASH: 'The browser stopped before the backup was written.',
};

/** A sentence for the reader saying why a backup's download stopped, from the browser's reason. */
export function describeDownloadError(reason: string | undefined): string {
  const known = reason === undefined ? undefined : REASONS[reason];
  const what =
    known ??
    `The backup could not be written to your downloads folder${reason ? ` (${reason})` : ''}.`;
  return `${what} ${AFTER}`;
}

/** The sentence for a backup the browser does not let Claimmark download. */
export const NO_DOWNLOADS_PERMISSION =
  'Claimmark may not save files to your downloads folder. Turn automatic backups off and on again, or press “Back up now”, and allow it.';
