/** Thrown inside a transaction when a row's revision moved after it was read: the transaction runs again. */
export class StaleRevision extends Error {}

function isWriteConflict(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  // A serialisation failure at COMMIT reaches us as the driver adapter's own error, not as P2034.
  const driverKind = (error as { cause?: { kind?: string } }).cause?.kind;
  return (
    code === "P2034" ||
    code === "SQLITE_BUSY" ||
    driverKind === "TransactionWriteConflict" ||
    error instanceof StaleRevision
  );
}

/** Runs a transaction, again when a concurrent one made it fail (a serialisation failure, a busy database or a stale revision). */
export async function withRetry<T>(run: () => Promise<T>, attempts = 8): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= attempts || !isWriteConflict(error)) throw error;
      // A short, jittered pause so racing writers do not collide again in lockstep.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));
    }
  }
}
