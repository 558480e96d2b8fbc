import type { Catalog } from "./translate";

export const ar: Catalog = {};
