import type { Catalog } from "./translate";

export const zh: Catalog = {};
