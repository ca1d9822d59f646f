import { passwordPolicySettings, type ConfigHolder } from "../config";
import { isCommonPassword } from "./common-passwords";
import { breachCount } from "./range-api";
import { longestCommonSubstring, levenshtein } from "./similarity";

/** An Ory UI message (`{id, text, type, context}`) with Kratos' numeric id. */
export interface PolicyMessage {
  id: number;
  text: string;
  type: "error";
  context?: Record<string, unknown>;
}

export const MAX_PASSWORD_LENGTH = 4096;
// Kratos' thresholds: too similar when the edit distance is under 5 or a common substring covers over half.
const MIN_IDENTIFIER_DISTANCE = 5;
const MAX_SUBSTRING_RATIO = 0.5;

const minLength = (min: number, actual: number): PolicyMessage => ({
  id: 4000032, type: "error", text: `The password must be at least ${min} characters long, but got ${actual}.`, context: { min_length: min, actual_length: actual },
});
const maxLength = (max: number, actual: number): PolicyMessage => ({
  id: 4000033, type: "error", text: `The password must be at most ${max} characters long, but got ${actual}.`, context: { max_length: max, actual_length: actual },
});
const tooSimilar = (): PolicyMessage => ({ id: 4000031, type: "error", text: "The password can not be used because it is too similar to the identifier." });
const breached = (breaches: number): PolicyMessage => ({
  id: 4000034, type: "error", text: "The password has been found in data breaches and must no longer be used.", context: { breaches },
});
const generic = (reason: string): PolicyMessage => ({ id: 4000005, type: "error", text: `The password can not be used because ${reason}.`, context: { reason } });

export function tooSimilarToIdentifier(password: string, identifier: string): boolean {
  const id = identifier.toLowerCase();
  const pw = password.toLowerCase();
  if (!id || !pw) return false;
  return levenshtein(id, pw) < MIN_IDENTIFIER_DISTANCE || longestCommonSubstring(id, pw) / pw.length > MAX_SUBSTRING_RATIO;
}

/**
 * Kratos' password policy for a project (`selfservice.methods.password.config`): length bounds, similarity to
 * any identifier, the bundled list of common breached passwords, and — only when enabled — the k-anonymity
 * range API. Returns the violations as Ory messages; an empty list means the password is acceptable.
 */
export async function checkPasswordPolicy(project: ConfigHolder, password: string, identifiers: string[]): Promise<PolicyMessage[]> {
  const settings = passwordPolicySettings(project);
  const length = [...password].length;
  if (length < settings.minLength) return [minLength(settings.minLength, length)];
  if (length > MAX_PASSWORD_LENGTH) return [maxLength(MAX_PASSWORD_LENGTH, length)];
  const violations: PolicyMessage[] = [];
  if (settings.identifierSimilarityCheck && identifiers.some((id) => tooSimilarToIdentifier(password, id))) violations.push(tooSimilar());
  if (isCommonPassword(password)) violations.push(breached(1));
  if (violations.length === 0 && settings.rangeApi) {
    const count = await breachCount(settings.rangeApi.baseUrl, password);
    if (count === undefined) {
      if (!settings.rangeApi.ignoreNetworkErrors) violations.push(generic("the password could not be checked against data breaches"));
    } else if (count > settings.rangeApi.maxBreaches) {
      violations.push(breached(count));
    }
  }
  return violations;
}
