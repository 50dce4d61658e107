/**
 * Turns generated text into a byte stream that pulls from its source only as fast as the client
 * reads, so an export of any size holds about one chunk in memory.
 */
export function textStream(parts: AsyncIterable<string>, chunkChars = 32 * 1024): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const it = parts[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let buffer = '';
      while (buffer.length < chunkChars) {
        const next = await it.next();
        if (next.done) {
          if (buffer) controller.enqueue(encoder.encode(buffer));
          controller.close();
          return;
        }
        buffer += next.value;
      }
      controller.enqueue(encoder.encode(buffer));
    },
    async cancel() {
      await it.return?.();
    },
  });
}
