/** How a chronicle reaches its witnesses: one per context (`AppContext.witnessing`), so tests wire it to another app. */

export type WitnessFetch = (
  url: string,
  init: { method: 'POST'; body: string; headers: Record<string, string>; signal: AbortSignal },
) => Promise<Response>;

export interface WitnessClientOptions {
  fetch?: WitnessFetch;
  timeoutMs?: number;
}

/** The transport and the background collection under way (ask-witnesses.ts). */
export interface Witnessing {
  options: WitnessClientOptions;
  running?: Promise<void> | undefined;
  /** A new checkpoint arrived during the collection under way: collect once more after it. */
  again: boolean;
}

export const newWitnessing = (): Witnessing => ({ options: {}, again: false });
