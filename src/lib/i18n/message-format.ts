/**
 * Message text with parameters: `{name}` is replaced by the parameter (a whole number written for
 * the locale: `1 234` in Russian, `1,234` in English), and an ICU plural block
 * `{name, plural, =0 {none} one {# row} few {# rows} other {# rows}}` chooses its form for the
 * number `name` by `Intl.PluralRules` (exact `=n` first, then the category, then `other`), `#`
 * being that number formatted for the locale. Blocks may contain other `{name}` parameters.
 */

/** The text between `open` (a `{`) and its matching `}`, and the index after it; null when unbalanced. */
function block(s: string, open: number): { body: string; end: number } | null {
	let depth = 0;
	for (let i = open; i < s.length; i++) {
		if (s[i] === '{') depth++;
		else if (s[i] === '}' && --depth === 0) return { body: s.slice(open + 1, i), end: i + 1 };
	}
	return null;
}

/** The forms of a plural block's body after `name, plural,`: selector (`one`, `=0`…) → text. */
function forms(body: string): Map<string, string> {
	const out = new Map<string, string>();
	let i = 0;
	while (i < body.length) {
		const m = /^\s*(=\d+|zero|one|two|few|many|other)\s*\{/.exec(body.slice(i));
		if (!m) break;
		const b = block(body, i + m[0].length - 1);
		if (!b) break;
		out.set(m[1], b.body);
		i = b.end;
	}
	return out;
}

/**
 * `message` with its parameters filled in. `rules` picks the plural category, `number` formats
 * `#`. A plural block whose parameter is missing or not a number is left as written.
 */
export function formatMessage(
	message: string,
	params: Record<string, string | number>,
	rules: Intl.PluralRules,
	number: (n: number) => string
): string {
	let out = '';
	let i = 0;
	while (i < message.length) {
		const open = message.indexOf('{', i);
		if (open < 0) {
			out += message.slice(i);
			break;
		}
		out += message.slice(i, open);
		const b = block(message, open);
		if (!b) {
			out += message.slice(open);
			break;
		}
		const plural = /^\s*(\w+)\s*,\s*plural\s*,([\s\S]*)$/.exec(b.body);
		if (plural) {
			const n = params[plural[1]];
			const f = forms(plural[2]);
			if (typeof n === 'number' && f.size) {
				const chosen = f.get(`=${n}`) ?? f.get(rules.select(n)) ?? f.get('other') ?? '';
				out += formatMessage(chosen.replace(/#/g, number(n)), params, rules, number);
			} else out += message.slice(open, b.end);
		} else {
			const name = b.body.trim();
			const v = params[name];
			out +=
				/^\w+$/.test(name) && name in params
					? typeof v === 'number' && Number.isInteger(v)
						? number(v)
						: String(v)
					: message.slice(open, b.end);
		}
		i = b.end;
	}
	return out;
}

/** The parameter names a message uses, in plural blocks and their forms too. */
export function messageParams(message: string): Set<string> {
	const names = new Set<string>();
	const scan = (s: string) => {
		for (let i = s.indexOf('{'); i >= 0; i = s.indexOf('{', i)) {
			const b = block(s, i);
			if (!b) return;
			const plural = /^\s*(\w+)\s*,\s*plural\s*,([\s\S]*)$/.exec(b.body);
			if (plural) {
				names.add(plural[1]);
				for (const form of forms(plural[2]).values()) scan(form);
			} else if (/^\s*\w+\s*$/.test(b.body)) names.add(b.body.trim());
			i = b.end;
		}
	};
	scan(message);
	return names;
}
