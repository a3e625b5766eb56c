/** "Did you mean" helpers shared by schema findings, rules, the configuration file and the CLI. Pure. */

/**
 * Optimal-string-alignment distance (Damerau–Levenshtein with adjacent transpositions), case-sensitive.
 * With `max`, gives up early and returns `max + 1` for anything farther.
 */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return Math.min(prev[n], max + 1);
}

/**
 * Candidates close to `word`: equal ignoring case, within an edit distance that grows with length
 * (1 for names of up to 4 characters, 2 beyond), or starting with it (4 characters or more); best first.
 */
export function closeMatches(word: string, candidates: Iterable<string>): string[] {
  const lower = word.toLowerCase();
  const scored: { c: string; d: number }[] = [];
  for (const c of candidates) {
    if (c === word) continue;
    const cl = c.toLowerCase();
    if (cl === lower) {
      scored.push({ c, d: 0 });
      continue;
    }
    const max = Math.min(word.length, c.length) <= 4 ? 1 : 2;
    const d = editDistance(lower, cl, max);
    if (d <= max) scored.push({ c, d });
    // An abbreviation of a long name (`TriggerAuth` for `TriggerAuthentication`) ranks after real typos.
    else if (lower.length >= 4 && cl.startsWith(lower)) scored.push({ c, d: max + 1 });
  }
  scored.sort((x, y) => x.d - y.d || (x.c < y.c ? -1 : 1));
  // When one candidate is strictly closer than the rest, it alone is the suggestion.
  if (scored.length > 1 && scored[0].d < scored[1].d) return [scored[0].c];
  return scored.map((s) => s.c);
}

/** `'a'`, `'a' or 'b'`, `'a', 'b' or 'c'`. */
export function quoteList(items: readonly string[], conj = 'or'): string {
  const q = items.map((i) => `'${i}'`);
  if (q.length <= 1) return q.join('');
  return `${q.slice(0, -1).join(', ')} ${conj} ${q[q.length - 1]}`;
}

/** The candidate nearest to `word` (ignoring case) when it is close enough to be a likely typo, else undefined. */
export function closestMatch(word: string, candidates: Iterable<string>): string | undefined {
  const w = word.toLowerCase();
  const limit = Math.max(2, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestD = limit + 1;
  for (const c of candidates) {
    const d = editDistance(w, c.toLowerCase(), bestD - 1);
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return best;
}
