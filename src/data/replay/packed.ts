/**
 * Validated deltas kept as UTF-8 JSON in large byte chunks, with their times and topics in
 * typed columns: what the replay log holds instead of millions of small JS objects.
 *
 * A timeline of 5 M messages held as objects took about 3.5× its file size in the worker's
 * heap (envelopes, entities, boxed numbers, arrays; see docs/benchmark.md *Findings*) and as
 * many objects for the garbage collector to trace on every major GC. Packed, it takes about
 * the size of its entities' JSON plus 18 bytes a message (topic and time in columns), in a few hundred objects. A
 * message is decoded (`JSON.parse`) when the cursor passes it, which is what the page needs
 * next anyway; only the time and the topic are read without decoding.
 */
import type { Delta } from '../wire';

const CHUNK_BYTES = 8 << 20;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

function grow<T extends Float64Array | Uint32Array | Uint16Array>(a: T, n: number): T {
  if (n <= a.length) return a;
  // 1.5×, not 2×: at millions of messages the columns' slack and the copy while growing count
  const b = new (a.constructor as new (n: number) => T)(Math.max(n, Math.ceil(a.length * 1.5)));
  b.set(a);
  return b;
}

export class PackedDeltas {
  private chunks: Uint8Array[] = [];
  private cur = new Uint8Array(0);
  private pos = 0;
  private chunkOf = new Uint32Array(1024);
  private offset = new Uint32Array(1024);
  private bytes = new Uint32Array(1024);
  private times = new Float64Array(1024);
  private topicIx = new Uint16Array(1024);
  private readonly topicNames: string[] = [];
  private readonly topicIds = new Map<string, number>();
  length = 0;

  /**
   * Appends a delta. Its topic and time go to the columns; the bytes hold only
   * `[seq,upsert]`, or `[seq,upsert,delete,snapshot]` when it deletes or is a snapshot.
   */
  push(d: Delta): void {
    const tail = d.delete.length || d.snapshot ? `,${JSON.stringify(d.delete)},${d.snapshot ? 1 : 0}]` : ']';
    this.pushJson(`[${d.seq},${JSON.stringify(d.upsert)}${tail}`, d.t, d.topic);
  }

  private pushJson(json: string, t: number, topic: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit
    const need = json.length * 3;
    if (this.cur.length - this.pos < need) this.newChunk(need);
    const { written } = encoder.encodeInto(json, this.cur.subarray(this.pos));
    this.pushBytes(this.pos, written, t, topic);
    this.pos += written;
  }

  private newChunk(need: number): void {
    this.cur = new Uint8Array(Math.max(CHUNK_BYTES, need));
    this.chunks.push(this.cur);
    this.pos = 0;
  }

  private pushBytes(at: number, n: number, t: number, topic: string): void {
    const i = this.length;
    if (i >= this.times.length) {
      const m = i + 1;
      this.chunkOf = grow(this.chunkOf, m);
      this.offset = grow(this.offset, m);
      this.bytes = grow(this.bytes, m);
      this.times = grow(this.times, m);
      this.topicIx = grow(this.topicIx, m);
    }
    this.chunkOf[i] = this.chunks.length - 1;
    this.offset[i] = at;
    this.bytes[i] = n;
    this.times[i] = t;
    let ti = this.topicIds.get(topic);
    if (ti === undefined) {
      ti = this.topicNames.length;
      if (ti > 0xffff) throw new Error('more than 65,536 topics in one timeline');
      this.topicNames.push(topic);
      this.topicIds.set(topic, ti);
    }
    this.topicIx[i] = ti;
    this.length++;
  }

  /** Data time of message i. */
  t(i: number): number {
    return this.times[i];
  }

  /** Topic of message i. */
  topic(i: number): string {
    return this.topicNames[this.topicIx[i]];
  }

  /** The topics in order of first appearance. */
  topics(): readonly string[] {
    return this.topicNames;
  }

  /** Message i, decoded (a fresh object each call). */
  get(i: number): Delta {
    const c = this.chunks[this.chunkOf[i]];
    const at = this.offset[i];
    const a = JSON.parse(decoder.decode(c.subarray(at, at + this.bytes[i]))) as [number, Delta['upsert'], string[]?, number?];
    return { topic: this.topic(i), seq: a[0], t: this.times[i], upsert: a[1], delete: a[2] ?? [], snapshot: a[3] === 1 };
  }

  /**
   * The messages reordered by `order` (indices into this): only the columns are permuted;
   * the byte chunks are shared (never rewritten: a push only appends), nothing is copied or
   * decoded. At millions of messages this is the difference between a sort costing the
   * columns (22 bytes a message) and costing the whole log again.
   */
  reorder(order: ArrayLike<number>): PackedDeltas {
    const out = new PackedDeltas();
    const n = order.length;
    out.chunks = this.chunks.slice();
    out.cur = new Uint8Array(0); // a push to the result starts a chunk of its own
    out.chunkOf = new Uint32Array(Math.max(n, 1));
    out.offset = new Uint32Array(Math.max(n, 1));
    out.bytes = new Uint32Array(Math.max(n, 1));
    out.times = new Float64Array(Math.max(n, 1));
    out.topicIx = new Uint16Array(Math.max(n, 1));
    for (const name of this.topicNames) {
      out.topicIds.set(name, out.topicNames.length);
      out.topicNames.push(name);
    }
    for (let k = 0; k < n; k++) {
      const i = order[k];
      out.chunkOf[k] = this.chunkOf[i];
      out.offset[k] = this.offset[i];
      out.bytes[k] = this.bytes[i];
      out.times[k] = this.times[i];
      out.topicIx[k] = this.topicIx[i];
    }
    out.length = n;
    return out;
  }

  /** Bytes held (chunks and columns). */
  byteSize(): number {
    let n = this.chunks.reduce((s, c) => s + c.byteLength, 0);
    for (const a of [this.chunkOf, this.offset, this.bytes, this.times, this.topicIx]) n += a.byteLength;
    return n;
  }
}
