/**
 * The planner: turns a bound pipeline into a DStream graph, fusing consecutive record steps into
 * one pass, splitting bad records off to the dead-letter sink, and adding one output per sink
 * and a final output that commits source positions.
 */
package io.sluice.core.plan;
