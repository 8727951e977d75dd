package io.passthru.lab;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Which {@code @BeforeAll} method LabHealth runs again after a host died under it (no lab needed). */
class LabHealthTest {
    static class OneSetup {
        @BeforeAll
        void boot() {
            throw new IllegalStateException("host died");
        }
    }

    static class TwoSetups {
        @BeforeAll
        void first() {
        }

        @BeforeAll
        void second() {
            throw new IllegalStateException("host died");
        }
    }

    private static Throwable thrownBy(Object instance, String method) throws Exception {
        Method m = instance.getClass().getDeclaredMethod(method);
        m.setAccessible(true);
        try {
            m.invoke(instance);
            throw new AssertionError(method + " did not throw");
        } catch (java.lang.reflect.InvocationTargetException e) {
            return e.getCause();
        }
    }

    @Test
    void theOnlySetupMethodIsChosenEvenWithoutItOnTheStack() {
        Method m = LabHealth.failedBeforeAll(OneSetup.class, new AssertionError("no frames"));
        assertEquals("boot", m.getName());
    }

    @Test
    void withTwoSetupMethodsTheOneOnTheStackIsChosen() throws Exception {
        Throwable t = thrownBy(new TwoSetups(), "second");
        assertEquals("second", LabHealth.failedBeforeAll(TwoSetups.class, t).getName());
    }

    @Test
    void withTwoSetupMethodsAndNoneOnTheStackNothingIsRunAgain() {
        AssertionError noFrames = new AssertionError("x");
        noFrames.setStackTrace(new StackTraceElement[0]);
        assertNull(LabHealth.failedBeforeAll(TwoSetups.class, noFrames));
    }
}
