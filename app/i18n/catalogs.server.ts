/** The server renders every language, so it holds every catalog from the start. */
import { ar } from "./messages.ar";
import { es } from "./messages.es";
import { fr } from "./messages.fr";
import { ru } from "./messages.ru";
import { zh } from "./messages.zh";
import { registerCatalog } from "./translate";

registerCatalog("fr", fr);
registerCatalog("es", es);
registerCatalog("ar", ar);
registerCatalog("zh", zh);
registerCatalog("ru", ru);
