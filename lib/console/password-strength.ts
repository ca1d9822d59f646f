export type PasswordStrength = "empty" | "tooShort" | "weak" | "fair" | "strong";

const COMMON = ["password", "passwort", "123456", "qwerty", "letmein", "admin", "welcome", "portcullis"];

/**
 * A quick hint, not a policy: length counts most (NIST SP 800-63B §5.1.1.2 favours length over composition
 * rules), variety of characters a little, well-known words and repeats pull it down.
 */
export function passwordStrength(password: string, minLength = 8): PasswordStrength {
  if (password.length === 0) return "empty";
  if (password.length < minLength) return "tooShort";
  const lower = password.toLowerCase();
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
  let score = password.length >= 16 ? 3 : password.length >= 12 ? 2 : 1;
  if (classes >= 3) score += 1;
  if (COMMON.some((word) => lower.includes(word))) score -= 2;
  if (/^(.)\1+$/.test(password) || new Set(password).size < 4) score -= 2;
  return score >= 3 ? "strong" : score === 2 ? "fair" : "weak";
}
