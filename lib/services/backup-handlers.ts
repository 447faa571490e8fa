import type { Handlers } from '../messaging/router';
import type { Sender } from '../messaging/sender';
import type { BackupService } from './backup';

/** The messages of the backup service. */
export type BackupMessage = 'backup.state' | 'backup.configure' | 'backup.now';

/** The options page: no page can frame it (it is not web-accessible), and it alone asks. */
const OPTIONS_PATH = '/options.html';

/** Refuses a backup message from anything but the options page (the editor frame included). */
function fromOptionsPage(sender: Sender): void {
  if (sender.origin !== 'extension' || new URL(sender.url).pathname !== OPTIONS_PATH) {
    throw new Error('Backups are set from the options page only.');
  }
}

/** The background's side of the backup messages; without a service (tests) they are refused. */
export function createBackupHandlers(
  backup: BackupService | undefined,
): Pick<Handlers<'background'>, BackupMessage> {
  const service = (sender: Sender): BackupService => {
    fromOptionsPage(sender);
    if (!backup) throw new Error('Backups are not available in this browser.');
    return backup;
  };
  return {
    'backup.state': (_payload, sender) => service(sender).state(),
    'backup.configure': (change, sender) => service(sender).configure(change),
    'backup.now': (_payload, sender) => service(sender).runNow(),
  };
}
