/**
 * The embedded offline basemap (public/basemap/style.json) and helpers to use it.
 * Pure: works on the style JSON, no DOM, no fetch.
 *
 * Labels: the style has NO `glyphs` URL on purpose. MapLibre GL JS (v2+, here 5.x) then
 * draws every label glyph locally with TinySDF from the fonts named in `text-font`
 * (used as CSS font families), so Chinese and Latin text render with no network and no
 * glyph PBFs. Keep `localIdeographFontFamily` at its default or set it to the same CJK
 * family. A renderer that needs server glyphs (MapLibre Native) needs a `glyphs` URL
 * added; see docs/geography.md.
 */

export const BASEMAP_STYLE_URL = '/basemap/style.json';

/** CSS font families the style's `text-font` uses (first match wins, per glyph). */
export const LABEL_FONT_STACK = ['Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', 'sans-serif'];

/** Ids of the style's symbol layers whose text follows the UI language. */
export const LABEL_LAYER_IDS = ['road-label', 'water-label', 'district-label', 'zone-label', 'landmark-label'] as const;

export type Lang = 'zh' | 'en';

/** `text-field` expression for a language (falls back to the other language). */
export function textField(lang: Lang): unknown[] {
  return lang === 'en' ? ['coalesce', ['get', 'name_en'], ['get', 'name_zh']] : ['coalesce', ['get', 'name_zh'], ['get', 'name_en']];
}

interface StyleLike {
  layers: { id: string; type: string; layout?: Record<string, unknown> }[];
  sources: Record<string, { type: string; data?: unknown; url?: string }>;
  [k: string]: unknown;
}

/** A copy of the style with label layers in the given language. */
export function localizeStyle<S extends StyleLike>(style: S, lang: Lang): S {
  const copy = JSON.parse(JSON.stringify(style)) as S;
  for (const layer of copy.layers) {
    if ((LABEL_LAYER_IDS as readonly string[]).includes(layer.id) && layer.layout) layer.layout['text-field'] = textField(lang);
  }
  return copy;
}

/**
 * A copy of the style whose relative GeoJSON source URLs ("/geo/…") are made absolute
 * against `base` (e.g. `location.origin` or a CDN-less deployment prefix).
 */
export function resolveSourceUrls<S extends StyleLike>(style: S, base: string): S {
  const copy = JSON.parse(JSON.stringify(style)) as S;
  for (const src of Object.values(copy.sources)) {
    if (typeof src.data === 'string' && !/^[a-z]+:/i.test(src.data)) src.data = new URL(src.data, base).toString();
    if (typeof src.url === 'string' && !/^[a-z]+:/i.test(src.url)) src.url = new URL(src.url, base).toString();
  }
  return copy;
}

/** Every URL the style would fetch (for offline checks): sources, glyphs, sprite. */
export function styleUrls(style: StyleLike): string[] {
  const urls: string[] = [];
  for (const src of Object.values(style.sources)) {
    if (typeof src.data === 'string') urls.push(src.data);
    if (typeof src.url === 'string') urls.push(src.url);
    const tiles = (src as { tiles?: string[] }).tiles;
    if (tiles) urls.push(...tiles);
  }
  if (typeof style.glyphs === 'string') urls.push(style.glyphs);
  if (typeof style.sprite === 'string') urls.push(style.sprite);
  return urls;
}
