import { useTranslations } from "next-intl";
import { inputView, nodeLabel, translateUiText, type FlowKind, type MessageCatalog, type UiNode, type UiNodeInputAttributes } from "@/lib/selfservice/ui";
import { cn } from "@/components/ui/cn";
import { RevealPassword } from "./RevealPassword";
import { flowStyles } from "./styles";

export interface NodeInputProps {
  node: UiNode & { attributes: UiNodeInputAttributes };
  flow: FlowKind;
  idPrefix: string;
  index: number;
  keepRequired: boolean;
  catalog: MessageCatalog;
  primary?: boolean;
}

function NodeMessages({ node, id, catalog }: { node: UiNode; id?: string; catalog: MessageCatalog }) {
  if (!id) return null;
  return (
    <ul id={id} className="space-y-0.5">
      {node.messages.map((message, index) => (
        <li key={`${message.id}-${index}`} data-message-id={message.id} className={message.type === "error" ? flowStyles.fieldError : flowStyles.fieldInfo}>
          {translateUiText(message, catalog)}
        </li>
      ))}
    </ul>
  );
}

/** One Ory input node as an HTML control: labelled, described by its messages, invalid when it has errors. */
export function NodeInput({ node, flow, idPrefix, index, keepRequired, catalog, primary: primaryAction }: NodeInputProps) {
  const t = useTranslations("hosted.password");
  const view = inputView(node, { flow, idPrefix, index, keepRequired });
  const label = translateUiText(nodeLabel(node), catalog) || view.name;

  // A hidden node may name a webauthn.js function to run on load (Ory's onloadTrigger: passkey autofill).
  if (view.kind === "hidden") return <input type="hidden" name={view.name} value={view.value ?? ""} data-onload-trigger={node.attributes.onloadTrigger} />;

  if (view.kind === "submit" || view.kind === "button") {
    const primary = view.kind === "submit" && (primaryAction ?? view.name === "method");
    return (
      <div className="space-y-1">
        <button
          id={view.id}
          type={view.kind === "submit" ? "submit" : "button"}
          name={view.name}
          value={view.value ?? ""}
          disabled={view.disabled}
          // Secondary submits (resend code, back) must not be blocked by the primary method's required fields.
          formNoValidate={primary ? undefined : true}
          aria-describedby={view.messagesId}
          data-trigger={node.attributes.onclickTrigger}
          className={primary ? flowStyles.primaryButton : flowStyles.secondaryButton}
        >
          {label}
        </button>
        <NodeMessages node={node} id={view.messagesId} catalog={catalog} />
      </div>
    );
  }

  const control = {
    id: view.id,
    name: view.name,
    required: view.required || undefined,
    disabled: view.disabled || undefined,
    "aria-invalid": view.invalid || undefined,
    "aria-describedby": view.messagesId,
  };

  if (view.kind === "checkbox") {
    return (
      <div className="space-y-1">
        <div className="flex items-start gap-2.5">
          <input {...control} type="checkbox" value="true" defaultChecked={view.checked} className={flowStyles.checkbox} />
          <label htmlFor={view.id} className="text-sm text-(--pc-text)">
            {label}
          </label>
        </div>
        <NodeMessages node={node} id={view.messagesId} catalog={catalog} />
      </div>
    );
  }

  return (
    <div className="space-y-1.5">
      <label htmlFor={view.id} className={flowStyles.label}>
        {label}
      </label>
      <div className="relative">
      <input
        {...control}
        type={view.type}
        defaultValue={view.value}
        autoComplete={view.autoComplete}
        inputMode={view.inputMode}
        pattern={view.pattern}
        maxLength={view.maxLength}
        // Identifiers and codes are typed as-is: no auto-capitalisation or spelling fixes on phones.
        autoCapitalize={view.type === "password" ? undefined : "none"}
        autoCorrect="off"
        spellCheck={false}
        className={cn(flowStyles.input, view.type === "password" && "pr-16")}
      />
      {view.type === "password" ? <RevealPassword targetId={view.id} labels={{ show: t("show"), hide: t("hide"), showLabel: t("showLabel"), hideLabel: t("hideLabel") }} /> : null}
      </div>
      <NodeMessages node={node} id={view.messagesId} catalog={catalog} />
    </div>
  );
}
