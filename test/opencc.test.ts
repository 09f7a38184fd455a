import { describe, expect, it } from 'vitest';
import { convertibleCharacters } from '../lib/text/opencc';
import { TRADITIONAL_CHARS } from '../lib/text/traditional-chars';

describe('the generated set of traditional characters', () => {
  it('is what the installed opencc-js converts (regenerate with scripts/gen-traditional-chars.ts)', () => {
    expect(TRADITIONAL_CHARS).toBe(convertibleCharacters());
  });
});
