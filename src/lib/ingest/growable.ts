/** Append-only typed arrays that double their capacity: columns of unknown length without row objects. */
type TypedCtor<T> = { new (n: number): T };

export class Growable<T extends Float64Array | Int32Array | Uint16Array | Uint8Array> {
	private data: T;
	length = 0;
	constructor(
		private readonly ctor: TypedCtor<T>,
		capacity = 1024
	) {
		this.data = new ctor(capacity);
	}
	push(v: number): void {
		if (this.length === this.data.length) {
			const next = new this.ctor(this.data.length * 2);
			(next as unknown as { set(a: T): void }).set(this.data);
			this.data = next;
		}
		this.data[this.length++] = v;
	}
	/** Appends a whole array (the rows another builder read). */
	append(values: ArrayLike<number>): void {
		const need = this.length + values.length;
		if (need > this.data.length) {
			const next = new this.ctor(Math.max(need, this.data.length * 2));
			(next as unknown as { set(a: T): void }).set(this.data);
			this.data = next;
		}
		(this.data as unknown as { set(a: ArrayLike<number>, at: number): void }).set(values, this.length);
		this.length = need;
	}
	set(i: number, v: number): void {
		this.data[i] = v;
	}
	/** A right-sized copy. */
	toArray(): T {
		return this.data.slice(0, this.length) as T;
	}
}
