import type { ClaimStatus, HighlightColor } from './types';

/** What the reader reads for each claim status. */
export const CLAIM_STATUS_LABELS: Readonly<Record<ClaimStatus, string>> = {
  unverified: 'Unverified',
  supported: 'Supported',
  disputed: 'Disputed',
  misleading: 'Misleading',
  false: 'False',
};

/** The colour of each claim status (claims are drawn in their status's colour, not the reader's). */
export const STATUS_COLORS: Readonly<Record<ClaimStatus, string>> = {
  unverified: '#64748b',
  supported: '#15803d',
  disputed: '#b45309',
  misleading: '#7e22ce',
  false: '#b91c1c',
};

/** What the reader reads for each highlight colour. */
export const HIGHLIGHT_COLOR_LABELS: Readonly<Record<HighlightColor, string>> = {
  yellow: 'Yellow',
  green: 'Green',
  blue: 'Blue',
  pink: 'Pink',
  purple: 'Purple',
};

/**
 * Hex of each highlight colour: light tints, so black page text stays readable on them.
 * (Not lib/model's HIGHLIGHT_COLORS, which lists the colour names in order.)
 */
export const HIGHLIGHT_COLORS: Readonly<Record<HighlightColor, string>> = {
  yellow: '#fde047',
  green: '#86efac',
  blue: '#93c5fd',
  pink: '#f9a8d4',
  purple: '#d8b4fe',
};
