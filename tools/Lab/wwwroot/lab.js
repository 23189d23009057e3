// The page side of the lab: one worker per page, calls that return promises, and the note shown when a page is
// opened from disk (browsers do not run WebAssembly modules from file:// pages).
export const serveHint =
  "The lab runs the course's C# library in your browser, which needs the site served over http. From the repository, run " +
  "dotnet run --project tools/NotebookRunner -c Release -- serve and open the address it prints.";

/** True when the page came from a server (the lab cannot start from file://). */
export const served = location.protocol === "http:" || location.protocol === "https:";

let worker = null;
let nextId = 1;
const pending = new Map();

/** Calls an operation of lab/worker.js; resolves with { result, ms } (ms = time spent in the worker). */
export function call(op, ...args) {
  if (!served) return Promise.reject(new Error(serveHint));
  if (worker === null) {
    const url = new URL("worker.js", import.meta.url);
    worker = new Worker(url, { type: "module" });
    worker.addEventListener("message", (event) => {
      const { id, result, error, ms } = event.data;
      const waiting = pending.get(id);
      if (!waiting) return;
      pending.delete(id);
      if (error !== undefined) waiting.reject(new Error(error));
      else waiting.resolve({ result, ms });
    });
  }
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker.postMessage({ id, op, args });
  });
}

/** Fetches a file of the lab (e.g. data/pride-and-prejudice.txt) as bytes. */
export async function fetchBytes(path) {
  const response = await fetch(new URL(path, import.meta.url));
  if (!response.ok) throw new Error(`Could not load ${path} (${response.status}).`);
  return new Uint8Array(await response.arrayBuffer());
}

/** Shows the serve hint in element `where` when the page was opened from disk; returns true when it did. */
export function explainIfFromDisk(where) {
  if (served) return false;
  where.hidden = false;
  where.classList.add("lab-offline");
  where.textContent = serveHint;
  return true;
}

/** 1.2345 → "1.235" (invariant, fixed digits). */
export const fixed = (x, digits = 3) => Number(x).toFixed(digits);
