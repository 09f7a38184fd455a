// Printed names that do not match the national division list letter for letter but certainly
// mean one of its entries. Keys are names as they appear in normalised report text.

/** OCR and typing errors seen in real reports (template.md §5.1). */
export const TYPO_ALIASES: Readonly<Record<string, string>> = {
  沐阳县: '沭阳县',
};

/**
 * Normalisation damage: OpenCC's traditional→simplified step also runs on text that was
 * already simplified, and turns 乾 into 干. Keyed by the damaged form, so the normalised
 * text still finds the place (a test checks every division name survives normalisation).
 */
export const NORMALISATION_ALIASES: Readonly<Record<string, string>> = {
  干县: '乾县',
  干安县: '乾安县',
};

export const PLACE_ALIASES: Readonly<Record<string, string>> = {
  ...TYPO_ALIASES,
  ...NORMALISATION_ALIASES,
};
