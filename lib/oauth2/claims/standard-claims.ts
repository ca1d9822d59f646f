/** OIDC Core §5.4: the claims each standard scope requests. */
export const SCOPE_CLAIMS: Record<string, readonly string[]> = {
  profile: ["name", "family_name", "given_name", "middle_name", "nickname", "preferred_username", "profile", "picture", "website", "gender", "birthdate", "zoneinfo", "locale", "updated_at"],
  email: ["email", "email_verified"],
  address: ["address"],
  phone: ["phone_number", "phone_number_verified"],
};

export const STANDARD_CLAIMS = Object.values(SCOPE_CLAIMS).flat();
