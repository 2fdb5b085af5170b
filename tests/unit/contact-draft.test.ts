import { describe, expect, it } from 'vitest';
import { CONTACT_KINDS, draftToContact, newContactDraft } from '../../src/lib/state/contact-draft';
import { daysFromCivil } from '../../src/lib/core/calendar';

const TODAY = daysFromCivil(2024, 3, 1);

describe('newContactDraft', () => {
	it('starts dated today, positive, with no note', () => {
		expect(newContactDraft(TODAY)).toEqual({ date: '2024-03-01', kind: 'positive', note: '' });
	});
});

describe('draftToContact', () => {
	it('gives the entry with the typed day, the kind and the trimmed note', () => {
		expect(draftToContact({ date: '2024-02-20', kind: 'negative', note: '  Late delivery complaint ' })).toEqual({
			day: daysFromCivil(2024, 2, 20),
			kind: 'negative',
			note: 'Late delivery complaint'
		});
	});

	it('refuses an empty or invalid date: a contact always has a day', () => {
		for (const date of ['', '   ', '2024-02-30', 'yesterday'])
			expect(draftToContact({ date, kind: 'positive', note: 'x' })).toEqual({ error: 'date' });
	});

	it('lists the kinds in the order of the select', () => {
		expect(CONTACT_KINDS).toEqual(['positive', 'neutral', 'negative']);
	});
});
