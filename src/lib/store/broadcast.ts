/** Tells other tabs (and this tab's page, from the worker) that stored data changed. */
export type StoreEvent = { type: 'datasets-changed' } | { type: 'crm-changed' };

const CHANNEL = 'paretoscope';

export function announce(event: StoreEvent): void {
	if (typeof BroadcastChannel === 'undefined') return;
	const ch = new BroadcastChannel(CHANNEL);
	ch.postMessage(event);
	ch.close();
}

export function listen(handler: (event: StoreEvent) => void): () => void {
	if (typeof BroadcastChannel === 'undefined') return () => {};
	const ch = new BroadcastChannel(CHANNEL);
	ch.onmessage = (e: MessageEvent<StoreEvent>) => handler(e.data);
	return () => ch.close();
}
