/** The client Rungs is registered as at the tests' identity provider (test/utils/identity-provider.ts). */
export const TEST_CLIENT = { id: "rungs", secret: "rungs-test-client-secret" };
