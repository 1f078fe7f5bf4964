// The CSP nonce of the response being rendered, for Remix's inline scripts.
// In the browser it is empty: browsers hide nonces from the page anyway.
import { createContext, useContext } from "react";

export const NonceContext = createContext("");
export const useNonce = () => useContext(NonceContext);
