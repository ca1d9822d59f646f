import { describe, expect, it } from "vitest";
import { passwordStrength } from "./password-strength";

describe("passwordStrength", () => {
  it("grades by length first", () => {
    expect(passwordStrength("")).toBe("empty");
    expect(passwordStrength("abc")).toBe("tooShort");
    expect(passwordStrength("tulipsun")).toBe("weak");
    expect(passwordStrength("tulipsunrise")).toBe("fair");
    expect(passwordStrength("correct horse battery staple")).toBe("strong");
  });
  it("pulls common words and repeats down", () => {
    expect(passwordStrength("Password12345!")).toBe("weak");
    expect(passwordStrength("aaaaaaaaaaaaaaaaaaaa")).toBe("weak");
  });
});
