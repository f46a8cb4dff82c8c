/**
 * Redis for Sluice: {@code state { type = redis }} keeps a stateful transform's keyed state in Redis
 * (pipelined reads, a Lua compare-batch-time-and-set per key, a versioned value encoding), and the
 * {@code redis} sink writes records as hashes, strings or sorted-set scores. Both share the
 * connection options and one pooled client per executor JVM and configuration.
 */
package io.sluice.redis;
