// The language of an article body, told from the text itself (the page's lang is a hint).
export { ANALYSED_LANGUAGES } from './analysed';
export { detectLanguage, primaryLanguage, type DetectedLanguage } from './detect';
