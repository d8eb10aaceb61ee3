package margins.store;

/**
 * One row of the store's acts table: an entry of a studio exploration's journal other than a tile (a tile is an
 * item): its beginning, an act of the artist or the machine (keep, open, settings, pause...), an offer of the
 * machine or the artist's answer to it.
 *
 * @param exploration the exploration's id
 * @param seq the entry's position in the exploration's journal
 * @param at when it happened (epoch ms, the studio's clock)
 * @param entry "begin", "act", "offer" or "answer"
 * @param name the act ("keep", "settings", "pause"...), the offer's trigger, the answer ("keep", "dismiss",
 *     "not-now"), or "begin"
 * @param actor "human" or "machine"
 * @param tile the tile it concerns, or null
 * @param offer the offer it makes or answers, or null
 * @param data the journal's line itself (JSON)
 */
public record StudioAct(String exploration, long seq, long at, String entry, String name, String actor, String tile,
    String offer, String data) {}
