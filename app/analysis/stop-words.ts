/**
 * The common function words of the six UN languages, left out of distinctive terms. Kept short on
 * purpose: articles, pronouns, prepositions, conjunctions, auxiliaries. Words that carry meaning in
 * a consultation ("not", "should", "must", "all") stay in, since "should" against "must" can be
 * exactly what distinguishes one region's comments from another's.
 */
import type { Language } from "../../db/enums";

const words = (list: string) => list.trim().split(/\s+/);

export const stopWords: Record<Language, ReadonlySet<string>> = {
  en: new Set(words(`
    a an the and or but if of to in on at by for from with about into over under as than then
    that this these those there here it its it's they them their theirs we us our ours you your
    yours he him his she her hers i me my mine who whom whose which what when where why how
    is are was were be been being am do does did done have has had having will would can could
    may might shall so such also too very just only other same each both any some more most
    up down out off again further once s t
  `)),
  fr: new Set(words(`
    le la les l un une des du de d au aux et ou mais donc or ni car que qu qui quoi dont où
    ce cet cette ces c ça cela ceci il ils elle elles on nous vous je j me m te t se s lui leur
    leurs eux mon ma mes ton ta tes son sa ses notre nos votre vos en y à dans par pour sur sous
    avec sans chez entre vers est sont été être était étaient a ont avait avoir fait faire
    ne n pas plus aussi très comme si
  `)),
  es: new Set(words(`
    el la los las lo un una unos unas de del al a y e o u pero que quien quienes cual cuales
    cuyo donde cuando como en con por para sin sobre entre hasta desde hacia este esta estos
    estas ese esa esos esas aquel aquella se su sus le les me te nos os yo tú él ella ellos
    ellas nosotros vosotros usted ustedes mi mis tu tus nuestro nuestra es son ser fue fueron
    era está están estar ha han haber hay muy más también ya si
  `)),
  ar: new Set(words(`
    في من إلى الى على عن مع أن أو و ثم لكن هذا هذه ذلك تلك هؤلاء الذي التي الذين اللذين ما
    ماذا هو هي هم هن نحن أنا أنت أنتم كان كانت يكون تكون قد لقد كل بعض عند بين حتى إذا إن
    لا لم لن بل أي غير كما أيضا فقط وهو وهي وفي ومن وعلى
  `)),
  ru: new Set(words(`
    и в во не на с со по к ко у о об от до из за для при без над под про через а но или же
    ли бы что чтобы как так это этот эта эти тот та те то он она оно они мы вы я ты его её ее
    их ему ей им нас вас нам вам мне меня себя свой своя свои был была было были быть есть
    будет который которая которые также уже еще ещё только
  `)),
  zh: new Set(words(`
    的 了 和 与 及 或 是 在 也 都 就 而 并 被 把 对 于 以 之 其 这 那 这个 那个 这些 那些 我 我们
    你 你们 他 她 它 他们 她们 它们 有 为 为了 中 上 下 等 个 将 从 到 由 但 但是 如果 因为 所以
  `)),
};

/** Every list together, for text whose language is not known. */
export const allStopWords: ReadonlySet<string> = new Set(Object.values(stopWords).flatMap((s) => [...s]));
