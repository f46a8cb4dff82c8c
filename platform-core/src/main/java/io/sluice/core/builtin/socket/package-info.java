/**
 * The {@code socket} source: text lines read from a TCP server by a Spark receiver. At most once:
 * lines received but not yet stored in a block when the receiver fails are lost, and the server
 * cannot be asked to send them again.
 */
package io.sluice.core.builtin.socket;
