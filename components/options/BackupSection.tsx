import type { TargetedEvent } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import * as v from 'valibot';
import { nextDue } from '@/lib/backup/schedule';
import {
  BACKUP_DAYS,
  EveryDaysSchema,
  type BackupChange,
  type BackupState,
} from '@/lib/model/backup';

/** What the section asks the browser and the background; the options page wires it. */
export interface BackupControls {
  /** Asks for the downloads permission; must be called inside the reader's click. */
  requestPermission: () => Promise<boolean>;
  state: () => Promise<BackupState>;
  configure: (change: BackupChange) => Promise<BackupState>;
  backUpNow: () => Promise<BackupState>;
}

type Note = { error: boolean; text: string } | null;

type View =
  | { phase: 'loading' }
  | { phase: 'error'; message: string }
  | { phase: 'ready'; state: BackupState; days: string; busy: 'saving' | 'backing up' | null };

const REFUSED_ON =
  'Automatic backups stay off: Claimmark needs your permission to save files in your downloads folder, and it was not given.';
const REFUSED_NOW =
  'No backup was made: Claimmark needs your permission to save files in your downloads folder, and it was not given.';

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A time in the reader's words: "3 May 2026, 10:02". */
function when(iso: string | Date): string {
  const date = typeof iso === 'string' ? new Date(iso) : iso;
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** The status line: the last backup, or why the last attempt failed, and the next one. */
function statusText(state: BackupState, now: Date): string {
  const done =
    state.lastBackupAt === null
      ? 'No backup yet.'
      : `Last backup: ${when(state.lastBackupAt)}, saved as ${state.lastFile ?? 'a file'} in your downloads folder.`;
  const failed = state.lastError === null ? '' : `The last attempt failed: ${state.lastError} `;
  const due = nextDue(state, now);
  const next =
    due === null
      ? ''
      : due.getTime() <= now.getTime()
        ? ' The next automatic backup is made within the hour.'
        : ` Next automatic backup: ${when(due)}.`;
  return `${failed}${done}${next}`;
}

/** The options page's backups: on or off, how often, "Back up now", and how the last one went. */
export function BackupSection({ controls }: { controls: BackupControls }) {
  const id = useId();
  const [view, setView] = useState<View>({ phase: 'loading' });
  const [note, setNote] = useState<Note>(null);
  // A second click while one request runs would race it; the latest view is read from here.
  const current = useRef<View>(view);
  const show = (next: View) => {
    current.current = next;
    setView(next);
  };

  useEffect(() => {
    controls.state().then(
      (state) => show({ phase: 'ready', state, days: String(state.everyDays), busy: null }),
      (error: unknown) =>
        show({
          phase: 'error',
          message: `Your backup settings could not be read: ${reason(error)}`,
        }),
    );
  }, [controls]);

  if (view.phase === 'loading') return <p role="status">Loading your backup settings…</p>;
  if (view.phase === 'error') {
    return (
      <p role="alert" class="error">
        {view.message}
      </p>
    );
  }

  /**
   * Runs one request at a time, showing it busy, then the state it returns or why it failed.
   * `expected` is shown meanwhile (a ticked box stays ticked while it is being stored).
   */
  const act = (
    busy: 'saving' | 'backing up',
    work: () => Promise<BackupState | Note>,
    expected: Partial<BackupState> = {},
  ) => {
    const before = current.current;
    if (before.phase !== 'ready' || before.busy !== null) return;
    show({ ...before, state: { ...before.state, ...expected }, busy });
    setNote(null);
    const settle = (note: Note) => {
      const latest = current.current.phase === 'ready' ? current.current : before;
      show({ ...latest, state: before.state, busy: null });
      setNote(note);
    };
    work().then(
      (outcome) => {
        if (outcome !== null && 'enabled' in outcome) {
          show({ phase: 'ready', state: outcome, days: String(outcome.everyDays), busy: null });
        } else settle(outcome);
      },
      (error: unknown) => settle({ error: true, text: `Not done: ${reason(error)}` }),
    );
  };

  const toggle = (event: TargetedEvent<HTMLInputElement>) => {
    const box = event.currentTarget;
    const on = box.checked;
    const latest = current.current;
    if (latest.phase !== 'ready' || latest.busy !== null) {
      // Aria-disabled, not disabled, so the box keeps the keyboard's focus: undo the click here.
      box.checked = !on;
      return;
    }
    if (!on) {
      act('saving', () => controls.configure({ enabled: false }), { enabled: false });
      return;
    }
    // The permission prompt needs the reader's click: asked before anything else is awaited.
    const granted = controls.requestPermission();
    act(
      'saving',
      async () => {
        if (!(await granted.catch(() => false))) return { error: true, text: REFUSED_ON };
        return controls.configure({ enabled: true });
      },
      { enabled: true },
    );
  };

  // Read from the field itself: its change event can come before the render of its last input.
  const saveDays = (typed: string) => {
    const latest = current.current;
    if (latest.phase !== 'ready') return;
    if (latest.days !== typed) show({ ...latest, days: typed });
    const days = v.safeParse(EveryDaysSchema, Number(typed));
    if (typed.trim() === '' || !days.success) {
      setNote({
        error: true,
        text: `Choose a whole number of days from ${String(BACKUP_DAYS.min)} to ${String(BACKUP_DAYS.max)}.`,
      });
      return;
    }
    if (days.output === latest.state.everyDays) {
      setNote(null);
      return;
    }
    act('saving', () => controls.configure({ everyDays: days.output }));
  };

  const backUpNow = () => {
    const granted = controls.requestPermission();
    act('backing up', async () => {
      if (!(await granted.catch(() => false))) return { error: true, text: REFUSED_NOW };
      return controls.backUpNow();
    });
  };

  const { state, days, busy } = view;
  return (
    <section class="options" aria-labelledby={`${id}-title`} aria-busy={busy !== null}>
      <fieldset>
        <legend id={`${id}-title`}>Backups</legend>
        <p class="options__hint">
          A Claimmark JSON file of your whole library, saved in the claimmark-backups folder of your
          downloads folder. No server is involved.
        </p>
        <div class="options__check">
          <input
            type="checkbox"
            id={`${id}-on`}
            checked={state.enabled}
            onChange={toggle}
            aria-disabled={busy !== null}
          />
          <label for={`${id}-on`}>Back up automatically</label>
        </div>
        <label for={`${id}-days`}>Every how many days</label>
        <input
          id={`${id}-days`}
          type="number"
          inputMode="numeric"
          min={BACKUP_DAYS.min}
          max={BACKUP_DAYS.max}
          step={1}
          value={days}
          onInput={(e) => {
            const latest = current.current;
            if (latest.phase === 'ready') show({ ...latest, days: e.currentTarget.value });
          }}
          onChange={(e) => saveDays(e.currentTarget.value)}
        />
        <div class="options__buttons">
          <button
            type="button"
            aria-disabled={busy !== null}
            onClick={() => {
              if (busy === null) backUpNow();
            }}
          >
            Back up now
          </button>
        </div>
        <p role="status" class="options__backup-status">
          {busy === 'backing up'
            ? 'Backing up…'
            : busy === 'saving'
              ? 'Saving…'
              : statusText(state, new Date())}
        </p>
        {note ? (
          <p role={note.error ? 'alert' : 'status'} class={note.error ? 'error' : ''}>
            {note.text}
          </p>
        ) : null}
      </fieldset>
    </section>
  );
}
