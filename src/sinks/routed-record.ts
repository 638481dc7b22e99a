/**
 * What flows from the engine into delivery: one rendered record of one category, in the
 * shapes the destinations need, and the interface every destination implements.
 */
import type { Category } from '../core/categories.ts';

export interface RoutedRecord {
  readonly category: Category;
  /** The record's envelope `time`, epoch ms. */
  readonly envelopeTime: number;
  /**
   * When the record reaches the destination, epoch ms; storage buckets by this hour.
   * Defaults to envelopeTime; late arrivals (delivery-realism) set it later.
   */
  readonly arrivalTime?: number;
  /** The serialised diagnostic record (one JSON Lines line, no line end). */
  readonly diagnostic: string;
  /** The Log Analytics row, for workspace destinations. */
  readonly logAnalytics?: Readonly<Record<string, unknown>>;
  /** Log Analytics table name; defaults to the category's table (TABLE_OF). */
  readonly table?: string;
}

export interface CloseOptions {
  /**
   * Give up what is still undelivered after this long (destinations that retry forever otherwise,
   * e.g. while a namespace is unreachable); close then rejects saying how many records were lost.
   */
  readonly timeoutMs?: number;
}

/**
 * A delivery destination. `write` resolves once the record is accepted (buffered); it waits while
 * the destination's buffer is full, which is how backpressure reaches the engine. Every accepted
 * record is delivered by `flush`/`close`, never dropped because of a transient failure.
 */
export interface RecordSink {
  write(record: RoutedRecord): Promise<void>;
  /** Resolves when everything accepted so far has been delivered. */
  flush(): Promise<void>;
  /** Flushes, then releases connections and handles; later writes reject. */
  close(options?: CloseOptions): Promise<void>;
}

export const arrivalOf = (record: RoutedRecord): number => record.arrivalTime ?? record.envelopeTime;
