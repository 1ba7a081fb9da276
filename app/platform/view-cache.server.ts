/**
 * A small in-process cache of computed views, for keys that name their own version (decision
 * 020): at most `entries` kept, the least recently used going first, none older than
 * `maxAgeMs`. Concurrent requests for a key being computed share the one computation.
 */
export class ViewCache<T> {
  private readonly kept = new Map<string, { at: number; value: Promise<T> }>();

  constructor(private readonly options: { entries: number; maxAgeMs: number }) {}

  get(key: string, compute: () => Promise<T>, now = Date.now()): Promise<T> {
    const hit = this.kept.get(key);
    if (hit && now - hit.at <= this.options.maxAgeMs) {
      this.kept.delete(key);
      this.kept.set(key, hit);
      return hit.value;
    }
    const value = compute();
    this.kept.set(key, { at: now, value });
    // A failed computation is not kept: the next request tries again.
    value.catch(() => this.kept.get(key)?.value === value && this.kept.delete(key));
    while (this.kept.size > this.options.entries) this.kept.delete(this.kept.keys().next().value!);
    return value;
  }
}
