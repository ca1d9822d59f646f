import { getFormatter, getTranslations } from "next-intl/server";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import type { FormState } from "@/app/_lib/form-state";
import { RevokeKeyButton } from "./revoke-key-button";

export interface KeyRow {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
}

type RevokeAction = (state: FormState<{ revoked: boolean }>, form: FormData) => Promise<FormState<{ revoked: boolean }>>;

/** Project and workspace API keys alike: name, prefix, created, last used, expiry, revoke with confirmation. */
export async function KeyTable({ keys, label, testId, revoke }: { keys: KeyRow[]; label: string; testId: string; revoke: RevokeAction }) {
  const [t, format] = await Promise.all([getTranslations("console.apiKeys"), getFormatter()]);
  const now = new Date();
  return (
    <Table label={label} data-testid={testId}>
      <THead>
        <tr>
          <Th>{t("columns.name")}</Th>
          <Th>{t("columns.key")}</Th>
          <Th>{t("columns.created")}</Th>
          <Th>{t("columns.lastUsed")}</Th>
          <Th>{t("columns.expires")}</Th>
          <Th><span className="sr-only">{t("columns.actions")}</span></Th>
        </tr>
      </THead>
      <TBody>
        {keys.map((key) => (
          <tr key={key.id}>
            <Td className="font-medium">{key.name}</Td>
            <Td><code className="font-mono text-xs">{key.prefix}…</code></Td>
            <Td className="whitespace-nowrap">{format.dateTime(key.createdAt, { dateStyle: "medium", timeStyle: "short" })}</Td>
            <Td className="whitespace-nowrap text-slate-600 dark:text-slate-400">
              {key.lastUsedAt ? <time dateTime={key.lastUsedAt.toISOString()}>{format.relativeTime(key.lastUsedAt, now)}</time> : t("never")}
            </Td>
            <Td className="whitespace-nowrap text-slate-600 dark:text-slate-400">
              {key.expiresAt ? format.dateTime(key.expiresAt, { dateStyle: "medium" }) : t("noExpiry")}
            </Td>
            <Td className="text-right">
              <RevokeKeyButton action={revoke} keyId={key.id} name={key.name} prefix={key.prefix} />
            </Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
