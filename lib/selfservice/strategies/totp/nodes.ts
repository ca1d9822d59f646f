import QRCode from "qrcode";
import { imageNode, inputNode, text, textNode, type UiNode } from "../../ui";

/** The second step of a login: the code from the authenticator app (Kratos' totp login nodes). */
export const totpLoginNodes = (): UiNode[] => [
  inputNode("totp_code", "totp", { type: "text", required: true, autocomplete: "one-time-code", label: text.labelTotpCode() }),
  inputNode("method", "totp", { type: "submit", value: "totp", label: text.loginTotp() }),
];

export const QR_SIZE = 256;

/** The key URI as an SVG QR code in a data URL (a fixed-size image: no layout shift, nothing fetched). */
async function qrDataUrl(uri: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 1 });
  return `data:image/svg+xml;base64,${Buffer.from(svg, "utf8").toString("base64")}`;
}

/** Enrolment in settings: the QR code, the seed as text for typing in, the first code that confirms it (Kratos' order). */
export async function totpEnrolNodes(uri: string, seed: string): Promise<UiNode[]> {
  return [
    imageNode("totp_qr", "totp", await qrDataUrl(uri), QR_SIZE, text.totpQrCode()),
    textNode("totp_secret_key", "totp", text.totpSecret(seed), text.totpSecretLabel()),
    inputNode("totp_code", "totp", { type: "text", required: true, autocomplete: "one-time-code", label: text.labelVerifyCode() }),
    inputNode("method", "totp", { type: "submit", value: "totp", label: text.labelSave() }),
  ];
}

/** With TOTP set up, settings offer to unlink it (Kratos' `totp_unlink`). */
export const totpUnlinkNodes = (): UiNode[] => [inputNode("totp_unlink", "totp", { type: "submit", value: "true", label: text.unlinkTotp() })];
