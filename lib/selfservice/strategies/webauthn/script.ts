import { createHash } from "node:crypto";

/**
 * Ory's `/.well-known/ory/webauthn.js` (Kratos `getWebAuthnJavaScript`): the browser side of the webauthn and passkey
 * nodes. It defines the functions the nodes' `onclickTrigger` / `onloadTrigger` name (oryWebAuthnLogin,
 * oryWebAuthnRegistration, oryPasskeyLogin, oryPasskeyLoginAutocompleteInit, oryPasskeyRegistration,
 * oryPasskeySettingsRegistration, and the `__ory…` aliases), each reading its options from the named node, calling
 * `navigator.credentials` and posting the JSON result in the named field of the same form. It also runs the triggers
 * of the hosted pages, which render a node's trigger as `data-trigger` / `data-onload-trigger` (no inline handlers).
 */
export const WEBAUTHN_SCRIPT = `(function () {
  "use strict";
  if (typeof window === "undefined" || window.__oryWebAuthnInitialized) return;
  window.__oryWebAuthnInitialized = true;
  var hasWebAuthn = !!window.PublicKeyCredential;
  function decode(value) {
    var s = String(value).replace(/-/g, "+").replace(/_/g, "/");
    return Uint8Array.from(atob(s + "===".slice((s.length + 3) % 4)), function (c) { return c.charCodeAt(0); });
  }
  function encode(buffer) {
    if (!buffer) return "";
    var bytes = new Uint8Array(buffer), s = "";
    for (var i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
    return btoa(s).replace(/\\+/g, "-").replace(/\\//g, "_").replace(/=+$/, "");
  }
  function withIds(list) {
    return (list || []).map(function (item) { return Object.assign({}, item, { id: decode(item.id) }); });
  }
  function publicKeyOf(options) {
    var pk = Object.assign({}, options.publicKey);
    pk.challenge = decode(pk.challenge);
    if (pk.user && pk.user.id) pk.user = Object.assign({}, pk.user, { id: decode(pk.user.id) });
    if (pk.allowCredentials) pk.allowCredentials = withIds(pk.allowCredentials);
    if (pk.excludeCredentials) pk.excludeCredentials = withIds(pk.excludeCredentials);
    return pk;
  }
  function assertionJson(c) {
    return JSON.stringify({ id: c.id, rawId: encode(c.rawId), type: c.type, response: {
      authenticatorData: encode(c.response.authenticatorData), clientDataJSON: encode(c.response.clientDataJSON),
      signature: encode(c.response.signature), userHandle: encode(c.response.userHandle) } });
  }
  function attestationJson(c) {
    var transports = c.response.getTransports ? c.response.getTransports() : undefined;
    return JSON.stringify({ id: c.id, rawId: encode(c.rawId), type: c.type, response: {
      attestationObject: encode(c.response.attestationObject), clientDataJSON: encode(c.response.clientDataJSON), transports: transports } });
  }
  function field(name, near) {
    var form = near && near.form ? near.form : near && near.closest ? near.closest("form") : null;
    return (form && form.querySelector('[name="' + name + '"]')) || document.getElementsByName(name)[0] || null;
  }
  function post(resultEl, value) {
    resultEl.value = value;
    var form = resultEl.form || resultEl.closest("form");
    if (form) form.submit();
  }
  function report(error) { if (window.console) console.error("[webauthn]", error); }
  function abortConditional() {
    if (window.abortPasskeyConditionalUI) { window.abortPasskeyConditionalUI.abort("A passkey was asked for explicitly."); window.abortPasskeyConditionalUI = undefined; }
  }
  function oryWebAuthnLogin(options, resultSelector, triggerSelector) {
    if (!hasWebAuthn) return report("This browser does not support WebAuthn.");
    var trigger = document.querySelector(triggerSelector || '[name="webauthn_login_trigger"]');
    var opt = options || JSON.parse(trigger.value);
    navigator.credentials.get({ publicKey: publicKeyOf(opt) }).then(function (c) {
      post(document.querySelector(resultSelector || '[name="webauthn_login"]'), assertionJson(c));
    }, report);
  }
  function oryWebAuthnRegistration(options, resultSelector, triggerSelector) {
    if (!hasWebAuthn) return report("This browser does not support WebAuthn.");
    var trigger = document.querySelector(triggerSelector || '[name="webauthn_register_trigger"]');
    var opt = options || JSON.parse(trigger.value);
    navigator.credentials.create({ publicKey: publicKeyOf(opt) }).then(function (c) {
      post(field("webauthn_register", trigger), attestationJson(c));
    }, report);
  }
  function oryPasskeyLogin(near) {
    var dataEl = field("passkey_challenge", near), resultEl = field("passkey_login", dataEl);
    if (!hasWebAuthn || !dataEl || !resultEl) return report("passkey login: WebAuthn or its fields are missing.");
    abortConditional();
    navigator.credentials.get({ publicKey: publicKeyOf(JSON.parse(dataEl.value)) }).then(function (c) {
      post(resultEl, assertionJson(c));
    }, function (error) { report(error); oryPasskeyLoginAutocompleteInit(); });
  }
  function oryPasskeyLoginAutocompleteInit() {
    var dataEl = field("passkey_challenge"), resultEl = field("passkey_login", dataEl);
    if (!hasWebAuthn || !dataEl || !resultEl || !PublicKeyCredential.isConditionalMediationAvailable) return;
    PublicKeyCredential.isConditionalMediationAvailable().then(function (available) {
      if (!available) return;
      abortConditional();
      var controller = new AbortController();
      window.abortPasskeyConditionalUI = controller;
      navigator.credentials.get({ publicKey: publicKeyOf(JSON.parse(dataEl.value)), mediation: "conditional", signal: controller.signal })
        .then(function (c) { post(resultEl, assertionJson(c)); }, function (error) { if (window.console) console.debug("[webauthn]", error); });
    });
  }
  function register(dataName, resultName, near) {
    var dataEl = field(dataName, near), resultEl = field(resultName, dataEl);
    if (!hasWebAuthn || !dataEl || !resultEl) return report("passkey registration: WebAuthn or its fields are missing.");
    var data = JSON.parse(dataEl.value), options = data.credentialOptions || data;
    if (data.displayNameFieldName) {
      var nameEl = field(data.displayNameFieldName, dataEl);
      if (nameEl && nameEl.value) options.publicKey.user = Object.assign({}, options.publicKey.user, { name: nameEl.value, displayName: nameEl.value });
    }
    navigator.credentials.create({ publicKey: publicKeyOf(options) }).then(function (c) { post(resultEl, attestationJson(c)); }, report);
  }
  function oryPasskeyRegistration(near) { register("passkey_create_data", "passkey_register", near); }
  function oryPasskeySettingsRegistration(near) { register("passkey_create_data", "passkey_settings_register", near); }
  var api = { oryWebAuthnLogin: oryWebAuthnLogin, oryWebAuthnRegistration: oryWebAuthnRegistration, oryPasskeyLogin: oryPasskeyLogin,
    oryPasskeyLoginAutocompleteInit: oryPasskeyLoginAutocompleteInit, oryPasskeyRegistration: oryPasskeyRegistration,
    oryPasskeySettingsRegistration: oryPasskeySettingsRegistration };
  Object.keys(api).forEach(function (name) { window[name] = api[name]; window["__" + name] = api[name]; });
  document.addEventListener("click", function (event) {
    var el = event.target && event.target.closest ? event.target.closest("[data-trigger]") : null;
    var fn = el && api[el.getAttribute("data-trigger")];
    if (!fn) return;
    event.preventDefault();
    if (fn === oryWebAuthnLogin || fn === oryWebAuthnRegistration) fn(JSON.parse(el.value), undefined, '[name="' + el.name + '"]');
    else fn(el);
  });
  function onload() {
    document.querySelectorAll("[data-onload-trigger]").forEach(function (el) {
      var fn = api[el.getAttribute("data-onload-trigger")];
      if (fn) fn(el);
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", onload); else onload();
})();
`;

/** The script's Subresource Integrity value (the script node's `integrity`, as Kratos sends it). */
export const WEBAUTHN_SCRIPT_INTEGRITY = `sha512-${createHash("sha512").update(WEBAUTHN_SCRIPT).digest("base64")}`;
