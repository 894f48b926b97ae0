package dev.atoll.server;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Counts requests under way so that shutdown can refuse new ones and wait for those already
 * accepted: a write the server started is finished and committed before the store closes.
 */
final class InFlightRequests {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private int running;
    private boolean draining;

    /** Admits a request, or returns false once shutdown has begun. */
    boolean enter() {
        lock.lock();
        try {
            if (draining) {
                return false;
            }
            running++;
            return true;
        } finally {
            lock.unlock();
        }
    }

    void exit() {
        lock.lock();
        try {
            running--;
            if (running <= 0) {
                idle.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Stops admitting requests and waits until the running ones are done; false if the timeout passed first. */
    boolean drain(Duration timeout) throws InterruptedException {
        lock.lock();
        try {
            draining = true;
            long nanos = timeout.toNanos();
            while (running > 0) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = idle.awaitNanos(nanos);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}
