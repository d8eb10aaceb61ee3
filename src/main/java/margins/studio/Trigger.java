package margins.studio;

import java.util.Locale;

/** The rules by which the machine interrupts, and what each offers. */
public enum Trigger {
  /** The last keeps lie much closer together than random mimetic samples do: offer far-away tiles. */
  CONVERGE(Offer.TILES),
  /** Ten keeps in a row of one kind: offer tiles of elsewhere. */
  SAME_KIND(Offer.TILES),
  /** Three grids in a row went by without a keep: offer another sampler. */
  REJECTED_GRIDS(Offer.SAMPLER),
  /** A walk ran a minute without the artist: offer marks on its timeline. */
  WALK_MINUTE(Offer.MARKS),
  /** The artist asked ("ask the machine"): offer far-away tiles at once, whatever the timing. */
  ASKED(Offer.TILES);

  private final String offers;

  Trigger(String offers) {
    this.offers = offers;
  }

  /** What it offers: tiles, marks or a sampler. */
  public String offers() {
    return offers;
  }

  /** "converge", "same-kind", "rejected-grids", "walk-minute", "asked". */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Trigger byId(String id) {
    for (Trigger t : values()) {
      if (t.id().equals(id)) {
        return t;
      }
    }
    throw new IllegalArgumentException("no trigger '" + id + "'");
  }
}
