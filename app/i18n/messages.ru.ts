import type { Catalog } from "./translate";

export const ru: Catalog = {};
