/** Tables of an in-memory database: each a map from primary key to row. */
export class MemoryStore {
  tables = new Map<string, Map<string, unknown>>();

  table<T>(name: string): Map<string, T> {
    let table = this.tables.get(name);
    if (!table) {
      table = new Map();
      this.tables.set(name, table);
    }
    return table as Map<string, T>;
  }

  snapshot(): Map<string, Map<string, unknown>> {
    return structuredClone(this.tables);
  }

  restore(snapshot: Map<string, Map<string, unknown>>): void {
    this.tables = snapshot;
  }
}

/** Serialises async critical sections, so memory transactions behave as if serializable. */
export class Mutex {
  private tail: Promise<void> = Promise.resolve();

  async run<T>(work: () => Promise<T>): Promise<T> {
    const previous = this.tail;
    let release!: () => void;
    this.tail = new Promise((resolve) => (release = resolve));
    await previous;
    try {
      return await work();
    } finally {
      release();
    }
  }
}
