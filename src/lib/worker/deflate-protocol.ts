/** Messages between the analysis worker and the deflate worker (one ZIP entry per `id`). */

export type DeflateRequest =
	| { type: 'open'; id: number }
	/** `chunk` is transferred */
	| { type: 'push'; id: number; chunk: Uint8Array<ArrayBuffer> }
	| { type: 'end'; id: number };

export type DeflateResponse =
	| { type: 'data'; id: number; data: Uint8Array<ArrayBuffer> }
	/** the entry is complete: the CRC-32 and size of what was pushed */
	| { type: 'end'; id: number; crc: number; size: number }
	| { type: 'error'; id: number; message: string };
