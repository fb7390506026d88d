package org.rapaio.jupyter.kernel.channels;

/**
 * A drop-in replacement for the class of the same name in rapaio-jupyter-kernel 3.0.1, put ahead
 * of the kernel's jar on the class path by notebooks/run.sh.
 *
 * <p>Why: 3.0.1 sets {@code running = true} only after {@code Thread.start()}. When the new thread
 * runs first (often on a busy 2-core machine) it sees {@code running == false} and ends at once; if
 * that thread is the shell channel's, the kernel never answers kernel_info_request and nbconvert
 * fails with "Kernel didn't respond". Here the flag is set before the thread starts. Same
 * constructor and methods, so the kernel's own classes link against it unchanged.
 */
public final class LoopThread extends Thread {
  private volatile boolean running;
  private final long sleep;
  private final Runnable loopBody;

  public LoopThread(String name, long sleep, Runnable loopBody) {
    super(name);
    this.sleep = sleep;
    this.loopBody = loopBody;
  }

  @Override
  public void run() {
    while (running) {
      loopBody.run();
      try {
        Thread.sleep(sleep);
      } catch (InterruptedException e) {
        running = false;
        return;
      }
    }
  }

  @Override
  public synchronized void start() {
    running = true;
    super.start();
  }

  public void shutdown() {
    running = false;
  }
}
