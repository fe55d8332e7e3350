import { describe, expect, it } from 'vitest';
import { normalize, scoreWord, searchCommunities, type Searchable } from './search';

const items: Searchable[] = [
  { id: '410105-0001', name: '锦绣花园', name_en: 'Jinxiu Garden', py: 'jxhy', district: '410105' },
  { id: '410105-0002', name: '锦绣花园二期', name_en: 'Jinxiu Garden (Phase II)', py: 'jxhyeq', district: '410105' },
  { id: '410103-0003', name: '纬五路12号院', name_en: 'Weiwu Road No. 12 Compound', py: 'wwl12hy', district: '410103' },
  { id: '410102-0004', name: '电业局家属院', name_en: 'Power Bureau Staff Housing', py: 'dyjjsy', district: '410102' },
  { id: 'ZD-0005', name: '祭城新村', name_en: 'Zhaicheng New Village', py: 'zcxc', district: 'ZD' },
  { id: '410185-0006', name: '少林大道花园', name_en: 'Shaolin Garden', py: 'sldlhy', district: '410185' },
];
const names = (q: string) => searchCommunities(q, items).map((h) => items[h.index].name);

describe('community search', () => {
  it('finds by Chinese name: exact first, then prefix, then substring', () => {
    expect(names('锦绣花园')).toEqual(['锦绣花园', '锦绣花园二期']);
    expect(names('花园')[0]).toBe('锦绣花园');
    expect(names('花园')).toContain('少林大道花园');
    expect(names('家属院')).toEqual(['电业局家属院']);
  });

  it('finds by pinyin initials (prefix or inside) and by the pinyin/English name', () => {
    expect(names('jxhy')).toEqual(['锦绣花园', '锦绣花园二期']);
    expect(names('JXHY')).toEqual(['锦绣花园', '锦绣花园二期']); // case-insensitive
    expect(names('ｊｘｈｙ')).toEqual(['锦绣花园', '锦绣花园二期']); // full-width input
    expect(names('wwl')).toEqual(['纬五路12号院']);
    expect(names('zhaicheng')).toEqual(['祭城新村']);
    expect(names('staff housing')).toEqual(['电业局家属院']);
  });

  it('finds Chinese characters in order (abbreviated input) after substrings', () => {
    expect(names('锦园')).toEqual(['锦绣花园', '锦绣花园二期']);
    expect(names('纬五12')).toEqual(['纬五路12号院']);
  });

  it('matches every word, a word may name the district', () => {
    expect(names('金水 花园')).toEqual(['锦绣花园', '锦绣花园二期']);
    expect(names('登封 花园')).toEqual(['少林大道花园']);
    expect(names('花园 不存在')).toEqual([]);
  });

  it('finds by id, and nothing for an empty or unmatched query', () => {
    expect(names('zd-0005')).toEqual(['祭城新村']);
    expect(names('')).toEqual([]);
    expect(names('   ')).toEqual([]);
    expect(names('qqqq')).toEqual([]);
    expect(scoreWord(normalize('x'), items[0])).toBe(0);
  });

  it('limits and orders deterministically', () => {
    const many = Array.from({ length: 50 }, (_, i) => ({ id: `X${i}`, name: `幸福花园${'号'.repeat(i % 3)}`, py: 'xfhy' }));
    const hits = searchCommunities('xfhy', many, 5);
    expect(hits).toHaveLength(5);
    expect(hits.map((h) => h.index)).toEqual([0, 3, 6, 9, 12]);
  });
});
