package io.passthru.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Fake {@link AgentChannel}: a script of expected commands, each with a check of its arguments and a
 * canned reply (or an exception). Records every request and timeout it received.
 */
final class ScriptedAgentChannel implements AgentChannel {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private record Step(String command, Consumer<JsonNode> argumentsCheck, Supplier<String> reply, boolean repeat) {
    }

    private final Deque<Step> steps = new ArrayDeque<>();
    final List<JsonNode> requests = new ArrayList<>();
    final List<Duration> timeouts = new ArrayList<>();
    private long nextPid = 1000;

    ScriptedAgentChannel expect(String command, String reply) {
        return expect(command, args -> { }, reply);
    }

    ScriptedAgentChannel expect(String command, Consumer<JsonNode> argumentsCheck, String reply) {
        steps.add(new Step(command, argumentsCheck, () -> reply, false));
        return this;
    }

    /** The step stays at the head of the script forever: every later command must be this one. */
    ScriptedAgentChannel expectForever(String command, String reply) {
        steps.add(new Step(command, args -> { }, () -> reply, true));
        return this;
    }

    ScriptedAgentChannel expectThrow(String command, RuntimeException e) {
        steps.add(new Step(command, args -> { }, () -> { throw e; }, false));
        return this;
    }

    /** guest-exec of exactly {@code argv} with capture-output true, answered with a fresh pid; returns it. */
    long expectExec(List<String> argv) {
        long pid = nextPid++;
        expect("guest-exec", args -> {
            assertEquals(argv.get(0), args.path("path").asText(), "guest-exec path");
            List<String> arg = new ArrayList<>();
            args.path("arg").forEach(a -> arg.add(a.asText()));
            assertEquals(argv.subList(1, argv.size()), arg, "guest-exec arg");
            assertTrue(args.path("capture-output").asBoolean(), "capture-output");
        }, "{\"return\":{\"pid\":" + pid + "}}");
        return pid;
    }

    ScriptedAgentChannel expectStatus(long pid, String statusJson) {
        return expect("guest-exec-status", args -> assertEquals(pid, args.path("pid").asLong(), "pid"),
                "{\"return\":" + statusJson + "}");
    }

    /** guest-exec of argv, then one guest-exec-status reporting it exited with {@code exitCode}. */
    ScriptedAgentChannel expectRun(List<String> argv, int exitCode, String stdout, String stderr) {
        long pid = expectExec(argv);
        return expectStatus(pid, exited(exitCode, stdout, stderr));
    }

    ScriptedAgentChannel expectRun(List<String> argv) {
        return expectRun(argv, 0, "", "");
    }

    static String exited(int exitCode, String stdout, String stderr) {
        ObjectNode s = MAPPER.createObjectNode();
        s.put("exited", true);
        s.put("exitcode", exitCode);
        if (!stdout.isEmpty()) {
            s.put("out-data", b64(stdout));
        }
        if (!stderr.isEmpty()) {
            s.put("err-data", b64(stderr));
        }
        return s.toString();
    }

    static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String execute(String commandJson, Duration timeout) {
        JsonNode request;
        try {
            request = MAPPER.readTree(commandJson);
        } catch (Exception e) {
            throw new AssertionError("request is not JSON: " + commandJson, e);
        }
        requests.add(request);
        timeouts.add(timeout);
        String command = request.path("execute").asText();
        Step step = steps.peek();
        if (step == null) {
            fail("unexpected command " + commandJson + ": script is finished");
        }
        if (!step.repeat()) {
            steps.poll();
        }
        assertEquals(step.command(), command, "command sent: " + commandJson);
        step.argumentsCheck().accept(request.path("arguments"));
        return step.reply().get();
    }

    /** Asserts every scripted (non-repeating) step was consumed. */
    void assertDone() {
        assertTrue(steps.stream().allMatch(Step::repeat), "unconsumed script steps: " + steps.size());
    }

    /** All guest-exec argvs sent so far, path first. */
    List<List<String>> execArgvs() {
        List<List<String>> result = new ArrayList<>();
        for (JsonNode r : requests) {
            if ("guest-exec".equals(r.path("execute").asText())) {
                List<String> argv = new ArrayList<>();
                argv.add(r.path("arguments").path("path").asText());
                r.path("arguments").path("arg").forEach(a -> argv.add(a.asText()));
                result.add(argv);
            }
        }
        return result;
    }
}
