import type { z } from "zod";
import { AppError, badRequest } from "@/lib/core/errors";
import { checkParsedJson, storableFormText, type BodyChecks } from "./input-guard";
import type { ApiRequest } from "./types";

/** Parses a JSON body; malformed JSON and wrong content types are clear 4xx errors. */
export async function readJson(request: ApiRequest, checks?: BodyChecks): Promise<unknown> {
  const type = request.header("content-type") ?? "";
  if (type && !/^application\/([a-z.+-]*\+)?json\b/i.test(type)) {
    throw new AppError("unsupported_media_type", "The request body must be JSON (Content-Type: application/json).");
  }
  const raw = await request.body();
  if (raw.length === 0) throw badRequest("The request body is empty, but a JSON document was expected.");
  const text = raw.toString("utf8");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw badRequest("The request body is not valid JSON.", { reason: (error as Error).message });
  }
  return checkParsedJson(text, value, checks);
}

export async function parseJson<S extends z.ZodType>(request: ApiRequest, schema: S): Promise<z.infer<S>> {
  return schema.parse(await readJson(request));
}

export async function readForm(request: ApiRequest, { refuseUnstorable = true }: BodyChecks = {}): Promise<URLSearchParams> {
  const raw = await request.body();
  return new URLSearchParams(refuseUnstorable ? storableFormText(raw) : raw.toString("utf8"));
}

export function parseQuery<S extends z.ZodType>(request: ApiRequest, schema: S): z.infer<S> {
  return schema.parse(Object.fromEntries(request.query));
}
