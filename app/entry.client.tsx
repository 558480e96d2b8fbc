import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { loadCatalog } from "./i18n/load-catalog";
import { defaultLocale, isLocale } from "./i18n/translate";

// The page's language is on <html lang>; its catalog must be there before React hydrates, or the
// first render would be in English and mismatch the server's HTML.
const lang = document.documentElement.lang;
loadCatalog(isLocale(lang) ? lang : defaultLocale)
  .catch((error: unknown) => console.error(error))
  .finally(() =>
    startTransition(() => {
      hydrateRoot(
        document,
        <StrictMode>
          <RemixBrowser />
        </StrictMode>,
      );
    }),
  );
