package margins.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class DoctorCommandTest {

  @Test
  void doctorNamesTheCpuTheEngineVersionsTheSelfChecksAndThePathInUse() {
    MarginsTest.Run r = new MarginsTest.Run("doctor", "--device", "cpu");
    assertEquals(0, r.code, r.err);
    for (String line : new String[] {"cpu:", "isa:", "caches:", "engine:      PyTorch 2.7.1", "oneDNN:      3.",
        "padded-channel backward", "self-check:  vae r32", "self-check:  vae r64", "path:        convolutions use"}) {
      assertTrue(r.out.contains(line), "'" + line + "' in:\n" + r.out);
    }
    assertTrue(r.out.matches("(?s).*self-check:  vae r32[^\n]*: (passed|failed switched|forced)[^\n]*\\(\\d+ ms\\).*"),
        r.out);
  }

  @Test
  void doctorJsonIsOneObjectWithTheSameFacts() throws Exception {
    MarginsTest.Run r = new MarginsTest.Run("doctor", "--device", "cpu", "--json");
    assertEquals(0, r.code, r.err);
    JsonNode d = new ObjectMapper().readTree(r.out);
    assertTrue(d.path("cpu").path("vendor").isTextual(), r.out);
    assertEquals(2, d.path("checks").size(), r.out);
    assertTrue(d.path("checks").get(0).path("result").path("verdict").isTextual(), r.out);
  }
}
