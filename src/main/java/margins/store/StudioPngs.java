package margins.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The PNGs of a studio where Margins writes outputs: everywhere under it but the prepared archive, the training runs
 * (sheets, no recipes) and the store itself; hidden files and temporary files skipped. Sorted, so a rebuild is
 * deterministic.
 */
final class StudioPngs {

  private static final Set<String> SKIPPED = Set.of("archive", "runs", Store.DIR);

  private StudioPngs() {}

  static List<Path> under(Path studio) {
    List<Path> out = new ArrayList<>();
    if (!Files.isDirectory(studio)) {
      return out;
    }
    try {
      Files.walkFileTree(studio, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
          boolean top = studio.equals(dir.getParent());
          return !dir.equals(studio) && (name.startsWith(".") || top && SKIPPED.contains(name))
              ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          String name = file.getFileName().toString();
          if (attrs.isRegularFile() && name.endsWith(".png") && !name.startsWith(".")) {
            out.add(file);
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.sort(null);
    return out;
  }
}
