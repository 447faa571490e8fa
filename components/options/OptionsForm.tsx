import { useEffect, useId, useRef, useState } from 'preact/hooks';
import * as v from 'valibot';
import {
  DEFAULT_EXPORT_SETTINGS,
  EXPORT_FORMATS,
  ExportSettingsSchema,
  REVIEWED_STATUSES,
  type ExportSettings,
} from '@/lib/model/settings';

/** Where the options are kept: the extension's local storage, or a stand-in in tests. */
export interface SettingsStore {
  load: () => Promise<ExportSettings>;
  save: (settings: ExportSettings) => Promise<void>;
}

type Draft = {
  defaultFormat: ExportSettings['defaultFormat'];
  name: string;
  organization: string;
  url: string;
  ratings: Record<(typeof REVIEWED_STATUSES)[number], { label: string; value: number }>;
};

type State =
  | { phase: 'loading' }
  | { phase: 'error'; message: string }
  | { phase: 'ready'; draft: Draft; note: { error: boolean; text: string } | null };

const STATUS_NAMES: Record<(typeof REVIEWED_STATUSES)[number], string> = {
  supported: 'Supported',
  disputed: 'Disputed',
  misleading: 'Misleading',
  false: 'False',
};

/** The formats as the popup names them. */
const FORMAT_NAMES: Record<ExportSettings['defaultFormat'], string> = {
  claimmark: 'Claimmark JSON',
  w3c: 'W3C JSON-LD',
  markdown: 'Markdown',
  csl: 'CSL-JSON',
  vault: 'Obsidian vault',
  claimreview: 'ClaimReview',
};

function draftOf(settings: ExportSettings): Draft {
  return {
    defaultFormat: settings.defaultFormat,
    name: settings.reviewer.name,
    organization: settings.reviewer.organization,
    url: settings.reviewer.url ?? '',
    ratings: { ...settings.ratings },
  };
}

/** The draft as settings, or the sentence saying what is wrong with it. */
function settingsOf(draft: Draft): { settings: ExportSettings } | { error: string } {
  const result = v.safeParse(ExportSettingsSchema, {
    reviewer: {
      name: draft.name.trim(),
      organization: draft.organization.trim(),
      url: draft.url.trim() === '' ? null : draft.url.trim(),
    },
    defaultFormat: draft.defaultFormat,
    ratings: Object.fromEntries(
      REVIEWED_STATUSES.map((s) => [
        s,
        { ...draft.ratings[s], label: draft.ratings[s].label.trim() },
      ]),
    ),
  });
  if (result.success) return { settings: result.output };
  const issue = result.issues[0];
  const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  if (path === 'reviewer.url') {
    return { error: 'Your site must be a full web address starting with https:// or http://.' };
  }
  if (path.startsWith('ratings.')) {
    return { error: 'Each status needs a label of at most 100 characters.' };
  }
  return { error: 'Names are at most 200 characters.' };
}

/** The options page: what the exports need and the reader sets once (issue 15). */
export function OptionsForm({ store }: { store: SettingsStore }) {
  const id = useId();
  const [state, setState] = useState<State>({ phase: 'loading' });
  // The draft as the last edit left it, rendered or not: Save must not miss a keystroke.
  const latest = useRef<Draft | null>(null);

  useEffect(() => {
    store.load().then(
      (settings) => {
        latest.current = draftOf(settings);
        setState({ phase: 'ready', draft: latest.current, note: null });
      },
      (error: unknown) =>
        setState({
          phase: 'error',
          message: `Your options could not be read: ${error instanceof Error ? error.message : String(error)}`,
        }),
    );
  }, [store]);

  if (state.phase === 'loading') return <p role="status">Loading your options…</p>;
  if (state.phase === 'error') return <p role="alert">{state.message}</p>;
  const { draft, note } = state;
  // From the last edit, not the last render: two edits before a render must not undo each other.
  const update = (change: (d: Draft) => Partial<Draft>) => {
    const base = latest.current ?? draft;
    const next = { ...base, ...change(base) };
    latest.current = next;
    setState({ phase: 'ready', draft: next, note: null });
  };
  const edit = (change: Partial<Draft>) => update(() => change);
  const editRating = (status: (typeof REVIEWED_STATUSES)[number], change: object) =>
    update((d) => ({ ratings: { ...d.ratings, [status]: { ...d.ratings[status], ...change } } }));

  const save = async (event: Event) => {
    event.preventDefault();
    const current = latest.current ?? draft;
    const checked = settingsOf(current);
    if ('error' in checked) {
      setState({ phase: 'ready', draft: current, note: { error: true, text: checked.error } });
      return;
    }
    try {
      await store.save({ ...checked.settings, updatedAt: new Date().toISOString() });
      setState({ phase: 'ready', draft: current, note: { error: false, text: 'Saved.' } });
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      setState({
        phase: 'ready',
        draft: current,
        note: { error: true, text: `Not saved: ${why}` },
      });
    }
  };

  return (
    <form class="options" onSubmit={(event) => void save(event)}>
      <h1>Claimmark options</h1>
      <fieldset>
        <legend>Reviewer</legend>
        <p class="options__hint">
          Named as the author of the ClaimReview export, for fact-check databases.
        </p>
        <label for={`${id}-name`}>Your name</label>
        <input
          id={`${id}-name`}
          value={draft.name}
          maxLength={200}
          onInput={(e) => edit({ name: e.currentTarget.value })}
        />
        <label for={`${id}-org`}>Organisation</label>
        <input
          id={`${id}-org`}
          value={draft.organization}
          maxLength={200}
          onInput={(e) => edit({ organization: e.currentTarget.value })}
        />
        <label for={`${id}-url`}>Your site</label>
        <input
          id={`${id}-url`}
          type="url"
          placeholder="https://"
          value={draft.url}
          onInput={(e) => edit({ url: e.currentTarget.value })}
        />
      </fieldset>
      <fieldset>
        <legend>Verdicts in ClaimReview</legend>
        <p class="options__hint">Each status's label, and its place from 1 (worst) to 5 (best).</p>
        {REVIEWED_STATUSES.map((status) => (
          <div class="options__rating" key={status}>
            <label for={`${id}-${status}`}>Label for {STATUS_NAMES[status]}</label>
            <input
              id={`${id}-${status}`}
              value={draft.ratings[status].label}
              maxLength={100}
              onInput={(e) => editRating(status, { label: e.currentTarget.value })}
            />
            <label for={`${id}-${status}-value`}>Rating of {STATUS_NAMES[status]}</label>
            <select
              id={`${id}-${status}-value`}
              value={String(draft.ratings[status].value)}
              onChange={(e) => editRating(status, { value: Number(e.currentTarget.value) })}
            >
              {[1, 2, 3, 4, 5].map((n) => (
                <option key={n} value={String(n)}>
                  {n}
                </option>
              ))}
            </select>
          </div>
        ))}
      </fieldset>
      <fieldset>
        <legend>Export</legend>
        <label for={`${id}-format`}>Default export format</label>
        <select
          id={`${id}-format`}
          value={draft.defaultFormat}
          onChange={(e) =>
            edit({ defaultFormat: e.currentTarget.value as ExportSettings['defaultFormat'] })
          }
        >
          {EXPORT_FORMATS.map((format) => (
            <option key={format} value={format}>
              {FORMAT_NAMES[format]}
            </option>
          ))}
        </select>
        <p class="options__hint">The popup offers it first.</p>
      </fieldset>
      <div class="options__buttons">
        <button type="submit" class="primary">
          Save
        </button>
        <button type="button" onClick={() => edit(draftOf(DEFAULT_EXPORT_SETTINGS))}>
          Restore the defaults
        </button>
      </div>
      {note ? (
        <p role={note.error ? 'alert' : 'status'} class={note.error ? 'error' : ''}>
          {note.text}
        </p>
      ) : null}
    </form>
  );
}
