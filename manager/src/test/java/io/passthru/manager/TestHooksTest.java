package io.passthru.manager;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The build switch of the fault-injection hooks: off unless the build was made with -Dpassthru.testHooks=true. */
class TestHooksTest {
    /**
     * The hooks are on exactly when the build was made with -Dpassthru.testHooks=true (the lab's test command), off in
     * a default build; surefire passes the build's value on as a system property.
     */
    @Test
    void theHooksFollowTheBuildSwitchAndItsResourceIsFiltered() throws Exception {
        boolean built = Boolean.parseBoolean(System.getProperty("passthru.testHooks"));
        assertEquals(built, TestHooks.enabled(), "-Dpassthru.testHooks=" + built);
        // Maven filtered the resource: the value, not the ${...} placeholder, is in target/classes
        Path file = Path.of(TestHooks.class.getResource(TestHooks.BUILD_PROPERTIES).toURI());
        String text = Files.readString(file);
        assertTrue(text.lines().anyMatch(("testHooks=" + built)::equals), file + ": " + text);
        assertFalse(text.contains("${"), text);
    }

    @Test
    void setVariablesAreIgnoredWithOneWarningWhenTheBuildHasNoHooks() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Map<String, String> env = Map.of("PASSTHRU_TEST_KILL_AFTER", "migrate", "PASSTHRU_TEST_BARRIER", "plug-vf",
                "PASSTHRU_TEST_BARRIER_DIR", "/tmp/b");
        TestHooks.Hooks off = TestHooks.Hooks.from(false, env, err);
        assertEquals(Set.of(), off.killAfter());
        assertNull(off.barrier());
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("passthru: warning: PASSTHRU_TEST_KILL_AFTER, PASSTHRU_TEST_BARRIER, "
                + "PASSTHRU_TEST_BARRIER_DIR are set but ignored") && lines.get(0).contains("-Dpassthru.testHooks=true"),
                lines.get(0));

        bytes.reset();
        TestHooks.Hooks.from(false, Map.of("PATH", "/bin"), err);
        assertEquals("", bytes.toString(StandardCharsets.UTF_8), "no variable set: no warning");

        TestHooks.Hooks on = TestHooks.Hooks.from(true, Map.of("PASSTHRU_TEST_KILL_AFTER", "migrate, plug-vf",
                "PASSTHRU_TEST_BARRIER", "plug-vf", "PASSTHRU_TEST_BARRIER_DIR", "/tmp/b"), err);
        assertEquals(Set.of("migrate", "plug-vf"), on.killAfter());
        assertEquals("plug-vf", on.barrier());
        assertEquals("/tmp/b", on.barrierDir());
        assertEquals("", bytes.toString(StandardCharsets.UTF_8));
    }
}
