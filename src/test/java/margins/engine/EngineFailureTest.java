package margins.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** In a fresh JVM, because the engine loads once per process. */
class EngineFailureTest {

  @TempDir Path tmp;

  @Test
  void anEngineThatCannotUnpackItsNativesExitsOneSayingWhyAndWhatToDo() throws Exception {
    Path notAFolder = Files.writeString(tmp.resolve("cache"), "a file where the native cache should be");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder pb = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
        "-Dai.djl.offline=true", "margins.cli.Margins", "bench", "--steps", "1", "--warmup", "1");
    pb.environment().put("DJL_CACHE_DIR", notAFolder.resolve("djl").toString());
    pb.redirectErrorStream(true);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(1, p.exitValue(), out);
    assertTrue(out.contains("could not load its native library"), out);
    assertTrue(out.contains("DJL_CACHE_DIR"), out);
  }
}
