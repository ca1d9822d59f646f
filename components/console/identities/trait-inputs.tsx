import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import type { TraitField } from "@/lib/identity-console/traits-form";

const inputType: Record<TraitField["type"], string> = {
  text: "text", email: "email", tel: "tel", url: "url", date: "date", number: "number", integer: "number", checkbox: "checkbox", select: "text",
};

/** One control per trait of the identity schema, labelled with the schema's titles. */
export function TraitInputs({ fields, values, idPrefix }: { fields: TraitField[]; values: Record<string, string>; idPrefix: string }) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      {fields.map((field) =>
        field.type === "checkbox" ? (
          <div key={field.name} className="flex items-center gap-2 sm:col-span-2">
            <input id={`${idPrefix}-${field.name}`} type="checkbox" name={field.name} value="true" defaultChecked={values[field.name] === "true"} className="h-4 w-4 accent-brand-600" />
            <label htmlFor={`${idPrefix}-${field.name}`} className="text-sm font-medium">
              {field.label}
            </label>
          </div>
        ) : (
          <Field key={field.name} name={field.name} idPrefix={idPrefix} label={field.label}>
            {(control) =>
              field.type === "select" ? (
                <Select {...control} required={field.required} defaultValue={values[field.name] ?? ""}>
                  <option value="">—</option>
                  {field.options?.map((option) => (
                    <option key={option} value={option}>
                      {option}
                    </option>
                  ))}
                </Select>
              ) : (
                <Input
                  {...control}
                  type={inputType[field.type]}
                  step={field.type === "integer" ? 1 : field.type === "number" ? "any" : undefined}
                  required={field.required}
                  minLength={field.minLength}
                  maxLength={field.maxLength}
                  autoComplete="off"
                  defaultValue={values[field.name] ?? ""}
                />
              )
            }
          </Field>
        ),
      )}
    </div>
  );
}
