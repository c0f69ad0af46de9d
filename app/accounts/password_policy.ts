/**
 * Password policy of QĐ 380 Đ8.3.b (SPEC §2): at least 8 characters with an upper-case letter,
 * a lower-case letter and a special character. Returns the rules that fail (each has its own validation message).
 */
export const PASSWORD_MIN_LENGTH = 8

export type PasswordRule =
  'password_length' | 'password_upper' | 'password_lower' | 'password_special'

export function passwordPolicyFailures(password: string): PasswordRule[] {
  const failures: PasswordRule[] = []
  if (password.length < PASSWORD_MIN_LENGTH) failures.push('password_length')
  if (!/\p{Lu}/u.test(password)) failures.push('password_upper')
  if (!/\p{Ll}/u.test(password)) failures.push('password_lower')
  if (!/[^\p{L}\p{N}\s]/u.test(password)) failures.push('password_special')
  return failures
}

/** A temporary password that satisfies the policy, for new accounts and admin resets. */
export function generateTemporaryPassword(): string {
  const upper = 'ABCDEFGHJKLMNPQRSTUVWXYZ'
  const lower = 'abcdefghijkmnpqrstuvwxyz'
  const digits = '23456789'
  const special = '@#$%&*!?'
  const pick = (set: string) => set[crypto.getRandomValues(new Uint32Array(1))[0] % set.length]
  const chars = [pick(upper), pick(lower), pick(special), pick(digits)]
  const all = upper + lower + digits + special
  while (chars.length < 12) chars.push(pick(all))
  // Shuffle so that the classes do not sit in fixed positions.
  for (let i = chars.length - 1; i > 0; i--) {
    const j = crypto.getRandomValues(new Uint32Array(1))[0] % (i + 1)
    ;[chars[i], chars[j]] = [chars[j], chars[i]]
  }
  return chars.join('')
}
