/**
 * A synthetic consultation for the analysis and its benchmark: participants with uneven regions,
 * groups, genders, ages and languages; comments skewed towards a few hot paragraphs, with real
 * disagreement between regions and groups on some; replies, endorsements, campaigns (one text with
 * small edits sent by hundreds), meeting input, several languages, dates over a fixed period.
 * Everything comes from one seeded generator and fixed dates: the same seed gives the same rows.
 */
import { count, like } from "drizzle-orm";
import type { Db } from "../../db/client.server";
import {
  ageBands,
  genders,
  stakeholderGroups,
  stances,
  users,
  type Language,
  type Stance,
  type UnescoRegion,
} from "../../db/schema";
import { COUNTRIES, type Country } from "../accounts/countries";
import { currentVersion, getConsultationBySlug, getOutline } from "../drafts/drafts.server";
import { mulberry32, weightedTable, type Random } from "./seeded-random";
import { CAMPAIGN_TEXTS, SENTENCES } from "./synthetic-texts";

export interface SyntheticOptions {
  comments: number;
  participants: number;
  seed: number;
  slug: string;
  /** Last day of the comment period (UTC); the period runs `days` days up to it. */
  until: string;
  days: number;
}

export interface SyntheticResult {
  participants: number;
  comments: number;
  replies: number;
  endorsements: number;
  campaigns: number;
  meetings: number;
}

export class SyntheticSeedError extends Error {}

const DAY = 86_400_000;
export const SYNTHETIC_EMAIL_DOMAIN = "synthetic.redraft.invalid";

// Participation is uneven on purpose: Europe and North America dominate, as in most online consultations.
const REGION_WEIGHTS: Record<UnescoRegion, number> = {
  "europe-north-america": 38,
  "asia-pacific": 22,
  africa: 16,
  "latin-america-caribbean": 15,
  "arab-states": 9,
};
const GROUP_WEIGHTS: Record<string, number> = {
  "civil-society": 24, academia: 18, individual: 17, "private-sector": 13, "technical-community": 9,
  youth: 7, "member-state": 5, media: 3, intergovernmental: 3, "indigenous-peoples": 1,
};
const GENDER_WEIGHTS = { "prefer-not-to-say": 18, woman: 38, man: 41, "non-binary": 2, other: 1 } as const;
const AGE_WEIGHTS = { "prefer-not-to-say": 14, "under-18": 1, "18-24": 9, "25-34": 25, "35-49": 29, "50-64": 17, "65-plus": 5 } as const;
const LANGUAGES_BY_REGION: Record<UnescoRegion, [Language, number][]> = {
  "europe-north-america": [["en", 70], ["fr", 15], ["ru", 8], ["es", 7]],
  "asia-pacific": [["en", 75], ["zh", 20], ["ru", 5]],
  africa: [["en", 55], ["fr", 40], ["ar", 5]],
  "latin-america-caribbean": [["es", 80], ["en", 15], ["fr", 5]],
  "arab-states": [["ar", 65], ["en", 20], ["fr", 15]],
};
const STANCE_BASE = [30, 28, 14, 12, 16]; // support, concern, amendment, question, remark

/** Comments of the online channel are 90%; the rest was recorded from meetings and written submissions. */
const CHANNEL_WEIGHTS = [90, 4, 2.5, 1.5, 2];
const CHANNELS = ["online", "regional-consultation", "stakeholder-workshop", "other-meeting", "written-submission"] as const;

interface Participant {
  id: number;
  name: string;
  country: Country;
  groupId: number;
  groupSlug: string;
  gender: (typeof genders)[number];
  ageBand: (typeof ageBands)[number];
  language: Language;
}

const fill = (template: string, label: string) => template.replaceAll("{label}", label);

/**
 * A few words quoted from the paragraph, as commenters do. Without them the composed comments of a
 * busy paragraph repeat one another word for word, and the campaign grouping (rightly) takes most
 * of the consultation for campaigns; with them only the planted campaigns are near-identical.
 */
function quote(random: Random, text: string): string {
  const words = text.split(/\s+/).filter((w) => w !== "");
  const start = random.int(Math.max(1, words.length - QUOTED_WORDS + 1));
  return `“${words.slice(start, start + QUOTED_WORDS).join(" ")}”`;
}
const QUOTED_WORDS = 6;

/** A small edit, as people make to a campaign text: a word dropped, a phrase added, punctuation. */
function smallEdit(random: Random, text: string): string {
  const words = text.split(" ");
  switch (random.int(4)) {
    case 0:
      words.splice(1 + random.int(words.length - 1), 1);
      return words.join(" ");
    case 1:
      return `${text} ${random.pick(["Thank you.", "Please listen.", "Merci.", "Gracias.", "!"])}`;
    case 2:
      return text.replace(/[.!。]$/, "") + "!";
    default:
      return text;
  }
}

export function seedSyntheticConsultation(db: Db, options: SyntheticOptions): SyntheticResult {
  const random = mulberry32(options.seed);
  const consultation = getConsultationBySlug(db, options.slug);
  if (!consultation) throw new SyntheticSeedError(`no consultation "${options.slug}" (the demo drafts are imported on the first start)`);
  const version = currentVersion(db, consultation.id);
  if (!version) throw new SyntheticSeedError(`the consultation "${options.slug}" has no published text`);
  const prefix = `synthetic-${options.seed}-`;
  const existing = db.select({ n: count() }).from(users).where(like(users.email, `${prefix}%`)).get()?.n ?? 0;
  if (existing > 0) throw new SyntheticSeedError(`this database already holds the synthetic consultation of seed ${options.seed}`);

  const paragraphs = getOutline(db, version.id).filter((n) => n.kind !== "heading" && n.label !== null);
  if (paragraphs.length === 0) throw new SyntheticSeedError("the text has no paragraph to comment on");
  const groups = db.select().from(stakeholderGroups).all();
  const end = Date.parse(`${options.until}T23:59:59Z`);
  const start = end - options.days * DAY + 1000;

  // Hot paragraphs: a Zipf-like weight over a shuffled order, so a few draw most comments.
  const order = paragraphs.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const paragraphWeights = new Array<number>(paragraphs.length);
  order.forEach((p, rank) => (paragraphWeights[p] = 1 / Math.pow(rank + 1, 0.85)));
  const drawParagraph = weightedTable(paragraphWeights);
  // Contested paragraphs: each region (and group) leans its own way, strongly.
  const leanings = paragraphs.map(() =>
    random.chance(0.2)
      ? {
          region: Object.fromEntries(Object.keys(REGION_WEIGHTS).map((r) => [r, random.next() * 2 - 1])) as Record<string, number>,
          group: Object.fromEntries(groups.map((g) => [g.slug, random.next() * 2 - 1])) as Record<string, number>,
        }
      : null,
  );
  // Busy days: a launch spike, weekly rhythm, a rush before the deadline.
  const dayWeights = Array.from({ length: options.days }, (_, d) => {
    const weekday = new Date(start + d * DAY).getUTCDay();
    return (weekday === 0 || weekday === 6 ? 0.5 : 1) * (d < 3 ? 3 : 1) * (d >= options.days - 5 ? 2.5 : 1) * (0.7 + random.next() * 0.6);
  });
  const drawDay = weightedTable(dayWeights);
  const moment = () => new Date(start + drawDay(random) * DAY + random.int(DAY - 1000));

  const regions = Object.keys(REGION_WEIGHTS) as UnescoRegion[];
  const drawRegion = weightedTable(Object.values(REGION_WEIGHTS));
  const countriesByRegion = new Map(regions.map((r) => [r, COUNTRIES.filter((c) => c.region === r)]));
  const groupSlugs = groups.map((g) => g.slug);
  const drawGroup = weightedTable(groupSlugs.map((s) => GROUP_WEIGHTS[s] ?? 2));
  const drawGender = weightedTable(genders.map((g) => GENDER_WEIGHTS[g]));
  const drawAge = weightedTable(ageBands.map((a) => AGE_WEIGHTS[a]));

  const sqlite = db.$client;
  const insertUser = sqlite.prepare(
    `insert into users (email, display_name, password_hash, role, country_code, unesco_region, electoral_group, stakeholder_group_id,
       gender, age_band, language, pseudonymous, consented_at, demo, created_at)
     values (?, ?, '!synthetic: no password', 'participant', ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)`,
  );
  const insertComment = sqlite.prepare(
    `insert into comments (consultation_id, node_id, version_id, parent_id, author_id, author_name, author_pseudonymous, author_country_code,
       author_region, author_electoral_group, author_gender, author_age_band, author_stakeholder_group_id, stance, language, body,
       proposed_text, channel, meeting_id, people_represented, status, submission_id, created_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertMeeting = sqlite.prepare(
    `insert into meetings (consultation_id, channel, title, location, region, held_on, created_at) values (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertEndorsement = sqlite.prepare(`insert into endorsements (comment_id, user_id, created_at) values (?, ?, ?)`);

  const result: SyntheticResult = { participants: 0, comments: 0, replies: 0, endorsements: 0, campaigns: 0, meetings: 0 };
  sqlite.transaction(() => {
    const people: Participant[] = [];
    for (let i = 0; i < options.participants; i++) {
      const region = regions[drawRegion(random)]!;
      const country = random.pick(countriesByRegion.get(region)!);
      const groupIndex = drawGroup(random);
      const languagesHere = LANGUAGES_BY_REGION[region];
      const language = languagesHere[random.weighted(languagesHere.map(([, w]) => w))]![0];
      const p = {
        name: `Participant ${options.seed}-${i + 1}`,
        country,
        groupId: groups[groupIndex]!.id,
        groupSlug: groupSlugs[groupIndex]!,
        gender: genders[drawGender(random)]!,
        ageBand: ageBands[drawAge(random)]!,
        language,
      };
      const id = Number(
        insertUser.run(`${prefix}${i + 1}@${SYNTHETIC_EMAIL_DOMAIN}`, p.name, country.code, region, country.group, p.groupId, p.gender, p.ageBand, language, random.chance(0.2) ? 1 : 0, start - DAY, start - DAY).lastInsertRowid,
      );
      people.push({ id, ...p });
    }
    result.participants = people.length;
    // Activity is uneven too: a few participants write much of the input.
    const drawAuthor = weightedTable(people.map(() => Math.pow(random.next(), 3) + 0.05));

    const meetingIds: { id: number; channel: (typeof CHANNELS)[number]; region: UnescoRegion }[] = [];
    for (const channel of ["regional-consultation", "stakeholder-workshop", "other-meeting"] as const) {
      for (const region of regions) {
        const heldOn = new Date(start + random.int(options.days) * DAY).toISOString().slice(0, 10);
        const id = Number(insertMeeting.run(consultation.id, channel, `${channel} · ${region}`, null, region, heldOn, start).lastInsertRowid);
        meetingIds.push({ id, channel, region });
      }
    }
    result.meetings = meetingIds.length;

    let submission = 0;
    const topLevel: { id: number; at: number; paragraph: number; weight: number }[] = [];
    const stanceFor = (paragraph: number, region: UnescoRegion, groupSlug: string): Stance => {
      const lean = leanings[paragraph];
      const w = [...STANCE_BASE];
      if (lean) {
        const tilt = (lean.region[region] ?? 0) * 0.7 + (lean.group[groupSlug] ?? 0) * 0.3;
        w[0] = Math.max(2, w[0]! * (1 + 2 * tilt));
        w[1] = Math.max(2, w[1]! * (1 - 2 * tilt));
      }
      return stances[random.weighted(w)]!;
    };
    const addComment = (
      author: Participant | null,
      fields: { paragraph: number | null; stance: Stance | null; body: string; proposed: string | null; language: Language; at: Date; channel: (typeof CHANNELS)[number]; meeting?: (typeof meetingIds)[number]; people: number; parentId: number | null; country?: Country; groupId?: number },
    ) => {
      submission += 1;
      const node = fields.paragraph === null ? null : paragraphs[fields.paragraph]!.nodeId;
      const country = author?.country ?? fields.country ?? null;
      const region = author?.country.region ?? fields.meeting?.region ?? country?.region ?? "europe-north-america";
      const status = random.chance(0.006) ? "hidden" : "visible";
      return Number(
        insertComment.run(
          consultation.id, node, version.id, fields.parentId, author?.id ?? null,
          author?.name ?? (fields.meeting ? `Meeting ${fields.meeting.id}` : "Written submission"), author && random.chance(0.1) ? 1 : 0,
          country?.code ?? null, region, author?.country.group ?? (fields.meeting ? null : (country?.group ?? null)),
          author?.gender ?? null, author?.ageBand ?? null, author?.groupId ?? fields.groupId ?? groups[0]!.id,
          fields.stance, fields.language, fields.body, fields.proposed, fields.channel, fields.meeting?.id ?? null, fields.people,
          status, `${prefix}${submission}`, fields.at.getTime(),
        ).lastInsertRowid,
      );
    };

    // Campaigns: about 6% of the comments, six texts, each on one paragraph.
    const campaignShare = Math.floor(options.comments * 0.06);
    const campaigns = Math.min(CAMPAIGN_TEXTS.length, Math.max(0, Math.floor(campaignShare / 50)));
    let written = 0;
    for (let c = 0; c < campaigns; c++) {
      const template = CAMPAIGN_TEXTS[c]!;
      const paragraph = order[random.int(Math.min(10, order.length))]!;
      const launch = start + random.int(Math.max(1, options.days - 10)) * DAY;
      const submitters = Math.floor(campaignShare / campaigns);
      const text = fill(template.text, paragraphs[paragraph]!.label!);
      for (let s = 0; s < submitters; s++) {
        const author = people[drawAuthor(random)]!;
        const at = new Date(Math.min(end, launch + Math.floor(Math.pow(random.next(), 2) * 6 * DAY)));
        const id = addComment(author, { paragraph, stance: template.stance, body: smallEdit(random, text), proposed: template.stance === "amendment" ? paragraphs[paragraph]!.text : null, language: template.language, at, channel: "online", people: 1, parentId: null });
        topLevel.push({ id, at: at.getTime(), paragraph, weight: 0.2 });
        written += 1;
      }
    }
    result.campaigns = campaigns;

    const drawChannel = weightedTable(CHANNEL_WEIGHTS);
    for (; written < options.comments; written++) {
      const channel = CHANNELS[drawChannel(random)]!;
      const paragraph = random.chance(0.03) ? null : drawParagraph(random);
      const at = moment();
      const label = paragraph === null ? "" : paragraphs[paragraph]!.label!;
      if (channel === "online" || channel === "written-submission") {
        const author = channel === "online" ? people[drawAuthor(random)]! : null;
        const country = author?.country ?? random.pick(COUNTRIES);
        const region = country.region;
        const groupSlug = author?.groupSlug ?? groupSlugs[drawGroup(random)]!;
        const stance = stanceFor(paragraph ?? 0, region, groupSlug);
        const language = author?.language ?? LANGUAGES_BY_REGION[region][0]![0];
        const sentences = SENTENCES[language][stance];
        const quoted = quote(random, paragraphs[paragraph ?? random.int(paragraphs.length)]!.text);
        const body = [quoted, ...[random.pick(sentences), random.pick(sentences)].map((s) => fill(s, label))].join(" ");
        const proposed = stance === "amendment" && paragraph !== null ? `${paragraphs[paragraph]!.text} ${random.pick(["(revised)", "and shall be reviewed every four years."])}` : null;
        const id = addComment(author, { paragraph, stance, body, proposed, language, at, channel, people: author ? 1 : random.between(1, 200), parentId: null, country, groupId: groups[groupSlugs.indexOf(groupSlug)]!.id });
        topLevel.push({ id, at: at.getTime(), paragraph: paragraph ?? -1, weight: 1 + (paragraph === null ? 0 : paragraphWeights[paragraph]!) * 3 });
      } else {
        const meeting = random.pick(meetingIds.filter((m) => m.channel === channel));
        const stance = stanceFor(paragraph ?? 0, meeting.region, groupSlugs[drawGroup(random)]!);
        const language = LANGUAGES_BY_REGION[meeting.region][0]![0];
        const body = `${quote(random, paragraphs[paragraph ?? random.int(paragraphs.length)]!.text)} ${fill(random.pick(SENTENCES[language][stance]), label)}`;
        const id = addComment(null, { paragraph, stance, body, proposed: null, language, at, channel, meeting, people: random.between(12, 90), parentId: null });
        topLevel.push({ id, at: at.getTime(), paragraph: paragraph ?? -1, weight: 1 });
      }
    }
    result.comments = written;

    if (topLevel.length > 0) {
      // Replies: about one for every eight comments, mostly under busy paragraphs' comments.
      const drawParent = weightedTable(topLevel.map((t) => t.weight));
      const replies = Math.floor(options.comments / 8);
      for (let r = 0; r < replies; r++) {
        const parent = topLevel[drawParent(random)]!;
        const author = people[drawAuthor(random)]!;
        const at = new Date(Math.min(end, parent.at + random.int(3 * DAY)));
        const body = random.pick(SENTENCES[author.language].reply);
        addComment(author, { paragraph: parent.paragraph < 0 ? null : parent.paragraph, stance: null, body, proposed: null, language: author.language, at, channel: "online", people: 1, parentId: parent.id });
      }
      result.replies = replies;
      // Endorsements: a few comments gather many.
      const drawEndorsed = weightedTable(topLevel.map((t) => Math.pow(random.next(), 6) * t.weight + 0.01));
      const seen = new Set<string>();
      const wanted = Math.floor(options.comments * 0.6);
      for (let e = 0, attempts = 0; e < wanted && attempts < wanted * 3; attempts++) {
        const comment = topLevel[drawEndorsed(random)]!;
        const person = people[random.int(people.length)]!;
        const key = `${comment.id}:${person.id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        insertEndorsement.run(comment.id, person.id, Math.min(end, comment.at + random.int(5 * DAY)));
        e += 1;
        result.endorsements = e;
      }
    }
  })();
  return result;
}

