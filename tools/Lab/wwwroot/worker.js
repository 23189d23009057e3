// The lab's worker: starts .NET WebAssembly (the course library, compiled by tools/Lab) off the page's thread and
// answers messages { id, op, args } with { id, result, ms } or { id, error }. Long work here never freezes a page.
import { dotnet } from "./_framework/dotnet.js";

const started = (async () => {
  const { getAssemblyExports, getConfig } = await dotnet.create();
  const exports = await getAssemblyExports(getConfig().mainAssemblyName);
  return exports.Lab.LabExports;
})();

// The exercise checks compute some expected values from the course's texts: they are written into the runtime's
// file system (data/) once, before the first check.
let dataReady = null;
async function ensureData(lab) {
  dataReady ??= (async () => {
    const names = await (await fetch("data/index.json")).json();
    for (const name of names) {
      const bytes = new Uint8Array(await (await fetch("data/" + name)).arrayBuffer());
      lab.AddDataFile(name, bytes);
    }
  })();
  return dataReady;
}

const operations = {
  models: (lab) => lab.Models(),
  compress: (lab, bytes, model) => lab.Compress(bytes, model),
  decompress: (lab, bytes) => lab.Decompress(bytes),
  // Compress, decompress, compare: the page shows the size and whether the round trip gave back every byte.
  roundTrip: (lab, bytes, model) => {
    const t0 = performance.now();
    const compressed = lab.Compress(bytes, model);
    const t1 = performance.now();
    const restored = lab.Decompress(compressed);
    const t2 = performance.now();
    const same = restored.length === bytes.length && restored.every((b, i) => b === bytes[i]);
    return { compressed, same, compressMs: t1 - t0, decompressMs: t2 - t1 };
  },
  surprisals: (lab, bytes, model) => Array.from(lab.ByteSurprisals(bytes, model)),
  gamePlay: (lab, context, passage, model, guesses) => Array.from(lab.GamePlay(context, passage, model, guesses)),
  bounds: (lab, ranks) => Array.from(lab.ShannonBounds(ranks)),
  check: async (lab, id, answer) => { await ensureData(lab); return Array.from(lab.CheckAnswer(id, answer)); },
};

self.addEventListener("message", async (event) => {
  const { id, op, args } = event.data;
  try {
    const lab = await started;
    const t0 = performance.now();
    const result = await operations[op](lab, ...args);
    self.postMessage({ id, result, ms: performance.now() - t0 });
  } catch (error) {
    self.postMessage({ id, error: String(error && error.message ? error.message : error) });
  }
});
self.postMessage({ id: 0, result: "worker loaded" });
