import Link from "next/link";
import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { CopyField } from "@/components/console/copy-field";
import { Icon } from "@/components/console/icons";
import { HealthStatus } from "@/components/console/projects/health-status";
import { projectNav, projectNavHref } from "@/components/console/project-nav";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { publicOrigin } from "@/app/_lib/console-auth";
import { loadConsoleProject } from "@/app/_lib/project-context";

export const dynamic = "force-dynamic";

/** The browser-side SDK call an app makes against this project (Ory's own SDK, only the base URL changes). */
const sdkSnippet = (baseUrl: string) => `import { Configuration, FrontendApi } from "@ory/client-fetch";

const ory = new FrontendApi(new Configuration({ basePath: "${baseUrl}", credentials: "include" }));
const session = await ory.toSession(); // 401 until the user signs in at ${baseUrl}/self-service/login/browser`;

type Props = { params: Promise<{ projectId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { project } = await loadConsoleProject((await params).projectId);
  return { title: project.name };
}

/** Project overview: how to reach the project (base URL), whether it is healthy, and where to go next. */
export default async function ProjectOverviewPage({ params }: Props) {
  const { project } = await loadConsoleProject((await params).projectId);
  const [t, tAll, format, origin] = await Promise.all([getTranslations("console.overview"), getTranslations(), getFormatter(), publicOrigin()]);
  const basePath = `/p/${project.slug}`;
  const baseUrl = `${origin}${basePath}`;

  return (
    <div className="space-y-6">
      <h2 className="sr-only">{t("title")}</h2>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2" aria-labelledby="connect-title">
          <CardHeader titleId="connect-title" title={t("connectTitle")} description={t("connectDescription")} />
          <CardBody className="space-y-4">
            <div className="space-y-1.5">
              <p className="text-sm font-medium" id="base-url-label">{t("baseUrl")}</p>
              <CopyField value={baseUrl} copyLabel={t("copyBaseUrl")} testId="project-base-url" />
            </div>
            <dl className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
              <div>
                <dt className="text-slate-600 dark:text-slate-400">{t("slug")}</dt>
                <dd className="font-mono" data-testid="project-slug">{project.slug}</dd>
              </div>
              <div>
                <dt className="text-slate-600 dark:text-slate-400">{t("environment")}</dt>
                <dd>{tAll(`console.projects.environment.${project.environment}`)}</dd>
              </div>
              <div className="sm:col-span-2">
                <dt className="text-slate-600 dark:text-slate-400">{t("projectId")}</dt>
                <dd className="break-all font-mono" data-testid="project-id">{project.id}</dd>
              </div>
              <div>
                <dt className="text-slate-600 dark:text-slate-400">{t("created")}</dt>
                <dd>{format.dateTime(project.createdAt, { dateStyle: "medium", timeStyle: "short" })}</dd>
              </div>
              <div>
                <dt className="text-slate-600 dark:text-slate-400">{t("revision")}</dt>
                <dd>{project.revision}</dd>
              </div>
            </dl>
          </CardBody>
        </Card>
        <Card aria-labelledby="health-title">
          <CardHeader
            titleId="health-title"
            title={t("healthTitle")}
            actions={<Badge tone={project.state === "running" ? "success" : "warning"}>{t(`state.${project.state}`)}</Badge>}
          />
          <CardBody>
            <HealthStatus basePath={basePath} />
          </CardBody>
        </Card>
      </div>
      <section aria-labelledby="quick-links-title">
        <h2 id="quick-links-title" className="mb-3 text-base font-semibold">{t("quickLinks")}</h2>
        <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-3">
          {projectNav.filter((item) => item.segment).map((item) => (
            <li key={item.segment}>
              <Link
                href={projectNavHref(project.id, item.segment)}
                className="flex items-center gap-3 rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm font-medium shadow-sm hover:border-brand-500 dark:border-slate-800 dark:bg-slate-900"
              >
                <Icon name={item.icon} className="h-5 w-5 text-brand-600 dark:text-brand-100" />
                {tAll(item.labelKey)}
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <Card aria-labelledby="get-started-title">
        <CardHeader titleId="get-started-title" title={t("getStarted.title")} description={t("getStarted.description")} />
        <CardBody className="space-y-5">
          <ol className="grid grid-cols-1 gap-3 text-sm sm:grid-cols-3" data-testid="get-started-links">
            {(["login", "registration", "settings"] as const).map((flow) => (
              <li key={flow}>
                <a
                  href={`${baseUrl}/self-service/${flow}/browser`}
                  target="_blank"
                  rel="noopener"
                  className="flex items-center justify-between gap-2 rounded-md border border-slate-200 px-3 py-2 font-medium text-brand-700 hover:border-brand-500 dark:border-slate-700 dark:text-brand-100"
                >
                  {t(`getStarted.${flow}`)}
                  <span aria-hidden="true">↗</span>
                </a>
              </li>
            ))}
          </ol>
          <div className="space-y-1.5">
            <p className="text-sm font-medium" id="sdk-snippet-label">{t("getStarted.sdk")}</p>
            <pre className="overflow-x-auto rounded-md bg-slate-950 p-4 font-mono text-xs leading-relaxed text-slate-100" tabIndex={0} aria-labelledby="sdk-snippet-label" data-testid="sdk-snippet">
              {sdkSnippet(baseUrl)}
            </pre>
          </div>
          <div className="space-y-1.5">
            <p className="text-sm font-medium" id="curl-snippet-label">{t("tryTitle")}</p>
            <p className="text-sm text-slate-600 dark:text-slate-400">{t("tryDescription")}</p>
            <pre className="overflow-x-auto rounded-md bg-slate-950 p-4 font-mono text-xs leading-relaxed text-slate-100" tabIndex={0} aria-labelledby="curl-snippet-label">
              {`curl ${baseUrl}/health/alive\ncurl -H "Authorization: Bearer $PORTCULLIS_API_KEY" \\\n  ${baseUrl}/admin/whoami`}
            </pre>
          </div>
          <p className="text-sm">
            <Link href={projectNavHref(project.id, "courier")} className="font-medium text-brand-700 hover:underline dark:text-brand-100">
              {t("getStarted.courier")}
            </Link>
          </p>
        </CardBody>
      </Card>
    </div>
  );
}
