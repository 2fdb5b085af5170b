/**
 * Reading a prospects file: it goes through the same sniffing and decoding as a sales file, its
 * records are split by PapaParse (or the lenient reader for text after closing quotes), and each
 * record after the header becomes a prospect (prospect-csv.ts).
 */
import Papa from 'papaparse';
import type { Prospect } from '../engine/crm-types';
import { decodeWhole } from './decode';
import { sniffFile, type FileSniff } from './file-sniff';
import { hasMalformedQuotes, parseLenient } from './lenient';
import { prospectFromRecord, type ProspectField } from './prospect-csv';
import type { Delimiter } from './sniff';
import type { TextEncodingName } from './types';

/** How to read a prospects file: an encoding or delimiter the user chose (else sniffed). */
export interface ProspectFileChoice {
	encoding?: TextEncodingName;
	delimiter?: Delimiter;
}

/**
 * Sniffs a prospects file and decodes all of it. Rejects with ImportError as `sniffFile` does
 * (empty, too large, binary, an unclosed quote, no data rows).
 */
export async function readProspectFile(
	file: File,
	choice: ProspectFileChoice = {}
): Promise<{ sniff: FileSniff; text: string }> {
	const sniff = await sniffFile(file, file.name, { encoding: choice.encoding, delimiter: choice.delimiter });
	const bytes = new Uint8Array(await file.arrayBuffer());
	const text = decodeWhole(bytes, sniff.encoding);
	return { sniff, text };
}

/** The records of a decoded prospects file after its header row, every field as text. */
export function prospectRecords(
	text: string,
	sniff: Pick<FileSniff, 'delimiter' | 'newline' | 'headerRow'>
): string[][] {
	const records = hasMalformedQuotes(text, sniff.delimiter)
		? parseLenient(text, sniff.delimiter, sniff.newline).records
		: Papa.parse<string[]>(text, { delimiter: sniff.delimiter, newline: sniff.newline, skipEmptyLines: false }).data;
	return records.slice(sniff.headerRow + 1);
}

/** What a parsed prospect gets besides its cells: `newId` gives each record's id, `now` is ms since the epoch. */
export interface ProspectImport extends ProspectFileChoice {
	map: Record<ProspectField, number>;
	workspaceId: string;
	now: number;
	newId: () => string;
}

/**
 * Reads a prospects file into prospects, mapped with `p.map` (field → column, -1 unmapped); records
 * without a company are left out. Rejects with ImportError as `readProspectFile` does.
 */
export async function parseProspectFile(file: File, p: ProspectImport): Promise<Prospect[]> {
	const { sniff, text } = await readProspectFile(file, p);
	const out: Prospect[] = [];
	for (const rec of prospectRecords(text, sniff)) {
		const prospect = prospectFromRecord(rec, p.map, { id: p.newId(), workspaceId: p.workspaceId, now: p.now });
		if (prospect) out.push(prospect);
	}
	return out;
}
