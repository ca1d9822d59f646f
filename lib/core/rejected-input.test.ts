import { describe, expect, it } from "vitest";
import { inputRejectedByDatabase } from "./rejected-input";

describe("input rejected by PostgreSQL", () => {
  it("reads the SQLSTATE of Prisma's driver-adapter errors and of pg errors, for classes 22 and 54 only", () => {
    const prisma = (code: string) => Object.assign(new Error("x"), { code: "P2039", meta: { driverAdapterError: { cause: { originalCode: code } } } });
    expect(inputRejectedByDatabase(prisma("22021"))).toBe("22021"); // NUL in text
    expect(inputRejectedByDatabase(prisma("22P02"))).toBe("22P02"); // malformed uuid / json
    expect(inputRejectedByDatabase(prisma("54000"))).toBe("54000"); // index row too large
    expect(inputRejectedByDatabase(prisma("23505"))).toBeUndefined(); // a unique violation is not the input's format
    expect(inputRejectedByDatabase(Object.assign(new Error("pg"), { code: "22P05" }))).toBe("22P05");
    expect(inputRejectedByDatabase(new Error("wrapped", { cause: Object.assign(new Error("pg"), { code: "22021" }) }))).toBe("22021");
    expect(inputRejectedByDatabase(Object.assign(new Error("x"), { code: "P2010" }))).toBeUndefined();
    expect(inputRejectedByDatabase("not an error")).toBeUndefined();
  });
});
