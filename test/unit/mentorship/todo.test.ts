import { describe, expect, it } from "vitest";
import { answerDue } from "~/modules/mentorship/lifecycle";
import { todoItems, type TodoFacts } from "~/modules/todo/todo";
import { inEnglish } from "../../utils/todo-words";

const todoItemsInEnglish = (facts: TodoFacts, at: Date) => todoItems(facts, at).map(inEnglish);

const none: TodoFacts = { ownCycles: [], reportsToReview: [], cyclesToClose: [] };
const now = new Date("2027-03-01T09:00:00Z");
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const pair = { programmeId: "p1", pairId: "x1", otherName: "Ravi", role: "mentee" as const };

describe("mentorship to-dos", () => {
  it("join a programme before its matching day; answer a pairing; record a check-in; answer a pulse; admins match once the day has come", () => {
    const items = todoItemsInEnglish(
      {
        ...none,
        programmesToJoin: [
          { programme: { id: "p2", name: "Spring mentoring" }, matchingOn: day("2027-03-10") },
        ],
        pairsToAnswer: [
          { ...pair, role: "mentor", otherName: "Lena", dueOn: answerDue(day("2027-02-28")) },
        ],
        checkInsDue: [{ ...pair, dueOn: day("2027-03-05") }],
        pulsesDue: [{ ...pair, checkpoint: 30, dueOn: day("2027-03-03") }],
        programmesToMatch: [
          { programme: { id: "p3", name: "Winter mentoring" }, matchingOn: day("2027-02-28") },
        ],
      },
      now,
    );
    expect(items.map((item) => [item.kind, item.title, item.href, item.daysLeft])).toEqual([
      ["mentorship-match", "Match and publish Winter mentoring", "/mentorship/p3/matching", -1],
      [
        "mentorship-pulse",
        "Answer the 30-day pulse on your pairing with Ravi",
        "/mentorship/p1/pairs/x1",
        2,
      ],
      ["mentorship-check-in", "Record a check-in with Ravi", "/mentorship/p1/pairs/x1", 4],
      ["mentorship-answer", "Answer your pairing with Lena", "/mentorship/p1/pairs/x1", 6],
      ["mentorship-join", "Join Spring mentoring as a mentee or mentor", "/mentorship/p2", 8],
    ]);
    expect(items.find((item) => item.kind === "mentorship-answer")?.detail).toBe(
      "Proposed as your mentee Lena: accept or decline.",
    );
  });

  it("a mentor answers a mentee's request within a week; a mentee whose request was declined is asked to choose again", () => {
    const items = todoItemsInEnglish(
      {
        ...none,
        requestsToAnswer: [
          {
            programmeId: "p1",
            requestId: "r1",
            menteeName: "Lena",
            dueOn: answerDue(day("2027-02-27"))!,
          },
        ],
        requestsDeclined: [
          { programmeId: "p1", requestId: "r2", mentorName: "Nora", dueOn: day("2027-03-09") },
        ],
      },
      now,
    );
    expect(items.map((item) => [item.key, item.title, item.href, item.daysLeft])).toEqual([
      [
        "mentorship-request:r1",
        "Answer a request from Lena for you as their mentor",
        "/mentorship/p1/requests",
        5,
      ],
      [
        "mentorship-request-declined:r2",
        "Choose another mentor: Nora declined your request",
        "/mentorship/p1/mentors",
        8,
      ],
    ]);
  });

  it("an offered pair is answered within a week of the offer", () => {
    expect(answerDue(new Date("2027-03-01T12:00:00Z"))).toEqual(new Date("2027-03-08T12:00:00Z"));
    expect(answerDue(null)).toBeNull();
  });

  it("nothing when there is nothing to do", () => {
    expect(
      todoItems(
        {
          ...none,
          programmesToJoin: [],
          pairsToAnswer: [],
          checkInsDue: [],
          pulsesDue: [],
          programmesToMatch: [],
        },
        now,
      ),
    ).toEqual([]);
  });
});
