/**
 * An example advised on as it is typed (decision 167): a moment after each change, the field marked
 * `data-word-check` posts its text to that route and shows the advice of the latest answer as the
 * list in its `data-word-check-into` element. Bound by the answer form where the app's scripts run,
 * and by the draft script in a document sent without them.
 */
export function adviseAsTyped(field: HTMLTextAreaElement): () => void {
  let asked = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const ask = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const question = ++asked;
      fetch(field.dataset.wordCheck!, {
        method: "POST",
        body: new URLSearchParams({ text: field.value }),
      })
        .then((response) => (response.ok ? response.json() : Promise.reject()))
        .then(({ advice }: { advice: string[] }) => {
          const list = document.getElementById(field.dataset.wordCheckInto!)?.querySelector("ul");
          if (question !== asked || !list) return;
          list.replaceChildren(
            ...advice.map((words) =>
              Object.assign(document.createElement("li"), { textContent: words }),
            ),
          );
          list.hidden = !advice.length;
        })
        // No answer: the advice shown stays; it never stops a save.
        .catch(() => undefined);
    }, 300);
  };
  field.addEventListener("input", ask);
  return () => {
    clearTimeout(timer);
    field.removeEventListener("input", ask);
  };
}
