/**
 * Finding a community by name: Chinese (substring, or the characters in order), pinyin
 * initials (jshy → 锦绣花园), the English/pinyin name, or the id. Several words must all
 * match; a word may also name the district (金水 花园 → gardens in 金水区).
 * Pure functions: unit-tested in search.test.ts.
 */
import { districtInfo } from './model';

export interface Searchable {
  id: string;
  name?: unknown;
  name_en?: unknown;
  py?: unknown;
  district?: unknown;
}

export interface SearchHit {
  /** index into the searched list */
  index: number;
  score: number;
}

/** Full-width to half-width, lower case, no spaces at the ends. */
export function normalize(q: string): string {
  return q.normalize('NFKC').toLowerCase().trim();
}

const ASCII = /^[a-z0-9'\- .]+$/;

/** True if every character of `q` appears in `s` in order. */
function subsequence(q: string, s: string): boolean {
  let k = 0;
  for (const ch of s) if (ch === q[k] && ++k === q.length) return true;
  return k === q.length;
}

/** Score of one word against one community (0 = no match). */
export function scoreWord(word: string, c: Searchable): number {
  const name = typeof c.name === 'string' ? c.name.normalize('NFKC').toLowerCase() : '';
  if (name) {
    if (name === word) return 100;
    if (name.startsWith(word)) return 90;
    const at = name.indexOf(word);
    if (at >= 0) return 80 - Math.min(at, 10);
  }
  const id = c.id.toLowerCase();
  if (id === word) return 95;
  if (word.length >= 4 && id.startsWith(word)) return 85;
  if (ASCII.test(word)) {
    const py = typeof c.py === 'string' ? c.py : '';
    if (py && word.length >= 2 && !word.includes(' ')) {
      if (py === word) return 78;
      if (py.startsWith(word)) return 72;
      if (word.length >= 3 && py.includes(word)) return 55;
    }
    const en = typeof c.name_en === 'string' ? c.name_en.toLowerCase() : '';
    if (en && word.length >= 2) {
      if (en.startsWith(word)) return 68;
      const at = en.indexOf(word);
      if (at > 0 && /[\s(,]/.test(en[at - 1])) return 62;
      if (word.length >= 3 && at > 0) return 45;
    }
  } else if (name && [...word].length >= 2 && subsequence(word, name)) return 30;
  // the word may name the district
  const d = districtInfo(c.district);
  if (d) {
    if (d.zh.includes(word) || d.short_zh === word) return 20;
    if (ASCII.test(word) && word.length >= 3 && d.en.toLowerCase().includes(word)) return 20;
  }
  return 0;
}

/**
 * The best matches of a query among `items`, best first (ties: shorter name, then list
 * order). An empty query matches nothing.
 */
export function searchCommunities(query: string, items: ArrayLike<Searchable>, limit = 8): SearchHit[] {
  const q = normalize(query);
  if (!q) return [];
  // one word as typed; with spaces, every word must match (but a name may contain spaces)
  const words = q.split(/\s+/).filter(Boolean);
  const hits: (SearchHit & { len: number })[] = [];
  for (let i = 0; i < items.length; i++) {
    const c = items[i];
    let score = words.length > 1 ? scoreWord(q, c) : 0;
    if (!score) {
      let sum = 0;
      for (const w of words) {
        const s = scoreWord(w, c);
        if (!s) {
          sum = 0;
          break;
        }
        sum += s;
      }
      score = words.length ? sum / words.length - (words.length > 1 ? 1 : 0) : 0;
    }
    if (score > 0) hits.push({ index: i, score, len: typeof c.name === 'string' ? c.name.length : 99 });
  }
  hits.sort((a, b) => b.score - a.score || a.len - b.len || a.index - b.index);
  return hits.slice(0, limit).map(({ index, score }) => ({ index, score }));
}
