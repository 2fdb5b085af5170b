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
			const next = new this.ctor(Math.max(1024, this.data.length * 2));
			(next as unknown as { set(a: T): void }).set(this.data);
			this.data = next;
		}
		this.data[this.length++] = v;
	}
	/** Appends a whole array (the rows another builder read). */
	append(values: ArrayLike<number>): void {
		const need = this.length + values.length;
		if (need > this.data.length) {
			const next = new this.ctor(Math.max(need, 1024, this.data.length * 2));
			(next as unknown as { set(a: T): void }).set(this.data);
			this.data = next;
		}
		(this.data as unknown as { set(a: ArrayLike<number>, at: number): void }).set(values, this.length);
		this.length = need;
	}
	/** Makes room for `n` values at least (one allocation now instead of doublings later). */
	reserve(n: number): void {
		if (n <= this.data.length) return;
		const next = new this.ctor(n);
		(next as unknown as { set(a: T): void }).set(this.data);
		this.data = next;
	}
	/** Appends `value` until the column holds `n` values (a column that starts after rows without it). */
	padTo(n: number, value: number): void {
		if (n <= this.length) return;
		if (n > this.data.length) this.reserve(Math.max(n, this.data.length * 2));
		this.data.fill(value, this.length, n);
		this.length = n;
	}
	set(i: number, v: number): void {
		this.data[i] = v;
	}
	/**
	 * The values as a right-sized array. Where the browser can resize a buffer in place
	 * (`ArrayBuffer.prototype.transfer`) the growing array is cut to size and handed over, its
	 * spare capacity freed at once instead of at the next garbage collection: at 5M rows the
	 * builder's columns and their copies made twice the memory. Otherwise a copy. The values stay
	 * readable here either way; a later `push` grows a new array.
	 */
	toArray(): T {
		if (this.length === this.data.length) return this.data;
		const buffer = this.data.buffer as ArrayBuffer & { transfer?: (byteLength: number) => ArrayBuffer };
		if (typeof buffer.transfer !== 'function' || this.data.byteOffset !== 0) {
			return this.data.slice(0, this.length) as T;
		}
		this.data = this.resized(buffer.transfer(this.length * this.data.BYTES_PER_ELEMENT));
		return this.data;
	}
	private resized(buffer: ArrayBuffer): T {
		return new (this.ctor as unknown as { new (b: ArrayBuffer): T })(buffer);
	}
}
