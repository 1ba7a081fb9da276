import { describe, expect, it } from "vitest";
import { todoItems, type TodoFacts } from "~/modules/todo/todo";
import { inEnglish } from "../../utils/todo-words";

const todoItemsInEnglish = (facts: TodoFacts, at: Date) => todoItems(facts, at).map(inEnglish);

const none: TodoFacts = { ownCycles: [], reportsToReview: [], cyclesToClose: [] };
const now = new Date("2026-04-20T10:00:00Z");
const cycle = { id: "c1", name: "Spring 2026", endsOn: new Date("2026-06-30") };
const dueOn = new Date("2026-04-30");

describe("feedback on the to-do list", () => {
  it("asks the reviewer to answer, saying how upward feedback is read", () => {
    const items = todoItemsInEnglish(
      {
        ...none,
        feedbackToGive: [
          { requestId: "r1", subjectName: "Lena", channel: "peer", dueOn, floor: 3 },
          { requestId: "r2", subjectName: "Sam", channel: "upward", dueOn, floor: 5 },
        ],
      },
      now,
    );
    expect(items.map((item) => [item.key, item.title, item.href, item.daysLeft]).sort()).toEqual([
      ["feedback-answer:r1", "Give Lena feedback", "/feedback/r1", 10],
      ["feedback-answer:r2", "Give feedback about your manager, Sam", "/feedback/r2", 10],
    ]);
    // The floor it is given, whatever it is: the item states no number of its own.
    expect(items.find((item) => item.key === "feedback-answer:r2")!.detail).toBe(
      "Your manager reads it only in a group of at least 5 reports' answers, never with your name.",
    );
  });

  it("asks the manager to approve, to replace a reviewer who left, and whoever nominates to choose peers", () => {
    const person = { id: "p1", name: "Lena" };
    const items = todoItemsInEnglish(
      {
        ...none,
        nominationsToDecide: [{ cycle, person, waiting: 1, dueOn }],
        reviewersToReplace: [{ cycle, person, reviewerName: "Omar", why: "left", dueOn }],
        peersToNominate: [
          { cycle, person: { id: "me", name: "Me" }, own: true, live: 1, minPeers: 3, dueOn },
          { cycle, person, own: false, live: 0, minPeers: 3, dueOn },
        ],
      },
      now,
    );
    expect(items.map((item) => [item.key, item.title, item.detail]).sort()).toEqual([
      [
        "feedback-approve:c1/p1",
        "Approve peer reviewers for Lena",
        "1 nomination waiting for you in Spring 2026.",
      ],
      [
        "feedback-nominate:c1/me",
        "Choose who gives you feedback in Spring 2026",
        "1 peer asked of at least 3.",
      ],
      ["feedback-nominate:c1/p1", "Choose who gives Lena feedback", "0 peers asked of at least 3."],
      [
        "feedback-replace:c1/p1",
        "Choose another peer reviewer for Lena",
        "Omar left, so their request was withdrawn; Lena now has fewer peers than Spring 2026 asks for.",
      ],
    ]);
  });

  it("asks the manager to choose another peer when a colleague declined, saying so", () => {
    const items = todoItemsInEnglish(
      {
        ...none,
        reviewersToReplace: [
          {
            cycle,
            person: { id: "p1", name: "Lena" },
            reviewerName: "Omar",
            why: "declined",
            dueOn,
          },
        ],
      },
      now,
    );
    expect(items.map((item) => [item.key, item.title, item.detail, item.href])).toEqual([
      [
        "feedback-replace:c1/p1",
        "Choose another peer reviewer for Lena",
        "Omar declined to give feedback; Lena now has fewer peers than Spring 2026 asks for.",
        "/feedback/cycles/c1/people/p1",
      ],
    ]);
  });
});
