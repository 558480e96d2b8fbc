import { en, type MessageKey } from "./messages.en";
import { createTranslator, type MessageValues, type Translate } from "./translate";

/**
 * The body of an error response made on the server. It carries the message key and values so the
 * error page shows the detail in the reader's language; `message` (English) is for logs and for
 * clients that only read JSON.
 */
export interface TranslatableError {
  message: string;
  messageKey: MessageKey;
  values?: Record<string, string | number>;
}

export function translatableError(messageKey: MessageKey, values?: Record<string, string | number>): TranslatableError {
  return { message: createTranslator()(messageKey, values), messageKey, ...(values ? { values } : {}) };
}

function isMessageKey(key: unknown): key is MessageKey {
  return typeof key === "string" && Object.hasOwn(en, key);
}

/** The detail of an error response in the reader's language, when it has one. */
export function errorDetail(body: unknown, t: Translate): string | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const { messageKey, values, message } = body as Partial<TranslatableError>;
  if (isMessageKey(messageKey)) return t(messageKey, values as MessageValues | undefined);
  return typeof message === "string" ? message : undefined;
}
