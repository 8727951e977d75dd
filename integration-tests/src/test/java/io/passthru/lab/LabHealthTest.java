package io.passthru.lab;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void stallsAreFoundInAConsoleAndOrdinaryKernelOutputIsNot() {
        String console = """
                [ 1201.52] watchdog: BUG: soft lockup - CPU#1 stuck for 52s! [khugepaged:45]
                [ 1201.53] Modules linked in: vfio_pci kvm_amd
                [ 1302.10] rcu: INFO: rcu_preempt self-detected stall on CPU
                [ 1302.11] rcu: INFO: rcu_preempt detected stalls on CPUs/tasks:
                [ 1400.00] INFO: task kworker/0:1:12 blocked for more than 120 seconds.
                [ 1401.00] igb 0000:01:00.0: 7 VFs allocated
                """;
        assertEquals(4, LabHealth.stalls(console).size());
        assertEquals("[ 1201.52] watchdog: BUG: soft lockup - CPU#1 stuck for 52s! [khugepaged:45]",
                LabHealth.stalls(console).get(0));
        assertEquals(List.of(), LabHealth.stalls("""
                [    5.01] pci 0000:01:10.0: [8086:10ca] type 00 class 0x020000 PCIe Endpoint
                [   20.30] virbr0: port 1(vnet0) entered forwarding state
                [   31.00] rcu: Hierarchical SRCU implementation.
                """));
    }

    @Test
    void aKernelStartingAgainOnTheConsoleIsAReset() {
        assertEquals(1, LabHealth.boots("""
                [  812.40] igb 0000:01:00.0: 7 VFs allocated
                [    0.000000] Linux version 6.12.118+deb12-amd64 (debian-kernel@lists.debian.org) (x86_64-linux-gnu-gcc-12)
                [    0.000000] Command line: console=ttyS0 intel_iommu=on iommu=pt
                """));
        assertEquals(0, LabHealth.boots("""
                [  812.40] vfio-pci 0000:01:10.0: enabling device (0000 -> 0002)
                passthru-l1: Linux version check skipped
                """));
    }

    @Test
    void aRerunLineNamesTheClassAsItTestTakesItOnOneLine() {
        assertEquals("FailoverLabIT\tlab host(s) [1] died: HostLost: closed ",
                LabHealth.rerunLine("io.passthru.lab.FailoverLabIT", "lab host(s) [1] died:\tHostLost: closed\n"));
    }

    @Test
    void theLastTripleFaultOfAResetLogIsShownWithItsRegisters() {
        List<String> log = List.of("CPU Reset (CPU 0)", "EIP=0000fff0 EFL=00000002 [-------] CPL=0", "Triple fault",
                "CPU Reset (CPU 0)", "RAX=000000005163b000 RBX=0000000068747541 RCX=00000000444d4163",
                "RSI=00000000000000bd RDI=0000000000000000 RBP=00007ffd997fb7e8 RSP=ff53605602c67c50",
                "RIP=ffffffffc0926c60 RFL=00000246 [---Z-P-] CPL=0 II=0 A20=1 SMM=0 HLT=0",
                "CR0=80050033 CR2=fffffe0000000080 CR3=000000000363c000 CR4=00751ef0",
                "CPU Reset (CPU 1)", "EIP=0000fff0 EFL=00000002 [-------] CPL=0");
        String s = LabHealth.tripleFaults(log);
        assertTrue(s.startsWith("1 triple fault(s) logged; the CPU at the last one: RAX=000000005163b000"), s);
        assertTrue(s.contains("RIP=ffffffffc0926c60") && s.contains("CR2=fffffe0000000080"), s);
        assertEquals("no triple fault logged", LabHealth.tripleFaults(List.of("CPU Reset (CPU 0)")));
    }
}
