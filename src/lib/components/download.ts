/** Saving a file from the browser: a blob handed to a temporary `<a download>` link. */

/** Starts the download of `blob` as a file called `name`; the object URL is released a second later. */
export function saveBlob(blob: Blob, name: string): void {
	const a = document.createElement('a');
	a.href = URL.createObjectURL(blob);
	a.download = name;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}
