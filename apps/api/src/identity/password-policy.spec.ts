import { isCommonPassword, passwordProblems } from './password-policy';
import { DEMO_PASSWORD } from './demo-school';

const reasons = (password: string, username = 'clerk') => passwordProblems(password, username).map((p) => p.message);

/** ASVS 6.2: length 12..128 in characters, not the username, not on the bundled list of common passwords. */
describe('password policy', () => {
  it('accepts long passphrases in any script, the demo password included', () => {
    expect(reasons(DEMO_PASSWORD)).toEqual([]);
    expect(reasons('Ала-Тоо тоолору 2026')).toEqual([]);
    expect(reasons('ң'.repeat(12) + 'ө')).toEqual([]);
  });

  it('counts characters, not UTF-16 units: 12 Kyrgyz letters are enough, 11 emoji are not', () => {
    expect(reasons('үңөүңөүңөүңө')).toEqual([]);
    expect(reasons('🔒'.repeat(11))).toEqual(['must have at least 12 characters']);
  });

  it('refuses too short, too long, the username (also school-qualified), and common passwords, naming each', () => {
    expect(reasons('Жаз 7 ай')).toEqual(['must have at least 12 characters']);
    expect(reasons('a'.repeat(129) + 'Z')).toEqual(['must have at most 128 characters']);
    expect(reasons('records.clerk', 'Records.Clerk')).toEqual(['must not be the username']);
    expect(reasons('records.clerk', 'records.clerk@sch35')).toEqual(['must not be the username']);
    expect(reasons('1qaz2wsx3edc')).toEqual(['is a commonly used password']);
    expect(reasons('QWERTYUIOP123')).toEqual(['is a commonly used password']);
  });

  it('the bundled list is the large one (tens of thousands), compared without case', () => {
    expect(isCommonPassword('Password')).toBe(true);
    expect(isCommonPassword('correct horse battery staple kyrgyz')).toBe(false);
  });
});
