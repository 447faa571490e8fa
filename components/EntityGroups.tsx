import type { Entity, EntityType } from '@/lib/article/types';

interface Props {
  entities: Entity[];
  marked: string | null;
  onMark: (entity: Entity) => void;
}

const GROUPS: { type: EntityType; label: string }[] = [
  { type: 'person', label: 'People' },
  { type: 'place', label: 'Places' },
  { type: 'organization', label: 'Organisations' },
];

/** Entities grouped by kind, most mentioned first; pressing one marks its mentions in the page. */
export function EntityGroups({ entities, marked, onMark }: Props) {
  if (entities.length === 0) return <p class="muted">No people, places or organisations found.</p>;
  return (
    <div class="entities">
      {GROUPS.map(({ type, label }) => {
        const group = entities
          .filter((e) => e.type === type)
          .sort((a, b) => b.mentions.length - a.mentions.length || a.name.localeCompare(b.name));
        if (group.length === 0) return null;
        return (
          <section key={type} class="entities__group" aria-label={label}>
            <h4>{label}</h4>
            <ul>
              {group.map((entity) => (
                <li key={entity.name}>
                  <button
                    type="button"
                    class="chip"
                    aria-pressed={marked === entity.name}
                    title={
                      entity.aliases.length > 0 ? `Also: ${entity.aliases.join(', ')}` : undefined
                    }
                    onClick={() => onMark(entity)}
                  >
                    <span class="chip__name">{entity.name}</span>
                    <span class="chip__count" aria-label={`${entity.mentions.length} mentions`}>
                      {entity.mentions.length}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
