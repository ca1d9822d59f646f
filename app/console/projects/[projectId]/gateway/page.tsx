import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { loadConsoleProject } from "@/app/_lib/project-context";
import { publicOrigin } from "@/app/_lib/console-auth";
import { IngressSnippets } from "@/components/console/gateway/ingress-snippets";
import { RequestTester } from "@/components/console/gateway/request-tester";
import { RuleEditor } from "@/components/console/gateway/rule-editor";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { getGatewaySettings, ingressSnippets, listRules } from "@/lib/gateway";
import { consoleServiceContext } from "@/lib/identity-console/context";
import { deleteRuleAction, saveRuleAction, testRequestAction } from "./actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ projectId: string }> };

const EXAMPLE = JSON.stringify(
  {
    id: "my-app",
    priority: 0,
    match: { url: "https://app.example.com/<.*>", methods: ["GET", "POST"] },
    upstream: { url: "http://127.0.0.1:8080" },
    authenticators: [{ handler: "cookie_session" }, { handler: "bearer_token" }],
    authorizer: { handler: "allow" },
    mutators: [{ handler: "header", config: { headers: { "X-User-Id": "{{ print .Subject }}" } } }],
    errors: [{ handler: "redirect", config: { when: [{ error: ["unauthorized"], request: { header: { accept: ["text/html"] } } }] } }, { handler: "json" }],
  },
  null,
  2,
);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { project } = await loadConsoleProject((await params).projectId);
  return { title: `${(await getTranslations("gateway"))("title")} · ${project.name}` };
}

/** The identity-aware proxy: access rules, the rule editor and a request tester. */
export default async function GatewayPage({ params }: Props) {
  const { access, project } = await loadConsoleProject((await params).projectId);
  const ctx = await consoleServiceContext(access, project.id);
  const [rules, settings, t, origin] = await Promise.all([listRules(ctx), getGatewaySettings(ctx), getTranslations("gateway"), publicOrigin()]);
  const projectBaseUrl = `${origin}/p/${project.slug}`;
  return (
    <div className="space-y-6">
      <Card aria-labelledby="rules-title">
        <CardHeader titleId="rules-title" title={t("rules.title")} description={t("rules.description", { strategy: settings.matching_strategy, fallback: settings.default_rule ? t("rules.defaultConfigured") : t("rules.defaultDeny") })} />
        {rules.length === 0 ? (
          <EmptyState title={t("rules.emptyTitle")} description={t("rules.emptyDescription")} />
        ) : (
          <Table label={t("rules.title")} data-testid="rules-table">
            <THead>
              <tr>
                <Th>{t("rules.columns.id")}</Th>
                <Th>{t("rules.columns.priority")}</Th>
                <Th>{t("rules.columns.match")}</Th>
                <Th>{t("rules.columns.pipeline")}</Th>
                <Th><span className="sr-only">{t("rules.delete")}</span></Th>
              </tr>
            </THead>
            <TBody>
              {rules.map((rule) => (
                <tr key={rule.id}>
                  <Td><code className="font-mono text-xs">{rule.id}</code></Td>
                  <Td>{rule.priority}</Td>
                  <Td className="max-w-md"><span className="text-xs text-slate-500">{rule.match.methods.join(" ")}</span> <code className="break-all font-mono text-xs">{rule.match.url}</code></Td>
                  <Td className="text-xs">{[rule.authenticators.map((h) => h.handler).join(" | "), rule.authorizer.handler, rule.mutators.map((h) => h.handler).join(", ")].join(" → ")}</Td>
                  <Td>
                    <form action={deleteRuleAction.bind(null, project.id, rule.id)}>
                      <Button type="submit" variant="secondary">{t("rules.delete")}</Button>
                    </form>
                  </Td>
                </tr>
              ))}
            </TBody>
          </Table>
        )}
      </Card>
      <Card aria-labelledby="connect-title">
        <CardHeader titleId="connect-title" title={t("connect.title")} description={t("connect.description")} />
        <CardBody><IngressSnippets projectBaseUrl={projectBaseUrl} snippets={ingressSnippets(projectBaseUrl)} /></CardBody>
      </Card>
      <Card aria-labelledby="editor-title">
        <CardHeader titleId="editor-title" title={t("editor.title")} description={t("editor.description")} />
        <CardBody><RuleEditor action={saveRuleAction.bind(null, project.id)} example={EXAMPLE} /></CardBody>
      </Card>
      <Card aria-labelledby="tester-title">
        <CardHeader titleId="tester-title" title={t("tester.title")} description={t("tester.description")} />
        <CardBody><RequestTester action={testRequestAction.bind(null, project.id)} /></CardBody>
      </Card>
    </div>
  );
}
