/**
 * An artist's folder of images made into the studio's archive (ingest: decode, orient, frame, dedupe, skip with a
 * reason), read back checked, and held in memory as training sets with their held-out split. May import only the
 * base package.
 */
package margins.archive;
