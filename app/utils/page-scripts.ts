/**
 * Which documents carry the app's scripts (decision 134). A page whose route (or a route above it)
 * says so in its `handle` works whole as HTML, links and forms, and is sent without them: the
 * sign-in pages, the ladder's (opened first, often from a link) and the reports people only read
 * arrive as HTML and one stylesheet. Once the app runs in a browser, every page it shows is its own.
 */
export type PageHandle = { scripts?: false };

/** A route's `handle` for a page that works whole without the app's scripts. */
export const plainHtml: PageHandle = { scripts: false };

/** Whether a document of these routes (root first, as matched) is sent with the app's scripts. */
export function documentShipsScripts(handles: readonly unknown[]): boolean {
  return !handles.some((handle) => (handle as PageHandle | undefined)?.scripts === false);
}

/**
 * A document's router context without the data the scripts would hydrate from. React Router writes
 * that hand-off stream only once it is read (patches/react-router+8.5.3.patch, decision 140), so the
 * context is copied property by property: a spread would read it, and encode every loader's data
 * for a document that drops it.
 */
export function withoutHandoff<Context extends { serverHandoffStream?: unknown }>(
  context: Context,
): Context {
  const { serverHandoffStream: _dropped, ...kept } = Object.getOwnPropertyDescriptors(context);
  return Object.defineProperties({}, kept) as Context;
}

/**
 * The one script a document without the app's carries: its print buttons (marked `data-print`)
 * print, its copy buttons (`data-copy`, the id of the field they copy) copy, saying so in the
 * field's status (or selecting the text where the clipboard is not offered), and its fields that
 * suggest as people type (`data-suggestions`, `SuggestField`) fill their list from that resource
 * route, the latest answer winning, and its forms that advise as people type (`data-advice`, the
 * resource route asked with the fields named in `data-advice-fields` as one of them changes) show the advice elements
 * (`data-advice-key`) whose keys the latest answer names and hide the others (decision 162), and a
 * live page (`LiveNotice`, `data-live` its event stream) puts its newest state in place of the
 * old a moment after each change, unless a field in it holds something not yet sent: then its
 * notice says the page changed (decision 163); a field of a form kept as it is typed only puts the
 * newest state off until it is kept, the field being typed in keeps its caret, and a kept form's
 * status line what it said (decision 166);
 * and its forms kept as they are typed (`data-keep`,
 * the intent their page's action keeps them under) are sent a moment after each change, their
 * status (`data-keep-status`) saying what the page the action answers says in its place; once kept,
 * what they hold counts as sent (decision 164), and a calibration grid (`data-grid`) moves people by
 * dragging, clicking or the keyboard, asking the reason in its dialog where the server marked a
 * cell as needing one, each step said in the words the server rendered (decision 165). In a document with the app's scripts, the
 * components' own handlers and hooks do.
 */
export const PLAIN_PAGE_SCRIPT = `addEventListener("click",e=>{const b=e.target.closest?.("[data-print],[data-copy]");if(!b)return;if(b.dataset.copy===undefined)return print();const f=document.getElementById(b.dataset.copy),s=document.getElementById(b.dataset.copy+"-status");Promise.resolve().then(()=>navigator.clipboard.writeText(f.value)).then(()=>{s.textContent=b.dataset.copied},()=>{f.select();s.textContent=b.dataset.failed})});addEventListener("input",e=>{const f=e.target,u=f.dataset?.suggestions;if(!u)return;const q=f.value.trim();if(!q)return;const n=f.asked=(f.asked||0)+1;fetch(u+(u.includes("?")?"&":"?")+new URLSearchParams({q})).then(r=>r.json()).then(d=>{if(f.asked===n)f.list.replaceChildren(...d.suggestions.map(v=>Object.assign(document.createElement("option"),v)))},()=>{})});addEventListener("input",e=>{const f=e.target.form,u=f?.dataset.advice;if(!u)return;const k=f.dataset.adviceFields.split(" ");if(!k.includes(e.target.name))return;const n=f.advised=(f.advised||0)+1,q=new URLSearchParams(k.map(k=>[k,f.elements[k]?.value??""]));fetch(u+"?"+q).then(r=>r.json()).then(d=>{if(f.advised===n)for(const a of f.querySelectorAll("[data-advice-key]"))a.hidden=!d.advice.includes(a.dataset.adviceKey)},()=>{})});const x=c=>c.type==="checkbox"||c.type==="radio"?c.checked!==c.defaultChecked:c.tagName==="SELECT"?[...c.options].some(o=>o.selected!==o.defaultSelected):c.value!==c.defaultValue,y=f=>{const s=f.querySelector("[data-keep-status]"),e=f.ke=(f.ke||0)+1;s.textContent=s.dataset.saving;clearTimeout(f.kt);f.kt=setTimeout(()=>{const d=new FormData(f);d.set("intent",f.dataset.keep);fetch(f.action,{method:"POST",body:d}).then(r=>r.text()).then(h=>{const t=new DOMParser().parseFromString(h,"text/html").getElementById(s.id);if(!t)return Promise.reject();if(f.ke!==e)return;s.textContent=t.textContent;s.className=t.className;if(t.dataset.kept!==undefined)for(const c of f.elements)if(c.type==="checkbox"||c.type==="radio")c.defaultChecked=c.checked;else if(c.tagName==="SELECT")for(const o of c.options)o.defaultSelected=o.selected;else if("defaultValue"in c)c.defaultValue=c.value}).catch(()=>{if(f.ke===e)s.textContent=s.dataset.failed})},800)};for(const t of["input","change"])addEventListener(t,e=>{const f=e.target.form;if(f?.dataset.keep)y(f)});addEventListener("pageshow",()=>{for(const f of document.querySelectorAll("form[data-keep]"))if([...f.querySelectorAll("input,select,textarea")].some(x))y(f)});const v=document.querySelector("[data-live]");if(v){let w,k=0;const L=t=>{clearTimeout(w);w=setTimeout(()=>{const j=++k;fetch(location.href).then(r=>r.ok&&!r.redirected?r.text():Promise.reject()).then(h=>{const d=new DOMParser().parseFromString(h,"text/html"),n=d.querySelector("main"),m=document.querySelector("main"),l=m?.querySelector("[data-live]");if(j!==k||!n||!l)return;const c=[...m.querySelectorAll("input,select,textarea")].filter(x);if(c.length&&c.every(e=>e.form?.dataset.keep))return L(1e3);if(c.length)return l.replaceChildren(l.dataset.changed+" ",Object.assign(document.createElement("a"),{href:l.dataset.href,textContent:l.dataset.show}));const a=document.activeElement,i=a?.id;let s;try{s=[a.selectionStart,a.selectionEnd]}catch{}const q=[...m.querySelectorAll("[data-keep-status]")];m.replaceChildren(...n.childNodes);for(const o of q){const p=document.getElementById(o.id);if(p&&!p.textContent)p.replaceWith(o)}document.title=d.title;const b=i&&document.getElementById(i);if(b){b.focus();try{s?.[0]!=null&&b.setSelectionRange(...s)}catch{}}},()=>{})},t)};new EventSource(v.dataset.live).addEventListener("change",()=>L(300))}{const r=document.querySelector("[data-grid]");if(r){let a=null;const p=r.querySelector("[data-grid-status]"),d=r.querySelector("dialog[data-move]"),u=d.querySelector("form"),i=(t,e,s)=>t.replace("{name}",()=>e.dataset.name).replace("{cell}",()=>s?.dataset.words??""),o=(t,e,s)=>p.textContent=i(r.dataset[t],e,s),g=t=>r.querySelector('td[data-cell="'+t+'"]'),c=t=>{r.querySelector("[data-targeted]")?.removeAttribute("data-targeted"),t?.setAttribute("data-targeted","")},l=t=>{a?.b.setAttribute("aria-pressed","false"),a=t&&{b:t,t:g(t.dataset.start)},t?.setAttribute("aria-pressed","true"),c(a?.t)},f=(t,e)=>{l(null);const s=e.dataset.cell;if(t.dataset.stay===s)return o("stays",t,e);const n=u.elements;if(n.entryId.value=t.dataset.person,n.revision.value=t.dataset.revision,n.rating.value=e.dataset.rating,n.second.value=e.dataset.second??"",n.second.disabled=!e.dataset.second,t.dataset.free.split(" ").includes(s))return n.reason.required=!1,n.reason.value="",o("moving",t,e),u.submit();n.reason.required=!0,o("needsReason",t,e),d.querySelector("h2").textContent=i(d.dataset.title,t,e),document.getElementById(d.getAttribute("aria-describedby")).textContent=i(t.dataset.proposal?d.dataset.differs.replace("{proposal}",()=>t.dataset.proposal):d.dataset.none,t,e),u.querySelector("button:not([formmethod])").textContent=i(d.dataset.button,t,e),d.showModal()};r.querySelector("[data-focus]")?.focus(),r.addEventListener("click",t=>{const e=t.target.closest("button[data-person]");if(e){a?.b===e?(l(null),o("putBack",e)):(l(e),e.dataset.placed===void 0?o("pickedUpOffGrid",e):o("pickedUp",e,a.t));return}const s=t.target.closest("td[data-cell]");a&&s&&!t.target.closest("button,summary,form,a,dialog")&&f(a.b,s)}),r.addEventListener("keydown",t=>{const e=t.target.closest?.("button[data-person]"),s=["ArrowLeft","ArrowRight","ArrowUp","ArrowDown","Home","End"].indexOf(t.key);!e||a?.b!==e||(s>=0?(t.preventDefault(),c(a.t=g(a.t.dataset.to.split(" ")[s])),p.textContent=a.t.dataset.words):t.key==="Enter"||t.key===" "?(t.preventDefault(),f(e,a.t)):t.key==="Escape"&&(t.preventDefault(),l(null),o("putBack",e)))}),r.addEventListener("dragstart",t=>{const e=t.target.closest?.("button[data-person]");e&&(t.dataTransfer.setData("text/plain",e.dataset.person),t.dataTransfer.effectAllowed="move",l(e))}),r.addEventListener("dragover",t=>{const e=t.target.closest?.("td[data-cell]");!a||!e||(t.preventDefault(),a.t!==e&&c(a.t=e))}),r.addEventListener("drop",t=>{const e=t.target.closest?.("td[data-cell]"),s=t.dataTransfer.getData("text/plain")||a?.b.dataset.person,n=s&&r.querySelector('button[data-person="'+s+'"]');e&&(t.preventDefault(),n&&f(n,e))})}}addEventListener("invalid",r=>{const a=r.target.dataset?.needed&&document.getElementById(r.target.dataset.needed);a&&(r.preventDefault(),a.hidden=!1,r.target.focus())},!0);`;
