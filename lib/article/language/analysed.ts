/**
 * The languages whose names and dates Claimmark recognises in a body's text: the entity model
 * was trained on English news and the date rules are English.
 */
export const ANALYSED_LANGUAGES: readonly string[] = ['en'];
