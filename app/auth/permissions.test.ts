import { describe, expect, it } from "vitest";
import type { Role } from "../../db/schema";
import { anonymous, can, type Actor, type Permission, type PermissionAction } from "./permissions";

const unscheduled = { opensAt: null, closesAt: null };
const OPEN = { id: 1, status: "open" as const, ...unscheduled };
const CLOSED = { id: 1, status: "closed" as const, ...unscheduled };
const PUBLISHED = { id: 1, status: "results-published" as const, ...unscheduled };
const OTHER = { id: 2, status: "open" as const, ...unscheduled };
const IN_PREPARATION = { id: 1, status: "draft" as const, ...unscheduled };
const SCHEDULED = { id: 1, status: "scheduled" as const, opensAt: new Date("2099-01-01T00:00:00Z"), closesAt: null };

// Joint drafts (issue 17): the actor's place in one, as the caller reads it from joint_co_authors.
const NOT_CO_AUTHOR = { coAuthor: false, initiator: false, state: "drafting" as const };
const CO_AUTHOR = { coAuthor: true, initiator: false, state: "drafting" as const };
const INITIATOR = { coAuthor: true, initiator: true, state: "drafting" as const };
const SUBMITTED_CO_AUTHOR = { coAuthor: true, initiator: false, state: "submitted" as const };
const SUBMITTED_INITIATOR = { coAuthor: true, initiator: true, state: "submitted" as const };

const user = (role: Role, expertOf: [number, boolean][] = []): Actor => ({
  kind: "user",
  userId: 7,
  role,
  expertOf: new Map(expertOf.map(([id, lead]) => [id, { lead }])),
  emailConfirmed: true,
});

const ACTORS = {
  anonymous,
  participant: user("participant"),
  expert: user("participant", [[1, false]]),
  "expert lead": user("participant", [[1, true]]),
  moderator: user("moderator"),
  secretariat: user("secretariat"),
} as const;
type ActorName = keyof typeof ACTORS;

const PERMISSIONS: Record<string, Permission> = {
  "list consultations": { action: "consultation.list" },
  "read an open consultation": { action: "consultation.read", consultation: OPEN },
  "read a consultation in preparation": { action: "consultation.read", consultation: IN_PREPARATION },
  "read a scheduled consultation before it opens": { action: "consultation.read", consultation: SCHEDULED },
  "comment before the opening": { action: "comment.create", consultation: SCHEDULED },
  "manage consultations": { action: "consultation.manage" },
  "comment while open": { action: "comment.create", consultation: OPEN },
  "prepare a comment while open": { action: "comment.prepare", consultation: OPEN },
  "prepare a comment once closed": { action: "comment.prepare", consultation: CLOSED },
  "follow and read own notifications": { action: "notifications.manage" },
  "confirm someone's e-mail address by hand": { action: "users.confirmEmail" },
  "write to a consultation's participants": { action: "announcement.send" },
  "comment once closed": { action: "comment.create", consultation: CLOSED },
  "endorse someone else's comment while open": { action: "comment.endorse", consultation: OPEN, authorId: 8 },
  "endorse one's own comment": { action: "comment.endorse", consultation: OPEN, authorId: 7 },
  "endorse someone else's comment once closed": { action: "comment.endorse", consultation: CLOSED, authorId: 8 },
  "view the working draft": { action: "draft.view", consultation: OPEN },
  "edit the working draft": { action: "draft.edit", consultation: OPEN },
  "edit another consultation's draft": { action: "draft.edit", consultation: OTHER },
  "publish a revision": { action: "draft.publish", consultation: OPEN },
  "upload a draft or translation from a file": { action: "draft.upload", consultation: OPEN },
  "upload the first text of a consultation in preparation": { action: "draft.upload", consultation: IN_PREPARATION },
  "analyse the feedback": { action: "analysis.view", consultation: OPEN },
  "analyse another consultation's feedback": { action: "analysis.view", consultation: OTHER },
  "moderate comments": { action: "comment.moderate" },
  "record other channels' input while open": { action: "input.record", consultation: OPEN },
  "record other channels' input once closed": { action: "input.record", consultation: CLOSED },
  "record input for a consultation in preparation": { action: "input.record", consultation: IN_PREPARATION },
  "manage own account": { action: "account.manage" },
  "list participants": { action: "users.list" },
  "change roles": { action: "users.changeRole" },
  "manage expert groups": { action: "experts.manage" },
  "manage stakeholder groups": { action: "stakeholderGroups.manage" },
  "read the outbox": { action: "outbox.read" },
  "read full profiles": { action: "profiles.readFull" },
  "read the moderation log": { action: "moderation.log.read" },
  "review comments and record dispositions": { action: "comments.review", consultation: OPEN },
  "review another consultation's comments": { action: "comments.review", consultation: OTHER },
  "export without personal data while open": { action: "export.public", consultation: OPEN },
  "export without personal data once closed": { action: "export.public", consultation: CLOSED },
  "export with e-mail addresses": { action: "export.private" },
  "read what we heard while open": { action: "whatWeHeard.read", consultation: OPEN },
  "read what we heard once closed": { action: "whatWeHeard.read", consultation: CLOSED },
  "read what we heard once results are published": { action: "whatWeHeard.read", consultation: PUBLISHED },
  "export without personal data once results are published": { action: "export.public", consultation: PUBLISHED },
  "comment once results are published": { action: "comment.create", consultation: PUBLISHED },
  "allow a meeting's address range": { action: "addressAllowances.manage" },
  "start a joint submission while open": { action: "joint.start", consultation: OPEN },
  "start a joint submission once closed": { action: "joint.start", consultation: CLOSED },
  "open a joint draft one is not a co-author of": { action: "joint.read", joint: NOT_CO_AUTHOR },
  "open a joint draft as a co-author": { action: "joint.read", joint: CO_AUTHOR },
  "open a submitted joint draft as a co-author": { action: "joint.read", joint: SUBMITTED_CO_AUTHOR },
  "write in a joint draft one is not a co-author of": { action: "joint.write", consultation: OPEN, joint: NOT_CO_AUTHOR },
  "write in a joint draft as a co-author": { action: "joint.write", consultation: OPEN, joint: CO_AUTHOR },
  "write in a joint draft once the consultation closed": { action: "joint.write", consultation: CLOSED, joint: CO_AUTHOR },
  "write in a submitted joint draft": { action: "joint.write", consultation: OPEN, joint: SUBMITTED_CO_AUTHOR },
  "sign a joint draft as a co-author": { action: "joint.sign", consultation: OPEN, joint: CO_AUTHOR },
  "sign a joint draft one is not a co-author of": { action: "joint.sign", consultation: OPEN, joint: NOT_CO_AUTHOR },
  "remove co-authors as a co-author": { action: "joint.manage", consultation: OPEN, joint: CO_AUTHOR },
  "remove co-authors as the initiator": { action: "joint.manage", consultation: OPEN, joint: INITIATOR },
  "submit a joint draft as a co-author": { action: "joint.submit", consultation: OPEN, joint: CO_AUTHOR },
  "submit a joint draft as the initiator": { action: "joint.submit", consultation: OPEN, joint: INITIATOR },
  "submit a joint draft again": { action: "joint.submit", consultation: OPEN, joint: SUBMITTED_INITIATOR },
  "submit a joint draft once the consultation closed": { action: "joint.submit", consultation: CLOSED, joint: INITIATOR },
};

// Rows: permissions; columns: anonymous, participant, expert, expert lead, moderator, secretariat.
const Y = true;
const N = false;
const MATRIX: Record<keyof typeof PERMISSIONS, [boolean, boolean, boolean, boolean, boolean, boolean]> = {
  "list consultations": [Y, Y, Y, Y, Y, Y],
  "read an open consultation": [Y, Y, Y, Y, Y, Y],
  "read a consultation in preparation": [N, N, Y, Y, N, Y],
  "read a scheduled consultation before it opens": [N, N, Y, Y, N, Y],
  "comment before the opening": [N, N, N, N, N, N],
  "manage consultations": [N, N, N, N, N, Y],
  "comment while open": [N, Y, Y, Y, Y, Y],
  "prepare a comment while open": [N, Y, Y, Y, Y, Y],
  "prepare a comment once closed": [N, N, N, N, N, N],
  "follow and read own notifications": [N, Y, Y, Y, Y, Y],
  "confirm someone's e-mail address by hand": [N, N, N, N, N, Y],
  "write to a consultation's participants": [N, N, N, N, N, Y],
  "comment once closed": [N, N, N, N, N, N],
  "endorse someone else's comment while open": [N, Y, Y, Y, Y, Y],
  "endorse one's own comment": [N, N, N, N, N, N],
  "endorse someone else's comment once closed": [N, N, N, N, N, N],
  "view the working draft": [N, N, Y, Y, Y, Y],
  "edit the working draft": [N, N, Y, Y, N, Y],
  "edit another consultation's draft": [N, N, N, N, N, Y],
  "publish a revision": [N, N, N, Y, N, Y],
  "upload a draft or translation from a file": [N, N, N, N, N, Y],
  "upload the first text of a consultation in preparation": [N, N, N, N, N, Y],
  "analyse the feedback": [N, N, Y, Y, N, Y],
  "analyse another consultation's feedback": [N, N, N, N, N, Y],
  "moderate comments": [N, N, N, N, Y, Y],
  "record other channels' input while open": [N, N, N, N, N, Y],
  "record other channels' input once closed": [N, N, N, N, N, Y],
  "record input for a consultation in preparation": [N, N, N, N, N, N],
  "manage own account": [N, Y, Y, Y, Y, Y],
  "list participants": [N, N, N, N, N, Y],
  "change roles": [N, N, N, N, N, Y],
  "manage expert groups": [N, N, N, N, N, Y],
  "manage stakeholder groups": [N, N, N, N, N, Y],
  "read the outbox": [N, N, N, N, N, Y],
  "read full profiles": [N, N, N, N, N, Y],
  "read the moderation log": [N, N, N, N, N, Y],
  "review comments and record dispositions": [N, N, Y, Y, N, Y],
  "review another consultation's comments": [N, N, N, N, N, Y],
  "export without personal data while open": [N, N, Y, Y, N, Y],
  "export without personal data once closed": [N, N, Y, Y, N, Y],
  "export with e-mail addresses": [N, N, N, N, N, Y],
  "read what we heard while open": [N, N, Y, Y, N, Y],
  "read what we heard once closed": [N, N, Y, Y, N, Y],
  "read what we heard once results are published": [Y, Y, Y, Y, Y, Y],
  "export without personal data once results are published": [Y, Y, Y, Y, Y, Y],
  "comment once results are published": [N, N, N, N, N, N],
  "allow a meeting's address range": [N, N, N, N, N, Y],
  // Private to its co-authors: not the secretariat, not the experts, not the moderators.
  "start a joint submission while open": [N, Y, Y, Y, Y, Y],
  "start a joint submission once closed": [N, N, N, N, N, N],
  "open a joint draft one is not a co-author of": [N, N, N, N, N, N],
  "open a joint draft as a co-author": [N, Y, Y, Y, Y, Y],
  "open a submitted joint draft as a co-author": [N, Y, Y, Y, Y, Y],
  "write in a joint draft one is not a co-author of": [N, N, N, N, N, N],
  "write in a joint draft as a co-author": [N, Y, Y, Y, Y, Y],
  "write in a joint draft once the consultation closed": [N, N, N, N, N, N],
  "write in a submitted joint draft": [N, N, N, N, N, N],
  "sign a joint draft as a co-author": [N, Y, Y, Y, Y, Y],
  "sign a joint draft one is not a co-author of": [N, N, N, N, N, N],
  "remove co-authors as a co-author": [N, N, N, N, N, N],
  "remove co-authors as the initiator": [N, Y, Y, Y, Y, Y],
  "submit a joint draft as a co-author": [N, N, N, N, N, N],
  "submit a joint draft as the initiator": [N, Y, Y, Y, Y, Y],
  "submit a joint draft again": [N, N, N, N, N, N],
  "submit a joint draft once the consultation closed": [N, N, N, N, N, N],
};

describe("the permission matrix", () => {
  const names = Object.keys(ACTORS) as ActorName[];
  const cells = Object.entries(MATRIX).flatMap(([permission, row]) =>
    names.map((actor, i) => [permission, actor, row[i]!] as const),
  );

  it.each(cells)("%s — %s: %s", (permission, actor, allowed) => {
    expect(can(ACTORS[actor], PERMISSIONS[permission]!)).toBe(allowed);
  });

  it("covers every permission the code knows", () => {
    const covered = new Set(Object.values(PERMISSIONS).map((p) => p.action));
    const all: PermissionAction[] = [
      "consultation.list", "consultation.read", "comment.create", "comment.endorse", "draft.view", "draft.edit", "draft.publish", "draft.upload", "analysis.view",
      "comment.moderate", "account.manage", "users.list", "users.changeRole", "experts.manage",
      "stakeholderGroups.manage", "outbox.read", "profiles.readFull", "moderation.log.read", "input.record",
      "comments.review", "export.public", "export.private", "whatWeHeard.read", "consultation.manage", "addressAllowances.manage",
      "comment.prepare", "notifications.manage", "users.confirmEmail", "announcement.send",
      "joint.start", "joint.read", "joint.write", "joint.sign", "joint.manage", "joint.submit",
    ];
    expect([...covered].sort()).toEqual([...all].sort());
  });
});

describe("the clock in every check", () => {
  const opensAt = new Date("2026-09-01T07:00:00Z");
  const closesAt = new Date("2026-09-30T21:59:00Z");
  const scheduled = { id: 1, status: "scheduled" as const, opensAt, closesAt };
  const participant = ACTORS.participant;

  it("refuses a comment a millisecond before the opening and accepts it at the opening", () => {
    expect(can(participant, { action: "comment.create", consultation: scheduled }, new Date(opensAt.getTime() - 1))).toBe(false);
    expect(can(participant, { action: "comment.create", consultation: scheduled }, opensAt)).toBe(true);
  });

  it("refuses a comment at the closing instant even while the stored status still says open", () => {
    const open = { ...scheduled, status: "open" as const };
    expect(can(participant, { action: "comment.create", consultation: open }, new Date(closesAt.getTime() - 1))).toBe(true);
    expect(can(participant, { action: "comment.create", consultation: open }, closesAt)).toBe(false);
  });

  it("makes a scheduled consultation public at its opening", () => {
    expect(can(anonymous, { action: "consultation.read", consultation: scheduled }, new Date(opensAt.getTime() - 1))).toBe(false);
    expect(can(anonymous, { action: "consultation.read", consultation: scheduled }, opensAt)).toBe(true);
  });

  it("lets only the chosen stakeholder groups comment when the consultation is restricted", () => {
    const restricted = { ...scheduled, status: "open" as const, commenterGroupIds: "[3,4]" };
    const at = new Date(opensAt.getTime() + 1000);
    const member = { ...(participant as Extract<Actor, { kind: "user" }>), stakeholderGroupId: 4 };
    const outsider = { ...(participant as Extract<Actor, { kind: "user" }>), stakeholderGroupId: 1 };
    expect(can(member, { action: "comment.create", consultation: restricted }, at)).toBe(true);
    expect(can(outsider, { action: "comment.create", consultation: restricted }, at)).toBe(false);
    expect(can(participant, { action: "comment.create", consultation: restricted }, at)).toBe(false);
  });
});

describe("an account whose e-mail address is not confirmed yet", () => {
  const unconfirmed = { ...(ACTORS.participant as Extract<Actor, { kind: "user" }>), emailConfirmed: false };

  it("may prepare a comment but not publish one, a reply or an endorsement", () => {
    expect(can(unconfirmed, { action: "comment.prepare", consultation: OPEN })).toBe(true);
    expect(can(unconfirmed, { action: "comment.create", consultation: OPEN })).toBe(false);
    expect(can(unconfirmed, { action: "comment.endorse", consultation: OPEN, authorId: 8 })).toBe(false);
  });

  it("still reads, manages the account and follows", () => {
    expect(can(unconfirmed, { action: "consultation.read", consultation: OPEN })).toBe(true);
    expect(can(unconfirmed, { action: "account.manage" })).toBe(true);
    expect(can(unconfirmed, { action: "notifications.manage" })).toBe(true);
  });

  it("may write in a joint draft but neither sign nor submit it", () => {
    expect(can(unconfirmed, { action: "joint.write", consultation: OPEN, joint: CO_AUTHOR })).toBe(true);
    expect(can(unconfirmed, { action: "joint.sign", consultation: OPEN, joint: CO_AUTHOR })).toBe(false);
    expect(can(unconfirmed, { action: "joint.submit", consultation: OPEN, joint: INITIATOR })).toBe(false);
  });

  it("a secretariat member unconfirmed cannot publish either", () => {
    const secretariat = { ...(ACTORS.secretariat as Extract<Actor, { kind: "user" }>), emailConfirmed: false };
    expect(can(secretariat, { action: "comment.create", consultation: OPEN })).toBe(false);
  });
});
