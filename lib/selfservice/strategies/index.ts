import { registerStrategy } from "./strategy";
import { codeStrategy } from "./code";
import { passwordStrategy } from "./password";
import { profileStrategy } from "./profile";
import { selectAccountStrategy } from "./select-account";

/** The built-in credential methods (and the login's account chooser), in the order their nodes appear. */
export function registerBuiltInStrategies(): void {
  registerStrategy(selectAccountStrategy);
  registerStrategy(profileStrategy);
  registerStrategy(passwordStrategy);
  registerStrategy(codeStrategy);
}

export { passwordStrategy, profileStrategy, codeStrategy, selectAccountStrategy };
export { issueCode, redeemCode } from "./code/codes";
