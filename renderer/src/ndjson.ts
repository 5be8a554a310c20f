// Splitting a byte stream into NDJSON lines.

/** Feeds text in chunks; hands back each complete, non-blank line. */
export class LineSplitter {
  private rest = "";

  push(chunk: string): string[] {
    const parts = (this.rest + chunk).split("\n");
    this.rest = parts.pop()!;
    return parts.filter(isLine);
  }

  /** The last line, when the body did not end with a newline. */
  end(): string[] {
    const last = this.rest;
    this.rest = "";
    return isLine(last) ? [last] : [];
  }
}

function isLine(s: string): boolean {
  return s.trim() !== "";
}

/** Read a response body line by line; bytes split across chunks (even inside a UTF-8 character) join up. */
export async function readLines(body: ReadableStream<Uint8Array>, onLine: (line: string) => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const lines = new LineSplitter();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    lines.push(decoder.decode(value, { stream: true })).forEach(onLine);
  }
  lines.push(decoder.decode()).forEach(onLine);
  lines.end().forEach(onLine);
}
