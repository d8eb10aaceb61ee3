/** The demo: the whole path from the bundled archive to two sheets, one per regime. */
package margins.demo;
