package margins.studio;

import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one thread that uses the model (DJL generation is deterministic one image at a time), with a bounded queue:
 * a job that does not fit is refused with {@link Busy}. A job may be cancelled by its id while it waits (it never
 * runs) or while it runs (it stops at its next {@link #checkCancelled}).
 */
public final class Worker implements AutoCloseable {

  private static final ThreadLocal<AtomicBoolean> CANCELLED = new ThreadLocal<>();

  private final ThreadPoolExecutor pool;
  private final int capacity;
  private final Map<String, Running> jobs = new ConcurrentHashMap<>();
  private final AtomicInteger running = new AtomicInteger();

  private record Running(Future<?> future, AtomicBoolean cancelled) {}

  /** @param capacity jobs that may wait; more are refused */
  public Worker(int capacity) {
    this.capacity = capacity;
    this.pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(capacity), r -> {
      Thread t = new Thread(r, "margins-studio-worker");
      t.setDaemon(true);
      return t;
    });
  }

  /** Runs the work on the worker thread and waits for it; Busy when the queue is full. */
  public <T> T run(String job, Callable<T> work) {
    AtomicBoolean flag = new AtomicBoolean();
    Future<T> f;
    try {
      f = pool.submit(() -> {
        CANCELLED.set(flag);
        running.incrementAndGet();
        try {
          checkCancelled();
          return work.call();
        } finally {
          running.decrementAndGet();
          CANCELLED.remove();
        }
      });
    } catch (RejectedExecutionException e) {
      throw new Busy("the machine is busy with " + pending() + " jobs; try again in a moment");
    }
    if (job != null) {
      jobs.put(job, new Running(f, flag));
    }
    try {
      return f.get(10, TimeUnit.MINUTES);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException r) {
        throw r;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(c);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      f.cancel(false);
      throw new CancellationException("interrupted");
    } catch (TimeoutException e) {
      flag.set(true);
      throw new CancellationException("the job took more than 10 minutes");
    } finally {
      if (job != null) {
        jobs.remove(job);
      }
    }
  }

  /** Runs the work when the queue has room, without waiting; false when it had none. */
  public boolean offer(Runnable work) {
    try {
      pool.execute(work);
      return true;
    } catch (RejectedExecutionException e) {
      return false;
    }
  }

  /** Cancels a job waiting or running; false when there is no such job. */
  public boolean cancel(String job) {
    Running r = jobs.get(job);
    if (r == null) {
      return false;
    }
    r.cancelled().set(true);
    r.future().cancel(false);
    pool.remove((Runnable) r.future());
    return true;
  }

  /** Called by a job between steps: throws CancellationException once it was cancelled. */
  public static void checkCancelled() {
    AtomicBoolean f = CANCELLED.get();
    if (f != null && f.get()) {
      throw new CancellationException("cancelled");
    }
  }

  /** Jobs waiting plus the one running. */
  public int pending() {
    return pool.getQueue().size() + running.get();
  }

  public int capacity() {
    return capacity;
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
