/**
 * api-linter's pluralisation (utils.ToPlural: github.com/gertd/go-pluralize
 * v0.2.1, itself a port of the npm `pluralize` 8.0.0 rules), ported with Go's
 * quirks: rules are tried from the last to the first; a replacement's `$n`
 * takes the first match's groups; an empty match restores the case of the
 * character before it. The tables are go-pluralize's, in its order
 * (uncountable expressions last, so tried first).
 */

const IRREGULAR: readonly (readonly [string, string])[] = [
  ["I", "we"],
  ["me", "us"],
  ["he", "they"],
  ["she", "they"],
  ["them", "them"],
  ["myself", "ourselves"],
  ["yourself", "yourselves"],
  ["itself", "themselves"],
  ["herself", "themselves"],
  ["himself", "themselves"],
  ["themself", "themselves"],
  ["is", "are"],
  ["was", "were"],
  ["has", "have"],
  ["this", "these"],
  ["that", "those"],
  ["my", "our"],
  ["its", "their"],
  ["his", "their"],
  ["her", "their"],
  ["echo", "echoes"],
  ["dingo", "dingoes"],
  ["volcano", "volcanoes"],
  ["tornado", "tornadoes"],
  ["torpedo", "torpedoes"],
  ["genus", "genera"],
  ["viscus", "viscera"],
  ["stigma", "stigmata"],
  ["stoma", "stomata"],
  ["dogma", "dogmata"],
  ["lemma", "lemmata"],
  ["schema", "schemata"],
  ["anathema", "anathemata"],
  ["ox", "oxen"],
  ["axe", "axes"],
  ["die", "dice"],
  ["yes", "yeses"],
  ["foot", "feet"],
  ["eave", "eaves"],
  ["goose", "geese"],
  ["tooth", "teeth"],
  ["quiz", "quizzes"],
  ["human", "humans"],
  ["proof", "proofs"],
  ["carve", "carves"],
  ["valve", "valves"],
  ["looey", "looies"],
  ["thief", "thieves"],
  ["groove", "grooves"],
  ["pickaxe", "pickaxes"],
  ["passerby", "passersby"],
  ["canvas", "canvases"],
  ["sms", "sms"],
];
const PLURAL_RULES: readonly (readonly [RegExp, string])[] = [
  [/s?$/i, "s"],
  [/[^\x00-\x7F]$/i, "$0"],
  [/([^aeiou]ese)$/i, "$1"],
  [/(ax|test)is$/i, "$1es"],
  [/(alias|[^aou]us|t[lm]as|gas|ris)$/i, "$1es"],
  [/(e[mn]u)s?$/i, "$1s"],
  [/([^l]ias|[aeiou]las|[ejzr]as|[iu]am)$/i, "$1"],
  [/(alumn|syllab|vir|radi|nucle|fung|cact|stimul|termin|bacill|foc|uter|loc|strat)(?:us|i)$/i, "$1i"],
  [/(alumn|alg|vertebr)(?:a|ae)$/i, "$1ae"],
  [/(seraph|cherub)(?:im)?$/i, "$1im"],
  [/(her|at|gr)o$/i, "$1oes"],
  [/(agend|addend|millenni|dat|extrem|bacteri|desiderat|strat|candelabr|errat|ov|symposi|curricul|automat|quor)(?:a|um)$/i, "$1a"],
  [/(apheli|hyperbat|periheli|asyndet|noumen|phenomen|criteri|organ|prolegomen|hedr|automat)(?:a|on)$/i, "$1a"],
  [/sis$/i, "ses"],
  [/(?:(kni|wi|li)fe|(ar|l|ea|eo|oa|hoo)f)$/i, "$1$2ves"],
  [/([^aeiouy]|qu)y$/i, "$1ies"],
  [/([^ch][ieo][ln])ey$/i, "$1ies"],
  [/(x|ch|ss|sh|zz)$/i, "$1es"],
  [/(matr|cod|mur|sil|vert|ind|append)(?:ix|ex)$/i, "$1ices"],
  [/\b((?:tit)?m|l)(?:ice|ouse)$/i, "$1ice"],
  [/(pe)(?:rson|ople)$/i, "$1ople"],
  [/(child)(?:ren)?$/i, "$1ren"],
  [/eaux$/i, "$0"],
  [/m[ae]n$/i, "men"],
  [/^thou$/i, "you"],
];
const SINGULAR_RULES: readonly (readonly [RegExp, string])[] = [
  [/s$/i, ""],
  [/(ss)$/i, "$1"],
  [/(wi|kni|(?:after|half|high|low|mid|non|night|[^\w]|^)li)ves$/i, "$1fe"],
  [/(ar|(?:wo|[ae])l|[eo][ao])ves$/i, "$1f"],
  [/ies$/i, "y"],
  [/(dg|ss|ois|lk|ok|wn|mb|th|ch|ec|oal|is|ck|ix|sser|ts|wb)ies$/i, "$1ie"],
  [/\b(l|(?:neck|cross|hog|aun)?t|coll|faer|food|gen|goon|group|hipp|junk|vegg|(?:pork)?p|charl|calor|cut)ies$/i, "$1ie"],
  [/\b(mon|smil)ies$/i, "$1ey"],
  [/\b((?:tit)?m|l)ice$/i, "$1ouse"],
  [/(seraph|cherub)im$/i, "$1"],
  [/(x|ch|ss|sh|zz|tto|go|cho|alias|[^aou]us|t[lm]as|gas|(?:her|at|gr)o|[aeiou]ris)(?:es)?$/i, "$1"],
  [/(analy|diagno|parenthe|progno|synop|the|empha|cri|ne)(?:sis|ses)$/i, "$1sis"],
  [/(movie|twelve|abuse|e[mn]u)s$/i, "$1"],
  [/(test)(?:is|es)$/i, "$1is"],
  [/(alumn|syllab|vir|radi|nucle|fung|cact|stimul|termin|bacill|foc|uter|loc|strat)(?:us|i)$/i, "$1us"],
  [/(agend|addend|millenni|dat|extrem|bacteri|desiderat|strat|candelabr|errat|ov|symposi|curricul|quor)a$/i, "$1um"],
  [/(apheli|hyperbat|periheli|asyndet|noumen|phenomen|criteri|organ|prolegomen|hedr|automat)a$/i, "$1on"],
  [/(alumn|alg|vertebr)ae$/i, "$1a"],
  [/(cod|mur|sil|vert|ind)ices$/i, "$1ex"],
  [/(matr|append)ices$/i, "$1ix"],
  [/(pe)(rson|ople)$/i, "$1rson"],
  [/(child)ren$/i, "$1"],
  [/(eau)x?$/i, "$1"],
  [/men$/i, "man"],
];
const UNCOUNTABLE_WORDS = new Set([
  "adulthood",
  "advice",
  "agenda",
  "aid",
  "aircraft",
  "alcohol",
  "ammo",
  "analytics",
  "anime",
  "athletics",
  "audio",
  "bison",
  "blood",
  "bream",
  "buffalo",
  "butter",
  "carp",
  "cash",
  "chassis",
  "chess",
  "clothing",
  "cod",
  "commerce",
  "cooperation",
  "corps",
  "debris",
  "diabetes",
  "digestion",
  "elk",
  "energy",
  "equipment",
  "excretion",
  "expertise",
  "firmware",
  "flounder",
  "fun",
  "gallows",
  "garbage",
  "graffiti",
  "hardware",
  "headquarters",
  "health",
  "herpes",
  "highjinks",
  "homework",
  "housework",
  "information",
  "jeans",
  "justice",
  "kudos",
  "labour",
  "literature",
  "machinery",
  "mackerel",
  "mail",
  "media",
  "mews",
  "moose",
  "music",
  "mud",
  "manga",
  "news",
  "only",
  "personnel",
  "pike",
  "plankton",
  "pliers",
  "police",
  "pollution",
  "premises",
  "rain",
  "research",
  "rice",
  "salmon",
  "scissors",
  "series",
  "sewage",
  "shambles",
  "shrimp",
  "software",
  "staff",
  "swine",
  "tennis",
  "traffic",
  "transportation",
  "trout",
  "tuna",
  "wealth",
  "welfare",
  "whiting",
  "wildebeest",
  "wildlife",
  "you",
]);
const UNCOUNTABLE_RULES: readonly (readonly [RegExp, string])[] = [
  [/pok[eé]mon$/i, "$0"],
  [/[^aeiou]ese$/i, "$0"],
  [/deer$/i, "$0"],
  [/(fish)$/i, "$0"],
  [/measles$/i, "$0"],
  [/o[iu]s$/i, "$0"],
  [/pox$/i, "$0"],
  [/sheep$/i, "$0"],
];

const irregularSingles = new Map<string, string>();
const irregularPlurals = new Map<string, string>();
for (const [single, plural] of IRREGULAR) {
  irregularSingles.set(single.toLowerCase(), plural.toLowerCase());
  irregularPlurals.set(plural.toLowerCase(), single.toLowerCase());
}
const pluralRules = [...PLURAL_RULES, ...UNCOUNTABLE_RULES];
const singularRules = [...SINGULAR_RULES, ...UNCOUNTABLE_RULES];

/** utils.ToPlural: the plural of the singular, so `persons` becomes `people` too. */
export function toPlural(s: string): string {
  return plural(singular(s));
}

export function plural(word: string): string {
  return replaceWord(word, irregularSingles, irregularPlurals, pluralRules);
}

export function singular(word: string): string {
  return replaceWord(word, irregularPlurals, irregularSingles, singularRules);
}

function replaceWord(word: string, replace: Map<string, string>, keep: Map<string, string>, rules: readonly (readonly [RegExp, string])[]) {
  const token = word.toLowerCase();
  if (keep.has(token)) return restoreCase(word, token);
  const direct = replace.get(token);
  if (direct !== undefined) return restoreCase(word, direct);
  if (token.length === 0 || UNCOUNTABLE_WORDS.has(token)) return word;
  for (let i = rules.length - 1; i >= 0; i--) {
    const rule = rules[i];
    if (rule?.[0].test(word)) return applyRule(word, rule[0], rule[1]);
  }
  return word;
}

/** Go's ReplaceAllStringFunc with go-pluralize's callback: every match becomes the first match's replacement. */
function applyRule(word: string, expression: RegExp, replacement: string): string {
  const first = expression.exec(word);
  if (!first) return word;
  const result = replacement.replace(/\$(\d{1,2})/g, (_, n: string) => first[Number(n)] ?? "");
  const restored = first[0] === "" ? restoreCase(word.slice(first.index - 1, first.index), result) : restoreCase(first[0], result);
  let out = "";
  let last = 0;
  let previousEnd = -1;
  for (const m of word.matchAll(new RegExp(expression.source, `${expression.flags}g`))) {
    // Go skips an empty match right after the previous match (JS does not): `s?$` on "books" replaces once.
    if (m[0] === "" && m.index === previousEnd) continue;
    out += word.slice(last, m.index) + restored;
    last = m.index + m[0].length;
    previousEnd = last;
  }
  return out + word.slice(last);
}

function restoreCase(word: string, token: string): string {
  if (word === token) return token;
  if (word === word.toLowerCase()) return token.toLowerCase();
  if (word === word.toUpperCase()) return token.toUpperCase();
  if (word.slice(0, 1) === word.slice(0, 1).toUpperCase()) return token.slice(0, 1).toUpperCase() + token.slice(1).toLowerCase();
  return token.toLowerCase();
}
