package margins.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Lists the files under a source folder in a stable order (names sorted at every level), following
 * symbolic links, and reports links that lead back into a folder being walked instead of looping.
 */
final class SourceWalker {

  /** A regular file found under the source, with its path relative to the source ('/' separated). */
  record Found(Path file, String relative) {}

  private final Path root;
  private final Path exclude;
  private final List<Found> found = new ArrayList<>();
  private final List<Skip> skipped = new ArrayList<>();

  /** Walks {@code root}, leaving out {@code exclude} (the studio, when it lies inside the source). */
  private SourceWalker(Path root, Path exclude) {
    this.root = root;
    this.exclude = exclude;
  }

  static SourceWalker walk(Path root, Path exclude) throws IOException {
    SourceWalker w = new SourceWalker(root, exclude == null ? null : realOrSelf(exclude));
    Set<Path> ancestors = new HashSet<>();
    ancestors.add(root.toRealPath());
    w.visitFolder(root, ancestors);
    return w;
  }

  List<Found> files() {
    return found;
  }

  List<Skip> skipped() {
    return skipped;
  }

  private void visitFolder(Path folder, Set<Path> ancestors) {
    List<Path> children;
    try (Stream<Path> s = Files.list(folder)) {
      children = s.sorted().toList();
    } catch (IOException | RuntimeException e) {
      skipped.add(new Skip(relative(folder), "unreadable folder: " + e.getMessage()));
      return;
    }
    for (Path child : children) {
      visit(child, ancestors);
    }
  }

  private void visit(Path entry, Set<Path> ancestors) {
    String rel = relative(entry);
    Path real;
    try {
      real = entry.toRealPath();
    } catch (IOException e) {
      // toRealPath fails on a dangling link and on a link cycle (a -> b -> a).
      String why = Files.isSymbolicLink(entry) ? "broken or looping link" : "unreadable";
      skipped.add(new Skip(rel, why + ": " + e.getClass().getSimpleName()));
      return;
    }
    if (real.equals(exclude)) {
      return;
    }
    if (Files.isDirectory(real)) {
      if (ancestors.contains(real)) {
        skipped.add(new Skip(rel, "folder or link loop: leads back to " + relative(real)));
        return;
      }
      ancestors.add(real);
      visitFolder(entry, ancestors);
      ancestors.remove(real);
    } else if (Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
      found.add(new Found(entry, rel));
    } else {
      skipped.add(new Skip(rel, "not a regular file"));
    }
  }

  private String relative(Path p) {
    Path base = p.startsWith(root) ? root : realOrSelf(root);
    Path r = p.startsWith(base) ? base.relativize(p) : p;
    String s = r.toString().replace('\\', '/');
    return s.isEmpty() ? "." : s;
  }

  private static Path realOrSelf(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      return p.toAbsolutePath().normalize();
    }
  }
}
