/**
 * Pulls the text of one string field out of a JSON object while the object is still arriving, so a
 * question can be shown word by word although the model answers in JSON.
 */
export class JsonStringFieldStream {
  private buffer = '';
  private start = -1;
  private read = 0;
  private done = false;

  constructor(private readonly field: string) {}

  /** Feeds more raw JSON; returns the newly decoded text of the field (possibly empty). */
  push(chunk: string): string {
    this.buffer += chunk;
    if (this.done) return '';
    if (this.start < 0) {
      const match = new RegExp(`"${this.field}"\\s*:\\s*"`).exec(this.buffer);
      if (!match) return '';
      this.start = this.read = match.index + match[0].length;
    }
    let out = '';
    let i = this.read;
    while (i < this.buffer.length) {
      const c = this.buffer[i]!;
      if (c === '"') {
        this.done = true;
        i++;
        break;
      }
      if (c !== '\\') {
        out += c;
        i++;
        continue;
      }
      // An escape: wait for all of it before decoding.
      const next = this.buffer[i + 1];
      if (next === undefined) break;
      if (next === 'u') {
        const hex = this.buffer.slice(i + 2, i + 6);
        if (hex.length < 4) break;
        out += String.fromCharCode(parseInt(hex, 16));
        i += 6;
        continue;
      }
      out += ({ n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' } as Record<string, string>)[next] ?? next;
      i += 2;
    }
    this.read = i;
    return out;
  }
}
