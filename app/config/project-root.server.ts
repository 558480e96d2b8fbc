import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The repository's root folder (the one holding package.json), wherever the running code sits:
 * the TypeScript sources under tsx (tests, command-line tools, `npm run dev`) or the bundles in
 * build/ that `npm start` runs. Files the app reads at run time (migrations, seeds, the Remix
 * build, public/) are found from here, not from the module's own location, which bundling moves.
 */
export function projectRoot(from: string = import.meta.url): string {
  let folder = dirname(fileURLToPath(from));
  while (!existsSync(join(folder, "package.json"))) {
    const parent = dirname(folder);
    if (parent === folder) throw new Error(`No package.json above ${fileURLToPath(from)}: is Redraft installed whole?`);
    folder = parent;
  }
  return folder;
}
