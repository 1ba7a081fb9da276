/**
 * The prompt that has the identity provider ask which account to use, from the prompt values its
 * discovery document lists: select_account where it lists it, else login. Login is in OpenID
 * Connect Core, so every provider knows it: the provider asks for credentials again, and any
 * account's will do. A value a provider does not support is refused by strict ones, so
 * select_account is sent only where listed. Pure.
 */
export function anotherAccountPrompt(promptValuesSupported: unknown): "select_account" | "login" {
  return Array.isArray(promptValuesSupported) && promptValuesSupported.includes("select_account")
    ? "select_account"
    : "login";
}
