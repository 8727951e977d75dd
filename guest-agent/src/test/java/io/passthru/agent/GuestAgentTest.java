package io.passthru.agent;

import io.passthru.PassthruException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GuestAgentTest {
    private final ScriptedAgentChannel channel = new ScriptedAgentChannel();
    private final GuestAgent agent = new GuestAgent(channel);

    @Test
    void pingSendsGuestPingWithDefaultTimeout() {
        channel.expect("guest-ping", "{\"return\":{}}");
        agent.ping();
        assertEquals(Duration.ofSeconds(10), channel.timeouts.get(0));
        assertFalse(channel.requests.get(0).has("arguments"), "guest-ping has no arguments");
        channel.assertDone();
    }

    /** An agent not connected yet (a guest resumed after a migration) is asked again until it answers. */
    @Test
    void awaitAnswerAsksAgainUntilTheAgentAnswers() {
        channel.expectThrow("guest-ping", new AgentException("QEMU guest agent is not connected"))
                .expectThrow("guest-ping", new AgentException("QEMU guest agent is not connected"))
                .expect("guest-ping", "{\"return\":{}}");
        agent.awaitAnswer(Duration.ofSeconds(5));
        channel.assertDone();
    }

    /** An agent that answers with an error is not asked again; one that never answers fails at the patience. */
    @Test
    void awaitAnswerStopsAtAnAgentErrorOrAtItsPatience() {
        channel.expectThrow("guest-ping", new AgentCommandException("guest-ping", "GenericError", "no"));
        assertThrows(AgentCommandException.class, () -> agent.awaitAnswer(Duration.ofSeconds(5)));
        channel.assertDone();
        GuestAgent silent = new GuestAgent((request, timeout) -> {
            throw new AgentException("QEMU guest agent is not connected");
        });
        long t0 = System.nanoTime();
        assertThrows(AgentException.class, () -> silent.awaitAnswer(Duration.ofMillis(600)));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms >= 600 && ms < 5_000, ms + " ms");
    }

    @Test
    void customDefaultTimeoutIsPassedToTheChannel() {
        channel.expect("guest-ping", "{\"return\":{}}");
        new GuestAgent(channel, Duration.ofMillis(1500)).ping();
        assertEquals(Duration.ofMillis(1500), channel.timeouts.get(0));
        assertThrows(IllegalArgumentException.class, () -> new GuestAgent(channel, Duration.ZERO));
    }

    @Test
    void infoParsesVersionAndSupportedCommands() {
        channel.expect("guest-info", """
                {"return": {"version": "7.2.0", "supported_commands": [
                  {"enabled": true, "name": "guest-ping", "success-response": true},
                  {"enabled": true, "name": "guest-exec", "success-response": true},
                  {"enabled": false, "name": "guest-file-open", "success-response": true},
                  {"enabled": true, "name": "guest-shutdown", "success-response": false}]}}
                """);
        GuestInfo info = agent.info();
        assertEquals("7.2.0", info.version());
        assertEquals(4, info.supportedCommands().size());
        assertEquals(new GuestCommandInfo("guest-shutdown", true, false), info.supportedCommands().get(3));
        assertTrue(info.supports("guest-exec"));
        assertFalse(info.supports("guest-file-open"), "disabled command");
        assertFalse(info.supports("guest-get-devices"), "unknown command");
    }

    @Test
    void refusedNamesTheDisabledAndTheUnknownCommandsInOrder() {
        // what qemu-ga 7.2 answers when started with --block-rpcs=guest-exec,guest-exec-status
        channel.expect("guest-info", """
                {"return": {"version": "7.2.22", "supported_commands": [
                  {"enabled": true, "name": "guest-ping", "success-response": true},
                  {"enabled": false, "name": "guest-exec", "success-response": true},
                  {"enabled": false, "name": "guest-exec-status", "success-response": true}]}}
                """);
        GuestInfo info = agent.info();
        assertEquals(GuestNetwork.REQUIRED_COMMANDS, info.refused(GuestNetwork.REQUIRED_COMMANDS));
        assertEquals(java.util.List.of("guest-get-devices", "guest-exec"),
                info.refused(java.util.List.of("guest-ping", "guest-get-devices", "guest-exec")));
        assertEquals(java.util.List.of(), info.refused(java.util.List.of("guest-ping")));
    }

    @Test
    void networkInterfacesParsesMacsAndAddresses() {
        channel.expect("guest-network-get-interfaces", """
                {"return": [
                  {"name": "lo", "hardware-address": "00:00:00:00:00:00",
                   "ip-addresses": [{"ip-address-type": "ipv4", "ip-address": "127.0.0.1", "prefix": 8},
                                    {"ip-address-type": "ipv6", "ip-address": "::1", "prefix": 128}],
                   "statistics": {"rx-bytes": 1248, "rx-dropped": 0, "rx-errs": 0, "rx-packets": 16,
                                  "tx-bytes": 1248, "tx-dropped": 0, "tx-errs": 0, "tx-packets": 16}},
                  {"name": "eth0", "hardware-address": "52:54:00:12:34:56",
                   "statistics": {"rx-bytes": 0, "rx-dropped": 0, "rx-errs": 0, "rx-packets": 0,
                                  "tx-bytes": 0, "tx-dropped": 0, "tx-errs": 0, "tx-packets": 0}},
                  {"name": "bond0", "hardware-address": "52:54:00:AB:CD:01",
                   "ip-addresses": [{"ip-address-type": "ipv4", "ip-address": "192.168.122.50", "prefix": 24},
                                    {"ip-address-type": "ipv6", "ip-address": "fe80::5054:ff:feab:cd01", "prefix": 64}]},
                  {"name": "dummy-nomac"}
                ]}
                """);
        List<GuestNetworkInterface> ifs = agent.networkInterfaces();
        assertEquals(4, ifs.size());
        assertEquals("lo", ifs.get(0).name());
        assertEquals(new GuestIpAddress("ipv4", "127.0.0.1", 8), ifs.get(0).ipAddresses().get(0));
        assertEquals(List.of(), ifs.get(1).ipAddresses(), "eth0 has no ip-addresses member");
        assertEquals("52:54:00:ab:cd:01", ifs.get(2).hardwareAddress(), "lower-cased");
        assertEquals(new GuestIpAddress("ipv6", "fe80::5054:ff:feab:cd01", 64), ifs.get(2).ipAddresses().get(1));
        assertNull(ifs.get(3).hardwareAddress());
    }

    @Test
    void errorReplyBecomesAgentCommandException() {
        channel.expect("guest-info",
                "{\"error\": {\"class\": \"CommandNotFound\", \"desc\": \"The command guest-info has not been found\"}}");
        AgentCommandException e = assertThrows(AgentCommandException.class, agent::info);
        assertEquals("guest-info", e.command());
        assertEquals("CommandNotFound", e.errorClass());
        assertEquals("The command guest-info has not been found", e.description());
        assertTrue(e.getMessage().contains("guest-info"), e.getMessage());
        assertTrue(e.getMessage().contains("CommandNotFound"), e.getMessage());
        assertEquals(PassthruException.NO_LIBVIRT_ERROR, e.libvirtErrorCode());
    }

    @Test
    void malformedRepliesAreAgentExceptions() {
        channel.expect("guest-ping", "not json")
                .expect("guest-ping", "{\"unexpected\": 1}")
                .expect("guest-info", "{\"return\": [1, 2]}");
        AgentException e1 = assertThrows(AgentException.class, agent::ping);
        assertTrue(e1.getMessage().contains("malformed"), e1.getMessage());
        AgentException e2 = assertThrows(AgentException.class, agent::ping);
        assertTrue(e2.getMessage().contains("neither 'return' nor 'error'"), e2.getMessage());
        AgentException e3 = assertThrows(AgentException.class, agent::info);
        assertTrue(e3.getMessage().contains("guest-info"), e3.getMessage());
    }

    @Test
    void channelExceptionsPropagateUnchanged() {
        AgentUnavailableException down = new AgentUnavailableException("Guest agent is not responding", null, 86);
        channel.expectThrow("guest-ping", down);
        AgentUnavailableException e = assertThrows(AgentUnavailableException.class, agent::ping);
        assertSame(down, e);
        assertEquals(86, e.libvirtErrorCode());
    }

    @Test
    void execSendsPathArgAndCaptureOutput() {
        channel.expect("guest-exec", args -> {
            assertEquals("/sbin/ip", args.get("path").asText());
            assertEquals("[\"link\",\"set\",\"dev\",\"eth1\",\"up\"]", args.get("arg").toString());
            assertFalse(args.get("capture-output").asBoolean());
        }, "{\"return\": {\"pid\": 4242}}");
        assertEquals(4242, agent.exec(List.of("/sbin/ip", "link", "set", "dev", "eth1", "up"), false));
    }

    @Test
    void execPassesShellMetacharactersAsOneArgument() {
        channel.expect("guest-exec", args -> {
            assertEquals("/bin/echo", args.get("path").asText());
            assertEquals(1, args.get("arg").size());
            assertEquals("a; rm -rf / $(id)", args.get("arg").get(0).asText());
        }, "{\"return\": {\"pid\": 7}}");
        assertEquals(7, agent.exec(List.of("/bin/echo", "a; rm -rf / $(id)"), true));
    }

    @Test
    void execRejectsInvalidArgvWithoutSending() {
        assertThrows(InvalidGuestInputException.class, () -> agent.exec(List.of(), true));
        assertThrows(InvalidGuestInputException.class, () -> agent.exec(List.of(""), true));
        assertThrows(InvalidGuestInputException.class, () -> agent.exec(List.of("/bin/echo", "a\0b"), true));
        assertThrows(InvalidGuestInputException.class, () -> agent.exec(null, true));
        assertTrue(channel.requests.isEmpty());
    }

    @Test
    void execStatusDecodesBase64Output() {
        channel.expect("guest-exec-status", args -> assertEquals(4242, args.get("pid").asLong()),
                "{\"return\": {\"exitcode\": 0, \"out-data\": \"" + ScriptedAgentChannel.b64("hello\nwörld\n")
                        + "\", \"err-data\": \"\", \"exited\": true, \"out-truncated\": true}}");
        GuestExecStatus s = agent.execStatus(4242);
        assertTrue(s.exited());
        assertEquals(0, s.exitCode());
        assertNull(s.signal());
        assertEquals("hello\nwörld\n", s.stdout());
        assertEquals("", s.stderr());
        assertTrue(s.outTruncated());
        assertFalse(s.errTruncated());
        assertTrue(s.succeeded());
    }

    @Test
    void execStatusOfRunningProcess() {
        channel.expect("guest-exec-status", "{\"return\": {\"exited\": false}}");
        GuestExecStatus s = agent.execStatus(1);
        assertFalse(s.exited());
        assertNull(s.exitCode());
        assertFalse(s.succeeded());
    }

    @Test
    void runPollsUntilExitedAndReturnsOutput() {
        List<String> argv = List.of("/bin/cat", "/proc/net/bonding/bond0");
        long pid = channel.expectExec(argv);
        channel.expectStatus(pid, "{\"exited\": false}")
                .expectStatus(pid, "{\"exited\": false}")
                .expectStatus(pid, ScriptedAgentChannel.exited(0, "Bonding Mode: fault-tolerance (active-backup)\n", ""));
        long start = System.nanoTime();
        GuestExecStatus s = agent.run(argv, Duration.ofSeconds(5));
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals("Bonding Mode: fault-tolerance (active-backup)\n", s.stdout());
        assertTrue(elapsedMs >= 60, "polled at 20 then 40 ms, took " + elapsedMs + " ms");
        channel.assertDone();
        assertEquals(4, channel.requests.size());
    }

    @Test
    void runNonZeroExitThrowsGuestCommandFailed() {
        List<String> argv = List.of("/sbin/ip", "link", "set", "dev", "eth9", "up");
        long pid = channel.expectExec(argv);
        channel.expectStatus(pid, "{\"exited\": false}")
                .expectStatus(pid, ScriptedAgentChannel.exited(1, "", "Cannot find device \"eth9\"\n"));
        GuestCommandFailedException e = assertThrows(GuestCommandFailedException.class,
                () -> agent.run(argv, Duration.ofSeconds(5)));
        assertEquals(argv, e.argv());
        assertEquals(1, e.exitCode());
        assertEquals(0, e.signal());
        assertEquals("Cannot find device \"eth9\"\n", e.stderr());
        assertEquals("", e.stdout());
        assertTrue(e.getMessage().contains("[/sbin/ip, link, set, dev, eth9, up]"), e.getMessage());
        assertTrue(e.getMessage().contains("status 1"), e.getMessage());
        assertTrue(e.getMessage().contains("Cannot find device"), e.getMessage());
    }

    @Test
    void runKilledBySignalThrowsGuestCommandFailed() {
        List<String> argv = List.of("/bin/sleep", "100");
        long pid = channel.expectExec(argv);
        channel.expectStatus(pid, "{\"exited\": true, \"signal\": 9}");
        GuestCommandFailedException e = assertThrows(GuestCommandFailedException.class,
                () -> agent.run(argv, Duration.ofSeconds(5)));
        assertEquals(-1, e.exitCode());
        assertEquals(9, e.signal());
        assertTrue(e.getMessage().contains("signal 9"), e.getMessage());
    }

    @Test
    void runTimesOutWithArgvAndPidInMessage() {
        List<String> argv = List.of("/bin/sleep", "3600");
        long pid = channel.expectExec(argv);
        channel.expectForever("guest-exec-status", "{\"return\": {\"exited\": false}}");
        long start = System.nanoTime();
        AgentTimeoutException e = assertThrows(AgentTimeoutException.class,
                () -> agent.run(argv, Duration.ofMillis(300)));
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertTrue(elapsedMs >= 300 && elapsedMs < 2000, "took " + elapsedMs + " ms");
        assertTrue(e.getMessage().contains("[/bin/sleep, 3600]"), e.getMessage());
        assertTrue(e.getMessage().contains("pid " + pid), e.getMessage());
        // 20, 40, 80, 160 ms, then capped: only a handful of polls, not a busy loop
        long polls = channel.requests.stream().filter(r -> r.path("execute").asText().equals("guest-exec-status")).count();
        assertTrue(polls >= 4 && polls <= 8, "polls: " + polls);
        // per-command timeouts never exceed the default timeout
        assertTrue(channel.timeouts.stream().allMatch(t -> t.compareTo(Duration.ofSeconds(10)) <= 0));
    }

    @Test
    void runWrapsChannelTimeoutWithArgvAndPid() {
        List<String> argv = List.of("/sbin/ip", "-j", "link", "show");
        long pid = channel.expectExec(argv);
        channel.expectThrow("guest-exec-status", new AgentTimeoutException("no reply"));
        AgentTimeoutException e = assertThrows(AgentTimeoutException.class,
                () -> agent.run(argv, Duration.ofSeconds(5)));
        assertTrue(e.getMessage().contains(argv.toString()) && e.getMessage().contains("pid " + pid), e.getMessage());
        assertTrue(e.getCause() instanceof AgentTimeoutException);
    }

    @Test
    void runExecErrorIsAgentCommandException() {
        channel.expect("guest-exec", "{\"error\": {\"class\": \"GenericError\", \"desc\": "
                + "\"Guest agent command failed, error was 'Failed to execute child process “/sbin/ip” (No such file or directory)'\"}}");
        AgentCommandException e = assertThrows(AgentCommandException.class,
                () -> agent.run(List.of("/sbin/ip", "link"), Duration.ofSeconds(1)));
        assertEquals("guest-exec", e.command());
        assertTrue(e.description().contains("No such file"));
    }
}
