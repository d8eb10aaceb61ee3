package margins.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The model's one thread: a bounded queue that says busy, and jobs cancelled while they wait or run. */
class WorkerTest {

  @Test
  void aFullQueueSaysBusy() throws Exception {
    try (Worker w = new Worker(1)) {
      CountDownLatch release = new CountDownLatch(1);
      ExecutorService callers = Executors.newFixedThreadPool(2);
      callers.submit(() -> w.run("a", () -> release.await(10, TimeUnit.SECONDS)));
      waitFor(() -> w.pending() == 1);
      callers.submit(() -> w.run("b", () -> 1));
      waitFor(() -> w.pending() == 2);
      Busy b = assertThrows(Busy.class, () -> w.run("c", () -> 1));
      assertTrue(b.getMessage().contains("busy with 2 jobs"), b.getMessage());
      release.countDown();
      callers.shutdown();
    }
  }

  @Test
  void aCancelledWaitingJobNeverRuns() throws Exception {
    try (Worker w = new Worker(4)) {
      CountDownLatch release = new CountDownLatch(1);
      AtomicBoolean ran = new AtomicBoolean();
      ExecutorService callers = Executors.newFixedThreadPool(2);
      callers.submit(() -> w.run("first", () -> release.await(10, TimeUnit.SECONDS)));
      waitFor(() -> w.pending() == 1);
      Future<?> second = callers.submit(() -> w.run("second", () -> ran.getAndSet(true)));
      waitFor(() -> w.pending() == 2);
      assertTrue(w.cancel("second"));
      release.countDown();
      Exception e = assertThrows(Exception.class, () -> second.get(10, TimeUnit.SECONDS));
      assertTrue(e.getCause() instanceof CancellationException, String.valueOf(e.getCause()));
      Thread.sleep(100);
      assertFalse(ran.get(), "the cancelled job did not run");
      callers.shutdown();
    }
  }

  @Test
  void aRunningJobStopsAtItsNextStep() throws Exception {
    try (Worker w = new Worker(4)) {
      AtomicInteger steps = new AtomicInteger();
      ExecutorService caller = Executors.newSingleThreadExecutor();
      Future<Integer> job = caller.submit(() -> w.run("long", () -> {
        for (int i = 0; i < 1000; i++) {
          Worker.checkCancelled();
          steps.incrementAndGet();
          Thread.sleep(5);
        }
        return steps.get();
      }));
      waitFor(() -> steps.get() > 3);
      assertTrue(w.cancel("long"));
      Exception e = assertThrows(Exception.class, () -> job.get(10, TimeUnit.SECONDS));
      assertTrue(e.getCause() instanceof CancellationException, String.valueOf(e.getCause()));
      assertTrue(steps.get() < 1000);
      assertFalse(w.cancel("long"), "a finished job cannot be cancelled");
      caller.shutdown();
    }
  }

  static void waitFor(java.util.function.BooleanSupplier c) throws InterruptedException {
    for (int i = 0; i < 500 && !c.getAsBoolean(); i++) {
      Thread.sleep(10);
    }
    assertTrue(c.getAsBoolean(), "condition not reached");
  }

  @Test
  void pendingCountsTheRunningJob() throws Exception {
    try (Worker w = new Worker(2)) {
      assertEquals(0, w.pending());
      assertEquals(2, w.capacity());
    }
  }
}
