import type { ClaimStatus, HighlightColor } from './types';

/** What the reader reads for each claim status. */
export const CLAIM_STATUS_LABELS: Readonly<Record<ClaimStatus, string>> = {
  unverified: 'Unverified',
  supported: 'Supported',
  disputed: 'Disputed',
  misleading: 'Misleading',
  false: 'False',
};

// One source for the claim colours: the page's highlights use the same ones.
export { STATUS_COLORS } from '@/lib/highlight/palette';

/** What the reader reads for each highlight colour. */
export const HIGHLIGHT_COLOR_LABELS: Readonly<Record<HighlightColor, string>> = {
  yellow: 'Yellow',
  green: 'Green',
  blue: 'Blue',
  pink: 'Pink',
  purple: 'Purple',
};

/** Swatch of each highlight colour: light tints, so black page text stays readable on them. */
export const HIGHLIGHT_SWATCHES: Readonly<Record<HighlightColor, string>> = {
  yellow: '#fde047',
  green: '#86efac',
  blue: '#93c5fd',
  pink: '#f9a8d4',
  purple: '#d8b4fe',
};
