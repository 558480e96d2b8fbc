import type { Catalog } from "./translate";

export const es: Catalog = {};
