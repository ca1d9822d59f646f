import type { UiText } from "./types";

/**
 * Ory Kratos' UI messages with their numeric ids (Kratos `text/id.go`, `text/message_*.go`). Pages translate by
 * `id` and fall back to `text`; `context` carries the values for the translation's placeholders.
 */
const info = (id: number, text: string, context?: Record<string, unknown>): UiText => ({ id, text, type: "info", ...(context ? { context } : {}) });
const error = (id: number, text: string, context?: Record<string, unknown>): UiText => ({ id, text, type: "error", ...(context ? { context } : {}) });
const success = (id: number, text: string): UiText => ({ id, text, type: "success" });

const addedContext = (name: string, addedAt: Date) => ({ display_name: name, added_at: addedAt.toISOString(), added_at_unix: Math.floor(addedAt.getTime() / 1000) });

const minutesSince = (date: Date, now: Date) => Math.max(0, (now.getTime() - date.getTime()) / 60_000);

export const text = {
  // 1010xxx login
  login: () => info(1010001, "Sign in"),
  loginReAuth: () => info(1010003, "Please confirm this action by verifying that it is you."),
  loginMfa: () => info(1010004, "Please complete the second authentication challenge."),
  labelTotpCode: () => info(1010006, "Authentication code"),
  labelLookupCode: () => info(1010007, "Backup recovery code"),
  loginTotp: () => info(1010009, "Use Authenticator"),
  loginLookup: () => info(1010010, "Use backup recovery code"),
  loginWebAuthn: () => info(1010008, "Use security key"),
  loginPasskey: () => info(1010021, "Sign in with passkey"),
  loginContinue: () => info(1010013, "Continue"),
  loginCodeSent: () =>
    info(1010014, "An email containing a code has been sent to the email address you provided. If you have not received an email, check the spelling of the address and retry the login."),
  loginWithCode: () => info(1010015, "Sign in with code"),
  // 10109xx: our additions for the OAuth2 account chooser (Kratos has no such step; ids clear of Kratos' range)
  accountChoice: (identifier: string) => info(1010901, `You are signed in as ${identifier}.`, { identifier }),
  accountChoiceWanted: (client: string, wanted: string, identifier: string) =>
    info(1010902, `${client} asked you to sign in as ${wanted}, but you are signed in as ${identifier}.`, { client, wanted, identifier }),
  accountChoiceOther: (client: string, identifier: string) =>
    info(1010903, `${client} asked you to sign in with another account, but you are signed in as ${identifier}.`, { client, identifier }),
  continueAs: (name: string) => info(1010904, `Continue as ${name}`, { name }),
  signInAs: (name: string) => info(1010905, `Sign in as ${name}`, { name }),
  useAnotherAccount: () => info(1010906, "Use another account"),
  // 1040xxx registration
  registration: () => info(1040001, "Sign up"),
  registerPasskey: () => info(1040007, "Sign up with passkey"),
  registrationCodeSent: () =>
    info(1040005, "A code has been sent to the address(es) you provided. If you have not received a message, check the spelling of the address and retry the registration."),
  registrationWithCode: () => info(1040006, "Send sign up code"),
  // 1050xxx settings
  settingsSaved: () => success(1050001, "Your changes have been saved!"),
  unlinkTotp: () => info(1050004, "Unlink TOTP Authenticator App"),
  totpQrCode: () => info(1050005, "Authenticator app QR code"),
  totpSecret: (secret: string) => info(1050006, secret, { secret }),
  revealLookup: () => info(1050007, "Reveal backup recovery codes"),
  regenerateLookup: () => info(1050008, "Generate new backup recovery codes"),
  lookupSecret: (secret: string) => info(1050009, secret, { secret }),
  lookupSecretsLabel: () => info(1050010, "These are your back up recovery codes. Please keep them in a safe place!"),
  confirmLookup: () => info(1050011, "Confirm backup recovery codes"),
  lookupSecretUsed: (usedAt: Date) =>
    info(1050014, `Secret was used at ${usedAt.toISOString()}`, { used_at: usedAt.toISOString(), used_at_unix: Math.floor(usedAt.getTime() / 1000) }),
  lookupSecretList: (formatted: string[], secrets: UiText[]) => info(1050015, formatted.join(", "), { secrets }),
  disableLookup: () => info(1050016, "Disable this method"),
  totpSecretLabel: () => info(1050017, "This is your authenticator app secret. Use it if you can not scan the QR code."),
  addWebAuthn: () => info(1050012, "Add security key"),
  webauthnDisplayName: () => info(1050013, "Name of the security key"),
  removeWebAuthn: (name: string, addedAt: Date) => info(1050018, `Remove security key "${name}"`, addedContext(name, addedAt)),
  addPasskey: () => info(1050019, "Add passkey"),
  removePasskey: (name: string, addedAt: Date) => info(1050020, `Remove passkey "${name}"`, addedContext(name, addedAt)),
  // 10509xx: our additions (Kratos stores recovery codes in clear and reveals them again; Portcullis keeps only their
  // keyed hashes, so an unused code can be shown once, when it is made)
  lookupSecretHidden: () => info(1050901, "Unused (shown only once)"),
  // 1060xxx recovery
  recoverySuccessful: (privilegedUntil: Date, now: Date) =>
    info(1060001, `You successfully recovered your account. Please change your password or set up an alternative login method (e.g. social sign in) within the next ${((privilegedUntil.getTime() - now.getTime()) / 60_000).toFixed(2)} minutes.`, {
      privileged_session_expires_at: privilegedUntil.toISOString(),
      privileged_session_expires_at_unix: Math.floor(privilegedUntil.getTime() / 1000),
    }),
  recoveryLinkSent: () => info(1060002, "An email containing a recovery link has been sent to the email address you provided."),
  recoveryCodeSent: () =>
    info(1060003, "An email containing a recovery code has been sent to the email address you provided. If you have not received an email, check the spelling of the address and make sure to use the address you registered with."),
  // 1070xxx node labels
  labelPassword: () => info(1070001, "Password"),
  // title_i18n: per-locale titles from the schema (Portcullis' addition, see trait-title.ts)
  labelGenerated: (title: string, name: string, titles?: Record<string, string>) => info(1070002, title, titles ? { title, name, title_i18n: titles } : { title, name }),
  labelSave: () => info(1070003, "Save"),
  labelId: () => info(1070004, "ID"),
  labelSubmit: () => info(1070005, "Submit"),
  labelEmail: () => info(1070007, "Email"),
  labelResendCode: () => info(1070008, "Resend code"),
  labelContinue: () => info(1070009, "Continue"),
  labelRecoveryCode: () => info(1070010, "Recovery code"),
  labelVerificationCode: () => info(1070011, "Verification code"),
  labelVerifyCode: () => info(1070006, "Verify code"),
  labelRegistrationCode: () => info(1070012, "Registration code"),
  labelLoginCode: () => info(1070013, "Login code"),
  // 1080xxx verification
  verificationLinkSent: () => info(1080001, "An email containing a verification link has been sent to the email address you provided."),
  verificationCodeSent: () =>
    info(1080003, "An email containing a verification code has been sent to the email address you provided. If you have not received an email, check the spelling of the address and make sure to use the address you registered with."),
  verificationSuccessful: () => info(1080002, "You successfully verified your email address."),
  // 4000xxx validation
  generic: (reason: string) => error(4000001, reason, { reason }),
  required: (property: string) => error(4000002, `Property ${property} is missing.`, { property }),
  invalidFormat: (pattern: string) => error(4000004, `does not match pattern "${pattern}"`, { pattern }),
  passwordPolicy: (reason: string) => error(4000005, `The password can not be used because ${reason}.`, { reason }),
  invalidCredentials: () =>
    error(4000006, "The provided credentials are invalid, check for spelling mistakes in your password or username, email address, or phone number."),
  duplicateCredentials: () => error(4000007, "An account with the same identifier (email, phone, username, ...) exists already."),
  totpCodeInvalid: () => error(4000008, "The provided authentication code is invalid, please try again."),
  addressNotVerified: () => error(4000010, "Account not active yet. Did you forget to verify your email address?"),
  noTotpDevice: () => error(4000011, "You have no TOTP device set up."),
  lookupAlreadyUsed: () => error(4000012, "This backup recovery code has already been used."),
  noLookup: () => error(4000014, "You have no backup recovery codes set up."),
  lookupInvalid: () => error(4000016, "The backup recovery code is not valid."),
  noWebAuthnDevice: () => error(4000013, "You have no WebAuthn device set up."),
  noWebAuthnUser: () => error(4000015, "This account does not exist or has not setup sign in with security key."),
  // 4010xxx no strategy
  noStrategy: (kind: "login" | "registration" | "settings" | "recovery" | "verification") => {
    const ids = { login: 4010002, registration: 4010003, settings: 4010004, recovery: 4010005, verification: 4010006 };
    const verbs = { login: "log you in with", registration: "sign you up with", settings: "update your settings", recovery: "recover your account with", verification: "verify your account with" };
    return error(ids[kind], `Could not find a strategy to ${verbs[kind]}. Did you fill out the form correctly?`);
  },
  loginCodeInvalid: () => error(4010008, "The login code is invalid or has already been used. Please try again."),
  registrationCodeInvalid: () => error(4040003, "The registration code is invalid or has already been used. Please try again."),
  noCodeAddress: () => error(4000035, "This account does not exist or has not setup sign in with code."),
  // flow expired: 4010001 login, 4040001 registration, 4050001 settings, 4060005 recovery, 4070005 verification
  flowExpired: (kind: "login" | "registration" | "settings" | "recovery" | "verification", expiredAt: Date, now: Date) => {
    const ids = { login: 4010001, registration: 4040001, settings: 4050001, recovery: 4060005, verification: 4070005 };
    return error(ids[kind], `The ${kind} flow expired ${minutesSince(expiredAt, now).toFixed(2)} minutes ago, please try again.`, {
      expired_at: expiredAt.toISOString(),
      expired_at_unix: Math.floor(expiredAt.getTime() / 1000),
    });
  },
  recoveryRetrySuccess: () => error(4060001, "The request was already completed successfully and can not be retried."),
  recoveryTokenInvalid: () => error(4060004, "The recovery token is invalid or has already been used. Please retry the flow."),
  recoveryCodeInvalid: () => error(4060006, "The recovery code is invalid or has already been used. Please try again."),
  verificationTokenInvalid: () => error(4070001, "The verification token is invalid or has already been used. Please retry the flow."),
  verificationRetrySuccess: () => error(4070002, "The request was already completed successfully and can not be retried."),
  verificationCodeInvalid: () => error(4070006, "The verification code is invalid or has already been used. Please try again."),
} as const;
