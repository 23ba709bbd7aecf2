/**
 * What the Redis queue (queue-redis.ts) uses of BullMQ and ioredis, and nothing else of them.
 *
 * The compiled binary does not carry this module as bytecode: release/compile.ts bundles it on its own, embeds
 * that bundle zstd-compressed and swaps this module for one that evaluates it from memory. Only
 * `pygen serve --queue redis://…` reaches it, and their 4 MB of bytecode would otherwise ship to every user.
 * Under `bun run` it is an ordinary module.
 */
export { Queue, Worker } from "bullmq";
export { Redis } from "ioredis";
