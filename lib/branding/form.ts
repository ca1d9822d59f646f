import { MAX_DATA_URL_LENGTH, brandingSchema, type Branding } from "./schema";

export interface BrandingFormState {
  saved?: boolean;
  branding?: Branding;
  /** Field name → i18n key of the `branding.errors` namespace. */
  fieldErrors?: Record<string, string>;
  formError?: string;
  submittedAt?: number;
}

/** What a form can carry: FormData, or anything with the same `get`. */
interface FormLike {
  get(name: string): FormDataEntryValue | null;
}

const LOGO_TYPES = new Set(["image/png", "image/jpeg", "image/gif", "image/webp", "image/svg+xml", "image/avif"]);
/** Raw bytes that still fit MAX_DATA_URL_LENGTH once base64-encoded. */
export const MAX_LOGO_BYTES = Math.floor(((MAX_DATA_URL_LENGTH - 40) * 3) / 4);

const text = (form: FormLike, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

/** An uploaded logo file as a `data:` URL, or an error key. */
async function uploadedLogo(value: FormDataEntryValue | null): Promise<{ url?: string; error?: string }> {
  if (!value || typeof value === "string" || value.size === 0) return {};
  if (!LOGO_TYPES.has(value.type)) return { error: "logoType" };
  if (value.size > MAX_LOGO_BYTES) return { error: "logoTooLarge" };
  const base64 = Buffer.from(await value.arrayBuffer()).toString("base64");
  return { url: `data:${value.type};base64,${base64}` };
}

const palette = (form: FormLike, scheme: "light" | "dark") => ({
  primary: text(form, `${scheme}.primary`),
  on_primary: text(form, `${scheme}.on_primary`),
  background: text(form, `${scheme}.background`),
  surface: text(form, `${scheme}.surface`),
  text: text(form, `${scheme}.text`),
});

/**
 * Branding from the console editor's form fields (`light.primary`, `corner_radius`, an optional `logo_file`
 * upload…), validated by the branding schema. Errors come back per field as i18n keys.
 */
export async function brandingFromForm(form: FormLike): Promise<{ success: true; branding: Branding } | { success: false; fieldErrors: Record<string, string> }> {
  const logo = await uploadedLogo(form.get("logo_file"));
  if (logo.error) return { success: false, fieldErrors: { logo_url: logo.error } };
  const parsed = brandingSchema.safeParse({
    display_name: text(form, "display_name"),
    logo_url: logo.url ?? text(form, "logo_url"),
    logo_dark_url: text(form, "logo_dark_url"),
    mode: text(form, "mode"),
    corner_radius: Number(text(form, "corner_radius")),
    font_family: text(form, "font_family"),
    footer: text(form, "footer") || "secured_by",
    footer_text: text(form, "footer_text"),
    light: palette(form, "light"),
    dark: palette(form, "dark"),
  });
  if (parsed.success) return { success: true, branding: parsed.data };
  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const name = issue.path.join(".");
    fieldErrors[name] ??= name.endsWith("url") ? "imageUrl" : /primary|text|background|surface/.test(name) ? "color" : "invalid";
  }
  return { success: false, fieldErrors };
}
