// A Web Storage (localStorage) in memory for tests in Node, with an optional quota in
// characters so a test can fill it the way a browser's fills.
export class MemoryStorage implements Storage {
  private items = new Map<string, string>();

  constructor(private quotaChars = Infinity) {}

  get length() {
    return this.items.size;
  }

  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }

  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }

  setItem(key: string, value: string): void {
    let used = key.length + value.length;
    for (const [k, v] of this.items) if (k !== key) used += k.length + v.length;
    if (used > this.quotaChars) {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    }
    this.items.set(key, String(value));
  }

  removeItem(key: string): void {
    this.items.delete(key);
  }

  clear(): void {
    this.items.clear();
  }
}
