// Serves a directory (dist/ by default) on loopback until stopped.
// Usage: node scripts/static-server.mjs DIR PORT
import { serve } from "./lib/server.mjs";

const { url } = await serve(process.argv[2] ?? "dist", { port: Number(process.argv[3] ?? 8080) });
console.log(url);
