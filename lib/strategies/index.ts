import { registerStrategy } from "@/lib/flows/strategy";
import { codeStrategy } from "./code";
import { passwordStrategy } from "./password";
import { profileStrategy } from "./profile";

/** The built-in credential methods, in the order their nodes appear. */
export function registerBuiltInStrategies(): void {
  registerStrategy(profileStrategy);
  registerStrategy(passwordStrategy);
  registerStrategy(codeStrategy);
}

export { passwordStrategy, profileStrategy, codeStrategy };
export { issueCode, redeemCode } from "./code/codes";
