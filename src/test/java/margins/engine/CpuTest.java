package margins.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CpuTest {

  static final String AMD_GUEST = """
      processor	: 0
      vendor_id	: AuthenticAMD
      cpu family	: 26
      model		: 2
      model name	: AMD EPYC
      flags		: fpu sse4_1 avx2 fma avx avx512f avx512_bf16 hypervisor

      processor	: 1
      vendor_id	: GenuineIntel
      """;

  @Test
  void theFirstProcessorsVendorModelAndExtensionsAreRead() {
    Cpu c = Cpu.parse(AMD_GUEST, false, 2);
    assertEquals("AuthenticAMD", c.vendor());
    assertEquals("AMD EPYC", c.model());
    assertEquals(26, c.family());
    assertEquals(2, c.modelNumber());
    assertEquals(List.of("sse4_1", "avx", "avx2", "fma", "avx512f", "avx512_bf16"), c.isa(), "weakest first");
  }

  @Test
  void anAmdGuestWithoutCacheSizesIsRecognised() {
    assertTrue(Cpu.parse(AMD_GUEST, false, 2).amdWithoutCaches());
    assertFalse(Cpu.parse(AMD_GUEST, true, 2).amdWithoutCaches());
    assertFalse(Cpu.parse(AMD_GUEST.replace("AuthenticAMD", "GenuineIntel"), false, 2).amdWithoutCaches());
  }

  @Test
  void anUnreadableCpuinfoGivesUnknowns() {
    Cpu c = Cpu.parse("", false, 1);
    assertEquals("unknown", c.vendor());
    assertEquals(-1, c.family());
    assertTrue(c.isa().isEmpty());
  }
}
