/**
 * The base every package may use: JSON, atomic file writes, SHA-256, and the one exception that carries a message a
 * user can act on. Imports nothing of Margins.
 */
package margins;
