package io.passthru.manager;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SagaTest {
    @Test
    void compensationsRunNewestFirstAndOnlyForCompletedSteps() {
        List<String> log = new ArrayList<>();
        Saga saga = new Saga();
        saga.run("unenslave", () -> log.add("do unenslave"), () -> log.add("undo unenslave"));
        saga.run("unplug", () -> log.add("do unplug"), () -> log.add("undo unplug"));
        RuntimeException boom = new IllegalStateException("migration refused");
        RuntimeException thrown = assertThrows(IllegalStateException.class,
                () -> saga.run("migrate", () -> { throw boom; }, () -> log.add("undo migrate")));
        assertSame(boom, thrown);
        assertTrue(saga.compensate(thrown));
        assertEquals(List.of("do unenslave", "do unplug", "undo unplug", "undo unenslave"), log);
        List<String> names = saga.timeline().stream().map(Saga.Step::name).toList();
        assertEquals(List.of("unenslave", "unplug", "migrate", "undo unplug", "undo unenslave"), names);
        assertTrue(saga.timeline().get(2).outcome().startsWith("failed: migration refused"));
    }

    @Test
    void undoFailuresAreSuppressedAndReported() {
        Saga saga = new Saga();
        saga.run("a", () -> { }, () -> { throw new IllegalStateException("re-plug failed"); });
        saga.run("b", () -> { }, () -> { });
        RuntimeException cause = new RuntimeException("step c failed");
        assertFalse(saga.compensate(cause));
        assertEquals(1, cause.getSuppressed().length);
        assertEquals("re-plug failed", cause.getSuppressed()[0].getMessage());
    }

    @Test
    void commitDropsCompensations() {
        List<String> log = new ArrayList<>();
        Saga saga = new Saga();
        saga.run("migrate", () -> { }, () -> log.add("undo"));
        saga.commit();
        assertTrue(saga.compensate(new RuntimeException("later step")));
        assertTrue(log.isEmpty(), "after the point of no return nothing is undone");
    }

    @Test
    void stepsAreTimedInMs() {
        Saga saga = new Saga();
        saga.run("sleep", () -> {
            try {
                Thread.sleep(30);
            } catch (InterruptedException e) {
                throw new RuntimeException(e);
            }
        }, null);
        assertTrue(saga.timeline().get(0).durationMs() >= 30);
    }

    @Test
    void stepsCarryTheirStatusTypedAndSerializeAsBefore() throws Exception {
        Saga saga = new Saga();
        saga.run("plug", () -> { }, () -> {
            throw new IllegalStateException("gone");
        });
        RuntimeException cause = new RuntimeException("later step failed");
        assertThrows(IllegalStateException.class, () -> saga.run("enslave", () -> {
            throw new IllegalStateException("no agent");
        }, null));
        assertFalse(saga.compensate(cause));
        List<Saga.Step> t = saga.timeline();
        assertTrue(t.get(0).succeeded() && !t.get(0).undo());
        assertEquals(Saga.Status.FAILED, t.get(1).status());
        assertEquals("failed: no agent", t.get(1).outcome());
        assertTrue(t.get(2).undo() && !t.get(2).succeeded());
        assertEquals("undo plug", t.get(2).name());
        com.fasterxml.jackson.databind.JsonNode j = new com.fasterxml.jackson.databind.ObjectMapper()
                .valueToTree(t.get(1));
        List<String> fields = new ArrayList<>();
        j.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("name", "startMs", "durationMs", "outcome"), fields, "the JSON shape is unchanged");
    }
}
