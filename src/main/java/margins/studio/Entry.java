package margins.studio;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One line of an exploration's record: its beginning, an act, an item (a tile), an offer of the machine or the
 * artist's answer. Each carries its sequence number in the exploration and the time it happened (epoch ms).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "entry")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Begin.class, name = "begin"),
  @JsonSubTypes.Type(value = Act.class, name = "act"),
  @JsonSubTypes.Type(value = Tile.class, name = "item"),
  @JsonSubTypes.Type(value = Offer.class, name = "offer"),
  @JsonSubTypes.Type(value = Answer.class, name = "answer")
})
public sealed interface Entry permits Begin, Act, Tile, Offer, Answer {

  /** Position in the exploration's record, from 0. */
  long seq();

  /** When it happened, in epoch milliseconds (the studio's clock). */
  long at();
}
