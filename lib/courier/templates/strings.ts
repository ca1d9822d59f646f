/**
 * Localized email copy. `{code}`, `{project}`, `{minutes}`, `{time}`, `{ip}`, `{agent}`, `{workspace}`, `{inviter}`,
 * `{role}` (a workspace role, named through `roles`) and `{days}` are filled in by render.ts; a `link` is shown
 * after the first paragraph, as a button in the HTML part.
 */
export const templateLocales = ["en", "de", "fr", "es", "ja", "pt-BR"] as const;
export type TemplateLocale = (typeof templateLocales)[number];

export const templateTypes = ["recovery_code_valid", "recovery_code_invalid", "verification_code_valid", "login_notice", "workspace_invitation", "login_code_valid", "registration_code_valid", "recovery_valid", "verification_valid"] as const;
export type TemplateType = (typeof templateTypes)[number];

interface Copy {
  subject: string;
  /** Paragraphs; the code (if any) is shown on its own line after the first one. */
  lines: string[];
}

/** The console's workspace roles, as invitations name them. */
type RoleNames = Record<"owner" | "admin" | "developer" | "viewer", string>;

type Catalog = Record<TemplateType, Copy> & { footer: string; roles: RoleNames; linkLabel: Partial<Record<TemplateType, string>> };

export const catalogs: Record<TemplateLocale, Catalog> = {
  en: {
    recovery_code_valid: { subject: "Recover access to your {project} account", lines: ["Use the following code to recover your account:", "The code expires in {minutes} minutes. If you did not ask to recover your account, ignore this email."] },
    recovery_code_invalid: { subject: "Account access attempted", lines: ["Someone asked to recover an account on {project} with this email address, but no account uses it.", "If this was you, check whether you signed up with a different address. Otherwise, ignore this email."] },
    verification_code_valid: { subject: "Verify your email address for {project}", lines: ["Use the following code to verify your email address:", "The code expires in {minutes} minutes."] },
    login_notice: { subject: "New sign-in to your {project} account", lines: ["Your account was signed in to at {time} from {ip} ({agent}).", "If this was not you, reset your password right away."] },
    workspace_invitation: { subject: "{inviter} invited you to {workspace} on {project}", lines: ["{inviter} invited you to join the workspace {workspace} as {role}.", "The invitation expires in {days} days. If you did not expect it, ignore this email."] },
    login_code_valid: { subject: "Your {project} sign-in code", lines: ["Use the following code to sign in:", "The code expires in {minutes} minutes. If you did not try to sign in, ignore this message."] },
    registration_code_valid: { subject: "Complete your {project} sign-up", lines: ["Use the following code to complete your sign-up:", "The code expires in {minutes} minutes. If you did not sign up, ignore this message."] },
    recovery_valid: { subject: "Recover access to your {project} account", lines: ["Open the following link to recover your account:", "The link expires in {minutes} minutes. If you did not ask to recover your account, ignore this email."] },
    verification_valid: { subject: "Verify your email address for {project}", lines: ["Open the following link to verify your email address:", "The link expires in {minutes} minutes."] },
    footer: "Sent by {project}.",
    roles: { owner: "an owner", admin: "an admin", developer: "a developer", viewer: "a viewer" },
    linkLabel: { workspace_invitation: "Accept the invitation", recovery_valid: "Recover account", verification_valid: "Verify address" },
  },
  de: {
    recovery_code_valid: { subject: "Zugriff auf dein {project}-Konto wiederherstellen", lines: ["Mit diesem Code stellst du dein Konto wieder her:", "Der Code läuft in {minutes} Minuten ab. Wenn du keine Wiederherstellung angefordert hast, ignoriere diese E-Mail."] },
    recovery_code_invalid: { subject: "Versuch, auf ein Konto zuzugreifen", lines: ["Jemand wollte ein {project}-Konto mit dieser E-Mail-Adresse wiederherstellen, aber kein Konto verwendet sie.", "Falls du das warst, prüfe, ob du dich mit einer anderen Adresse registriert hast. Andernfalls ignoriere diese E-Mail."] },
    verification_code_valid: { subject: "Bestätige deine E-Mail-Adresse für {project}", lines: ["Mit diesem Code bestätigst du deine E-Mail-Adresse:", "Der Code läuft in {minutes} Minuten ab."] },
    login_notice: { subject: "Neue Anmeldung bei deinem {project}-Konto", lines: ["Dein Konto wurde am {time} von {ip} ({agent}) angemeldet.", "Wenn du das nicht warst, setze sofort dein Passwort zurück."] },
    workspace_invitation: { subject: "{inviter} hat dich zu {workspace} auf {project} eingeladen", lines: ["{inviter} hat dich eingeladen, dem Workspace {workspace} als {role} beizutreten.", "Die Einladung läuft in {days} Tagen ab. Wenn du sie nicht erwartet hast, ignoriere diese E-Mail."] },
    login_code_valid: { subject: "Dein Anmeldecode für {project}", lines: ["Mit diesem Code meldest du dich an:", "Der Code läuft in {minutes} Minuten ab. Wenn du dich nicht anmelden wolltest, ignoriere diese Nachricht."] },
    registration_code_valid: { subject: "Schließe deine Registrierung bei {project} ab", lines: ["Mit diesem Code schließt du deine Registrierung ab:", "Der Code läuft in {minutes} Minuten ab. Wenn du dich nicht registriert hast, ignoriere diese Nachricht."] },
    recovery_valid: { subject: "Zugriff auf dein {project}-Konto wiederherstellen", lines: ["Öffne diesen Link, um dein Konto wiederherzustellen:", "Der Link läuft in {minutes} Minuten ab. Wenn du keine Wiederherstellung angefordert hast, ignoriere diese E-Mail."] },
    verification_valid: { subject: "Bestätige deine E-Mail-Adresse für {project}", lines: ["Öffne diesen Link, um deine E-Mail-Adresse zu bestätigen:", "Der Link läuft in {minutes} Minuten ab."] },
    footer: "Gesendet von {project}.",
    roles: { owner: "Eigentümer", admin: "Admin", developer: "Entwickler", viewer: "Betrachter" },
    linkLabel: { workspace_invitation: "Einladung annehmen", recovery_valid: "Konto wiederherstellen", verification_valid: "Adresse bestätigen" },
  },
  fr: {
    recovery_code_valid: { subject: "Récupérez l'accès à votre compte {project}", lines: ["Utilisez le code suivant pour récupérer votre compte :", "Le code expire dans {minutes} minutes. Si vous n'avez rien demandé, ignorez cet e-mail."] },
    recovery_code_invalid: { subject: "Tentative d'accès à un compte", lines: ["Quelqu'un a demandé à récupérer un compte {project} avec cette adresse e-mail, mais aucun compte ne l'utilise.", "Si c'était vous, vérifiez si vous vous êtes inscrit avec une autre adresse. Sinon, ignorez cet e-mail."] },
    verification_code_valid: { subject: "Vérifiez votre adresse e-mail pour {project}", lines: ["Utilisez le code suivant pour vérifier votre adresse e-mail :", "Le code expire dans {minutes} minutes."] },
    login_notice: { subject: "Nouvelle connexion à votre compte {project}", lines: ["Une connexion à votre compte a eu lieu le {time} depuis {ip} ({agent}).", "Si ce n'était pas vous, réinitialisez immédiatement votre mot de passe."] },
    workspace_invitation: { subject: "{inviter} vous invite dans {workspace} sur {project}", lines: ["{inviter} vous invite à rejoindre l'espace de travail {workspace} en tant que {role}.", "L'invitation expire dans {days} jours. Si vous ne l'attendiez pas, ignorez cet e-mail."] },
    login_code_valid: { subject: "Votre code de connexion {project}", lines: ["Utilisez le code suivant pour vous connecter :", "Le code expire dans {minutes} minutes. Si vous n'avez pas essayé de vous connecter, ignorez ce message."] },
    registration_code_valid: { subject: "Terminez votre inscription à {project}", lines: ["Utilisez le code suivant pour terminer votre inscription :", "Le code expire dans {minutes} minutes. Si vous ne vous êtes pas inscrit, ignorez ce message."] },
    recovery_valid: { subject: "Récupérez l'accès à votre compte {project}", lines: ["Ouvrez le lien suivant pour récupérer votre compte :", "Le lien expire dans {minutes} minutes. Si vous n'avez pas demandé à récupérer votre compte, ignorez cet e-mail."] },
    verification_valid: { subject: "Vérifiez votre adresse e-mail pour {project}", lines: ["Ouvrez le lien suivant pour vérifier votre adresse e-mail :", "Le lien expire dans {minutes} minutes."] },
    footer: "Envoyé par {project}.",
    roles: { owner: "propriétaire", admin: "administrateur", developer: "développeur", viewer: "lecteur" },
    linkLabel: { workspace_invitation: "Accepter l'invitation", recovery_valid: "Récupérer le compte", verification_valid: "Vérifier l'adresse" },
  },
  es: {
    recovery_code_valid: { subject: "Recupera el acceso a tu cuenta de {project}", lines: ["Usa el siguiente código para recuperar tu cuenta:", "El código caduca en {minutes} minutos. Si no solicitaste recuperar tu cuenta, ignora este correo."] },
    recovery_code_invalid: { subject: "Intento de acceso a una cuenta", lines: ["Alguien pidió recuperar una cuenta de {project} con esta dirección de correo, pero ninguna cuenta la usa.", "Si fuiste tú, comprueba si te registraste con otra dirección. Si no, ignora este correo."] },
    verification_code_valid: { subject: "Verifica tu dirección de correo para {project}", lines: ["Usa el siguiente código para verificar tu dirección de correo:", "El código caduca en {minutes} minutos."] },
    login_notice: { subject: "Nuevo inicio de sesión en tu cuenta de {project}", lines: ["Se inició sesión en tu cuenta el {time} desde {ip} ({agent}).", "Si no fuiste tú, restablece tu contraseña de inmediato."] },
    workspace_invitation: { subject: "{inviter} te invitó a {workspace} en {project}", lines: ["{inviter} te invitó a unirte al espacio de trabajo {workspace} como {role}.", "La invitación caduca en {days} días. Si no la esperabas, ignora este correo."] },
    login_code_valid: { subject: "Tu código de inicio de sesión de {project}", lines: ["Usa el siguiente código para iniciar sesión:", "El código caduca en {minutes} minutos. Si no intentaste iniciar sesión, ignora este mensaje."] },
    registration_code_valid: { subject: "Completa tu registro en {project}", lines: ["Usa el siguiente código para completar tu registro:", "El código caduca en {minutes} minutos. Si no te registraste, ignora este mensaje."] },
    recovery_valid: { subject: "Recupera el acceso a tu cuenta de {project}", lines: ["Abre el siguiente enlace para recuperar tu cuenta:", "El enlace caduca en {minutes} minutos. Si no solicitaste recuperar tu cuenta, ignora este correo."] },
    verification_valid: { subject: "Verifica tu dirección de correo para {project}", lines: ["Abre el siguiente enlace para verificar tu dirección de correo:", "El enlace caduca en {minutes} minutos."] },
    footer: "Enviado por {project}.",
    roles: { owner: "propietario", admin: "administrador", developer: "desarrollador", viewer: "lector" },
    linkLabel: { workspace_invitation: "Aceptar la invitación", recovery_valid: "Recuperar la cuenta", verification_valid: "Verificar la dirección" },
  },
  ja: {
    recovery_code_valid: { subject: "{project} アカウントへのアクセスを回復", lines: ["次のコードを使ってアカウントを回復してください:", "このコードの有効期限は {minutes} 分です。心当たりがない場合は、このメールを無視してください。"] },
    recovery_code_invalid: { subject: "アカウントへのアクセスが試みられました", lines: ["このメールアドレスで {project} アカウントの回復が要求されましたが、このアドレスを使うアカウントはありません。", "ご本人の場合は、別のアドレスで登録していないかご確認ください。そうでなければ、このメールを無視してください。"] },
    verification_code_valid: { subject: "{project} のメールアドレスを確認してください", lines: ["次のコードを使ってメールアドレスを確認してください:", "このコードの有効期限は {minutes} 分です。"] },
    login_notice: { subject: "{project} アカウントへの新しいサインイン", lines: ["{time} に {ip} ({agent}) からアカウントにサインインがありました。", "心当たりがない場合は、すぐにパスワードを再設定してください。"] },
    workspace_invitation: { subject: "{inviter} さんが {project} の {workspace} に招待しました", lines: ["{inviter} さんがワークスペース {workspace} に {role} として参加するよう招待しました。", "この招待の有効期限は {days} 日です。心当たりがない場合は、このメールを無視してください。"] },
    login_code_valid: { subject: "{project} のサインインコード", lines: ["次のコードを使ってサインインしてください:", "このコードの有効期限は {minutes} 分です。サインインしようとしていない場合は、このメッセージを無視してください。"] },
    registration_code_valid: { subject: "{project} への登録を完了してください", lines: ["次のコードを使って登録を完了してください:", "このコードの有効期限は {minutes} 分です。登録していない場合は、このメッセージを無視してください。"] },
    recovery_valid: { subject: "{project} アカウントへのアクセスを回復", lines: ["次のリンクを開いてアカウントを回復してください:", "このリンクの有効期限は {minutes} 分です。回復を依頼していない場合は、このメールを無視してください。"] },
    verification_valid: { subject: "{project} のメールアドレスを確認してください", lines: ["次のリンクを開いてメールアドレスを確認してください:", "このリンクの有効期限は {minutes} 分です。"] },
    footer: "{project} から送信されました。",
    roles: { owner: "オーナー", admin: "管理者", developer: "開発者", viewer: "閲覧者" },
    linkLabel: { workspace_invitation: "招待を承諾する", recovery_valid: "アカウントを回復する", verification_valid: "アドレスを確認する" },
  },
  "pt-BR": {
    recovery_code_valid: { subject: "Recupere o acesso à sua conta {project}", lines: ["Use o código a seguir para recuperar sua conta:", "O código expira em {minutes} minutos. Se você não pediu a recuperação, ignore este e-mail."] },
    recovery_code_invalid: { subject: "Tentativa de acesso a uma conta", lines: ["Alguém pediu para recuperar uma conta {project} com este endereço de e-mail, mas nenhuma conta o utiliza.", "Se foi você, verifique se você se cadastrou com outro endereço. Caso contrário, ignore este e-mail."] },
    verification_code_valid: { subject: "Verifique seu endereço de e-mail para {project}", lines: ["Use o código a seguir para verificar seu endereço de e-mail:", "O código expira em {minutes} minutos."] },
    login_notice: { subject: "Novo acesso à sua conta {project}", lines: ["Sua conta foi acessada em {time} a partir de {ip} ({agent}).", "Se não foi você, redefina sua senha imediatamente."] },
    workspace_invitation: { subject: "{inviter} convidou você para {workspace} no {project}", lines: ["{inviter} convidou você para participar do espaço de trabalho {workspace} como {role}.", "O convite expira em {days} dias. Se você não esperava por ele, ignore este e-mail."] },
    login_code_valid: { subject: "Seu código de acesso ao {project}", lines: ["Use o código a seguir para entrar:", "O código expira em {minutes} minutos. Se você não tentou entrar, ignore esta mensagem."] },
    registration_code_valid: { subject: "Conclua seu cadastro no {project}", lines: ["Use o código a seguir para concluir seu cadastro:", "O código expira em {minutes} minutos. Se você não se cadastrou, ignore esta mensagem."] },
    recovery_valid: { subject: "Recupere o acesso à sua conta {project}", lines: ["Abra o link a seguir para recuperar sua conta:", "O link expira em {minutes} minutos. Se você não pediu para recuperar sua conta, ignore este e-mail."] },
    verification_valid: { subject: "Verifique seu endereço de e-mail para {project}", lines: ["Abra o link a seguir para verificar seu endereço de e-mail:", "O link expira em {minutes} minutos."] },
    footer: "Enviado por {project}.",
    roles: { owner: "proprietário", admin: "administrador", developer: "desenvolvedor", viewer: "leitor" },
    linkLabel: { workspace_invitation: "Aceitar o convite", recovery_valid: "Recuperar a conta", verification_valid: "Verificar o endereço" },
  },
};
