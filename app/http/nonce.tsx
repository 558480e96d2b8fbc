import { createContext, useContext } from "react";

/** The CSP nonce of this response: server.ts makes one per request, entry.server provides it. */
const NonceContext = createContext("");
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
