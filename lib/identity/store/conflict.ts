import { conflict } from "@/lib/core/errors";

/** Prisma's unique-constraint violation (P2002) as Kratos' 409. */
export function isUniqueViolation(error: unknown): boolean {
  return Boolean(error && typeof error === "object" && (error as { code?: unknown }).code === "P2002");
}

export const identityConflict = () =>
  conflict("The resource could not be created due to a conflict", {
    reason: "This identity conflicts with another identity that already exists.",
  });

/** Runs a write; unique violations (identifier, address, external_id) become 409. */
export async function mapConflicts<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw identityConflict();
    throw error;
  }
}
