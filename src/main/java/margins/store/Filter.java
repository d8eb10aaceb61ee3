package margins.store;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import margins.BadParameter;

/**
 * What `find` keeps: items of these kinds, regimes, samplers, models and creators, carrying every tag, made in a time
 * range, with measures in ranges. Values only ever reach SQL as bound parameters; column names come from fixed lists.
 *
 * @param kinds any of these (empty: all)
 * @param regimes any of these
 * @param samplers any of these
 * @param models any of these runs (a name, or its number: 00003 or 3)
 * @param tags all of these
 * @param creator human, machine, or null for both
 * @param since made at or after (ms), or null
 * @param until made before (ms), or null
 * @param ranges measures within ranges
 * @param limit at most this many, newest first
 */
public record Filter(List<String> kinds, List<String> regimes, List<String> samplers, List<String> models,
    List<String> tags, String creator, Long since, Long until, List<Range> ranges, int limit) {

  /** The measures a range may bound. */
  public static final List<String> FIELDS = List.of("distance", "realism", "rarity");

  /**
   * A measure in a range: "pixel-structure.distance=0.3..0.6", "distance>=0.5", "rarity<=2" (the space defaults to
   * pixel-structure, the one kinds are judged in).
   */
  public record Range(String space, String field, Double min, Double max) {

    public static Range parse(String text) {
      String num = "(-?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)";
      var m = java.util.regex.Pattern.compile("(?:([a-z0-9-]+)\\.)?([a-z]+)\\s*(=|>=|<=)\\s*" + num + "?(?:\\.\\." + num
          + "?)?").matcher(text.trim());
      if (!m.matches() || !FIELDS.contains(m.group(2))) {
        throw new BadParameter("--measure takes SPACE.FIELD=MIN..MAX, FIELD>=X or FIELD<=X with FIELD one of "
            + FIELDS + " (e.g. pixel-structure.distance=0.3..0.6), not '" + text + "'");
      }
      String space = m.group(1) == null ? "pixel-structure" : m.group(1);
      try {
        Double a = m.group(4) == null ? null : Double.valueOf(m.group(4));
        Double b = m.group(5) == null ? null : Double.valueOf(m.group(5));
        return switch (m.group(3)) {
          case ">=" -> new Range(space, m.group(2), a, null);
          case "<=" -> new Range(space, m.group(2), null, a);
          default -> new Range(space, m.group(2), a, b);
        };
      } catch (NumberFormatException e) {
        throw new BadParameter("--measure '" + text + "' holds a number Margins cannot read");
      }
    }
  }

  public Filter {
    if (limit < 1) {
      throw new BadParameter("--limit must be at least 1, not " + limit);
    }
    if (creator != null) {
      creator = Creator.parse(creator).id();
    }
  }

  /** Everything, newest first, up to the limit. */
  public static Filter all(int limit) {
    return new Filter(List.of(), List.of(), List.of(), List.of(), List.of(), null, null, null, List.of(), limit);
  }

  /** The WHERE clause (placeholders only) and its arguments, in order. */
  record Sql(String where, List<Object> args) {}

  Sql sql() {
    List<String> clauses = new ArrayList<>();
    List<Object> args = new ArrayList<>();
    in("i.kind", kinds, clauses, args);
    in("i.regime", regimes, clauses, args);
    in("i.sampler", samplers, clauses, args);
    if (!models.isEmpty()) {
      List<String> ors = new ArrayList<>();
      for (String m : models) {
        ors.add("i.model = ? OR i.model LIKE ?");
        args.add(m);
        args.add(m.matches("\\d+") ? String.format("%05d", Long.parseLong(m)) + "-%" : m);
      }
      clauses.add("(" + String.join(" OR ", ors) + ")");
    }
    for (String t : tags) {
      clauses.add("EXISTS (SELECT 1 FROM tags t WHERE t.item = i.n AND t.tag = ?)");
      args.add(t);
    }
    if (creator != null) {
      clauses.add("i.creator = ?");
      args.add(creator);
    }
    if (since != null) {
      clauses.add("i.created_at >= ?");
      args.add(since);
    }
    if (until != null) {
      clauses.add("i.created_at < ?");
      args.add(until);
    }
    for (Range r : ranges) {
      // r.field() is one of FIELDS (checked when parsed), so it is safe as a column name.
      String col = "m." + FIELDS.get(FIELDS.indexOf(r.field()));
      StringBuilder c = new StringBuilder("EXISTS (SELECT 1 FROM measures m WHERE m.item = i.n AND m.space = ?");
      args.add(r.space());
      if (r.min() != null) {
        c.append(" AND ").append(col).append(" >= ?");
        args.add(r.min());
      }
      if (r.max() != null) {
        c.append(" AND ").append(col).append(" <= ?");
        args.add(r.max());
      }
      clauses.add(c.append(")").toString());
    }
    return new Sql(clauses.isEmpty() ? "1 = 1" : String.join(" AND ", clauses), args);
  }

  private static void in(String column, List<String> values, List<String> clauses, List<Object> args) {
    if (!values.isEmpty()) {
      clauses.add(column + " IN (" + String.join(", ", java.util.Collections.nCopies(values.size(), "?")) + ")");
      args.addAll(values);
    }
  }

  /**
   * A time as users write it: 2025-06-03 (that day's start, local time), 2025-06-03T14:00, or an age: 90m, 12h,
   * 3d, 2w (that long ago).
   */
  public static long time(String text, ZoneId zone, Instant now) {
    String t = text.trim();
    var age = java.util.regex.Pattern.compile("(\\d+)([mhdw])").matcher(t);
    if (age.matches()) {
      long n = Long.parseLong(age.group(1));
      Duration d = switch (age.group(2)) {
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        case "d" -> Duration.ofDays(n);
        default -> Duration.ofDays(7 * n);
      };
      return now.minus(d).toEpochMilli();
    }
    try {
      return t.contains("T") ? LocalDateTime.parse(t).atZone(zone).toInstant().toEpochMilli()
          : LocalDate.parse(t).atStartOfDay(zone).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new BadParameter("a time is a date (2025-06-03), a date and time (2025-06-03T14:00) or an age (90m, 12h,"
          + " 3d, 2w), not '" + text + "'");
    }
  }
}
