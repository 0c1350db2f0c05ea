/** One Server-Sent Event as a test reads it: its name and its JSON data. */
export interface SseEvent {
  event: string;
  data: any;
}

/** The events of a whole text/event-stream body. */
export function parseSse(text: string): SseEvent[] {
  return text
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
      const data = /^data: (.*)$/m.exec(block)?.[1] ?? 'null';
      return { event, data: JSON.parse(data) };
    });
}
