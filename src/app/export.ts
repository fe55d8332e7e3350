/**
 * PNG export of the current view: the whole cockpit (map and panels) as on screen, with a
 * caption stamped in the map's lower-left corner — title, data time, data source and the
 * SIMULATED label when the data is generated. The map canvas keeps its drawing buffer
 * (`preserveDrawingBuffer`, mapController.ts), so its pixels are read after the map is idle;
 * the DOM is rendered by html-to-image (SVG foreignObject, no network, no inline script).
 */
import { toCanvas } from 'html-to-image';

export interface Caption {
  title: string;
  time: string;
  source: string;
  simulated?: string;
  exported: string;
}

export interface ExportResult {
  blob: Blob;
  width: number;
  height: number;
  filename: string;
}

/** Elements left out of a picture (pointer-following and transient UI). */
function keep(node: HTMLElement): boolean {
  const cl = node.classList;
  if (!cl) return true;
  return !(cl.contains('tooltip') || cl.contains('no-export') || cl.contains('search-results') || cl.contains('help-overlay'));
}

export async function renderView(root: HTMLElement, mapBox: DOMRect | null, caption: Caption, filenameTime: string): Promise<ExportResult> {
  const width = Math.round(root.clientWidth);
  const height = Math.round(root.clientHeight);
  const canvas = await toCanvas(root, {
    width,
    height,
    canvasWidth: width,
    canvasHeight: height,
    pixelRatio: 1,
    skipFonts: true, // system fonts only (offline); nothing to embed
    cacheBust: false,
    backgroundColor: getComputedStyle(document.documentElement).backgroundColor || '#04101f',
    filter: keep,
  });
  const g = canvas.getContext('2d')!;
  stamp(g, caption, mapBox ? { x: mapBox.x, y: mapBox.y, w: mapBox.width, h: mapBox.height } : { x: 0, y: 0, w: width, h: height });
  const blob = await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the picture could not be encoded'))), 'image/png'));
  return { blob, width: canvas.width, height: canvas.height, filename: `cockpit-${filenameTime}.png` };
}

/** The caption: a dark box in the lower-left corner of the map, type scaled to the screen. */
function stamp(g: CanvasRenderingContext2D, c: Caption, box: { x: number; y: number; w: number; h: number }): void {
  const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  const font = '"Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", sans-serif';
  const lines: { text: string; size: number; color: string; bold?: boolean }[] = [
    { text: c.title, size: 1.1 * rem, color: '#eaf6ff', bold: true },
    { text: c.time, size: 0.95 * rem, color: '#00e5ff' },
    { text: [c.source, c.simulated].filter(Boolean).join(' · '), size: 0.85 * rem, color: c.simulated ? '#ffb020' : '#9fd0ff' },
    { text: c.exported, size: 0.75 * rem, color: '#7f9cc2' },
  ];
  const pad = 0.6 * rem;
  let w = 0;
  for (const l of lines) {
    g.font = `${l.bold ? '700 ' : ''}${l.size}px ${font}`;
    w = Math.max(w, g.measureText(l.text).width);
  }
  w = Math.min(w, box.w - 2 * rem);
  const h = lines.reduce((a, l) => a + l.size * 1.35, 0);
  const x = box.x + 0.8 * rem;
  const y = box.y + box.h - h - 2 * pad - 2.2 * rem; // above the scale bar
  g.save();
  g.fillStyle = 'rgba(4, 16, 31, 0.88)';
  g.strokeStyle = 'rgba(0, 229, 255, 0.7)';
  g.lineWidth = Math.max(1, rem / 16);
  g.fillRect(x, y, w + 2 * pad, h + 2 * pad);
  g.strokeRect(x, y, w + 2 * pad, h + 2 * pad);
  let ty = y + pad;
  g.textBaseline = 'top';
  for (const l of lines) {
    g.font = `${l.bold ? '700 ' : ''}${l.size}px ${font}`;
    g.fillStyle = l.color;
    g.fillText(l.text, x + pad, ty, w);
    ty += l.size * 1.35;
  }
  g.restore();
}

/** Offers a blob as a download. */
export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.className = 'no-export';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
