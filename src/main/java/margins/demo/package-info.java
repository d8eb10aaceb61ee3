/**
 * The main job on the bundled archive: ingest, train with the defaults, a sheet from each regime. May import
 * anything but cli and bench.
 */
package margins.demo;
