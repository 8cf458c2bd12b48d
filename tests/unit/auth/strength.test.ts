import { describe, expect, it } from 'vitest';
import { checkPasswordStrength } from '../../../src/auth/strength.js';

describe('password strength (zxcvbn in its worker thread)', () => {
  it('refuses a repeated letter and names the repeat', async () => {
    expect(await checkPasswordStrength('aaaaaaaaaa', [])).toEqual({ score: 0, warning: 'simpleRepeat' });
  });

  it('refuses common Indonesian passwords', async () => {
    const weak = await checkPasswordStrength('rahasia123', []);
    expect(weak?.score).toBeLessThan(3);
  });

  it("refuses a password built on the user's own name", async () => {
    expect(await checkPasswordStrength('sitirahma2026', ['Siti Rahma'])).not.toBeNull();
    expect(await checkPasswordStrength('sitirahma2026', [])).toBeNull();
  });

  it('accepts a long passphrase and answers many checks at once', async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => checkPasswordStrength(`kuda baterai staples ${i} benar`, [])),
    );
    expect(answers.every((a) => a === null)).toBe(true);
  });
});
