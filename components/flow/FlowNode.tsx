import { useTranslations } from "next-intl";
import { isInputNode, nodeLabel, translateUiText, type FlowKind, type MessageCatalog, type UiNode, type UiText } from "@/lib/selfservice/ui";
import { NodeInput } from "./NodeInput";
import { RecoveryCodes } from "./RecoveryCodes";
import { flowStyles } from "./styles";

export interface FlowNodeProps {
  node: UiNode;
  flow: FlowKind;
  idPrefix: string;
  index: number;
  keepRequired: boolean;
  catalog: MessageCatalog;
  /** A submit drawn as the form's primary action (default: `method` submits). */
  primary?: boolean;
}

/** Kratos' 1050009: a recovery code itself (new codes, shown this once) — as opposed to a code's state. */
const CODE_ITSELF = 1050009;

/**
 * Lookup secrets arrive as a list in the text node's context, one message per code: the code itself, or its state
 * (used at …, not shown again), translated.
 */
function secretList(node: UiNode, catalog: MessageCatalog): { codes: string[]; savable: boolean } | undefined {
  if (node.attributes.node_type !== "text") return undefined;
  const secrets = node.attributes.text.context?.secrets;
  if (!Array.isArray(secrets)) return undefined;
  const entries = secrets.map((entry) => (typeof entry === "object" && entry && "text" in entry ? (entry as UiText) : { id: 0, type: "info" as const, text: String(entry) }));
  return { codes: entries.map((entry) => translateUiText(entry, catalog)), savable: entries.every((entry) => entry.id === CODE_ITSELF) };
}

/** Renders any Ory UI node: input, text, img, a, script or div. */
export function FlowNode(props: FlowNodeProps) {
  const { node, catalog } = props;
  const t = useTranslations("hosted.recoveryCodes");
  if (isInputNode(node)) return <NodeInput {...props} node={node} />;
  const attributes = node.attributes;
  switch (attributes.node_type) {
    case "text": {
      const secrets = secretList(node, catalog);
      const label = node.meta.label ? translateUiText(node.meta.label, catalog) : undefined;
      if (secrets) return (
          <RecoveryCodes
            id={attributes.id}
            label={label}
            codes={secrets.codes}
            savable={secrets.savable}
            labels={{ copy: t("copy"), copied: t("copied"), download: t("download"), fileName: t("fileName"), fileHeading: t("fileHeading", { host: "{host}" }) }}
          />
        );
      return (
        <div id={attributes.id} className="space-y-1.5 text-sm text-(--pc-text)">
          {label ? <p className="font-medium">{label}</p> : null}
          <p className="break-all font-mono select-all" data-testid={`text-${attributes.id}`}>{translateUiText(attributes.text, catalog)}</p>
        </div>
      );
    }
    case "img":
      return (
        <figure className="flex flex-col items-center gap-2">
          {/* Flow images are data URLs (TOTP QR codes) with fixed dimensions: no layout shift, no optimisation needed. */}
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img id={attributes.id} src={attributes.src} width={attributes.width} height={attributes.height} alt={translateUiText(nodeLabel(node), catalog)} className="rounded-(--pc-radius) bg-white p-2" />
        </figure>
      );
    case "a":
      return (
        // Flow anchors are the way onwards ("Continue" after verification): shown as the primary action.
        <a id={attributes.id} href={attributes.href} className={flowStyles.primaryButton}>
          {translateUiText(attributes.title, catalog)}
        </a>
      );
    case "script":
      return (
        <script
          id={attributes.id}
          src={attributes.src}
          async={attributes.async}
          crossOrigin={(attributes.crossorigin || undefined) as "anonymous" | "use-credentials" | undefined}
          integrity={attributes.integrity || undefined}
          referrerPolicy={(attributes.referrerpolicy || undefined) as React.HTMLAttributeReferrerPolicy | undefined}
          type={attributes.type || undefined}
          nonce={attributes.nonce || undefined}
        />
      );
    case "div":
      return (
        <div
          id={attributes.id}
          className={attributes.class}
          {...Object.fromEntries(Object.entries(attributes.data ?? {}).map(([key, value]) => [`data-${key.replace(/[^a-z0-9-]/gi, "")}`, value]))}
        />
      );
    default:
      return null;
  }
}
