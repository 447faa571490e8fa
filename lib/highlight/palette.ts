import type { ClaimStatus, HighlightColor } from '../model';

/** Solid colours of the claim scale (labels, swatches, underlines). */
export const STATUS_COLORS: Record<ClaimStatus, string> = {
  unverified: '#64748b',
  supported: '#15803d',
  disputed: '#b45309',
  misleading: '#7e22ce',
  false: '#b91c1c',
};

/** Translucent fills of the highlight colours: text stays readable, overlaps stay visible. */
export const HIGHLIGHT_FILLS: Record<HighlightColor, string> = {
  yellow: 'rgba(255, 212, 0, 0.45)',
  green: 'rgba(52, 199, 89, 0.35)',
  blue: 'rgba(64, 156, 255, 0.35)',
  pink: 'rgba(255, 105, 180, 0.35)',
  purple: 'rgba(160, 110, 255, 0.35)',
};

/** Translucent fills of claims, by status. */
export const STATUS_FILLS: Record<ClaimStatus, string> = {
  unverified: 'rgba(100, 116, 139, 0.28)',
  supported: 'rgba(21, 128, 61, 0.28)',
  disputed: 'rgba(180, 83, 9, 0.28)',
  misleading: 'rgba(126, 34, 206, 0.28)',
  false: 'rgba(185, 28, 28, 0.28)',
};

/**
 * An annotation's look: a key for it (never shown to the page, see paint-names.ts) and its CSS
 * declarations.
 */
export function paintStyle(
  kind: 'highlight' | 'claim',
  color: HighlightColor,
  status: ClaimStatus | null,
): { look: string; css: string } {
  if (kind === 'claim') {
    const s = status ?? 'unverified';
    return {
      look: `claim-${s}`,
      css: `background-color: ${STATUS_FILLS[s]}; text-decoration: underline 2px ${STATUS_COLORS[s]}; color: inherit;`,
    };
  }
  return {
    look: `highlight-${color}`,
    css: `background-color: ${HIGHLIGHT_FILLS[color]}; color: inherit;`,
  };
}
