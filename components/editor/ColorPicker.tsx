import { useId } from 'preact/hooks';
import { HIGHLIGHT_COLORS } from '@/lib/model';
import { HIGHLIGHT_COLOR_LABELS, HIGHLIGHT_SWATCHES } from './palette';
import type { HighlightColor } from './types';

interface Props {
  value: HighlightColor;
  onChange: (color: HighlightColor) => void;
}

/** A highlight's colour as native radios drawn as swatches; the names stay for screen readers. */
export function ColorPicker({ value, onChange }: Props) {
  const name = useId();
  return (
    <fieldset class="editor__field editor__colors">
      <legend>Colour</legend>
      {HIGHLIGHT_COLORS.map((color) => (
        <label key={color} class="editor__color" title={HIGHLIGHT_COLOR_LABELS[color]}>
          <input
            type="radio"
            class="editor__sr-only"
            name={name}
            value={color}
            checked={value === color}
            onChange={() => onChange(color)}
          />
          <span class="editor__swatch" style={{ background: HIGHLIGHT_SWATCHES[color] }} />
          <span class="editor__sr-only">{HIGHLIGHT_COLOR_LABELS[color]}</span>
        </label>
      ))}
    </fieldset>
  );
}
