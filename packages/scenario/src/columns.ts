type TypedArray = Uint16Array | Uint32Array;
type TypedArrayConstructor<T extends TypedArray> = new (length: number) => T;

/**
 * A typed-array column that grows by doubling, so a table of a million rows is built without
 * an array of objects. `values()` returns a trimmed copy.
 *
 * @example
 * const day = new Column(Uint16Array);
 * day.push(3);
 * day.values(); // Uint16Array [3]
 */
export class Column<T extends TypedArray> {
  private data: T;
  private size = 0;

  constructor(
    private readonly type: TypedArrayConstructor<T>,
    capacity = 1024,
  ) {
    this.data = new type(capacity);
  }

  /** Rows so far. */
  get length(): number {
    return this.size;
  }

  /** Appends one value (it must fit the column's type). */
  push(value: number): void {
    if (this.size === this.data.length) {
      const grown = new this.type(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.size++] = value;
  }

  /** The rows, trimmed to their count. */
  values(): T {
    return this.data.slice(0, this.size) as T;
  }
}
