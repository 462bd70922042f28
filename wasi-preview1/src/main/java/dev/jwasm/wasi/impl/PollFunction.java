package dev.jwasm.wasi.impl;

import dev.jwasm.wasi.abi.Errno;
import dev.jwasm.wasi.abi.Flags;
import dev.jwasm.wasi.abi.GuestMemory;
import dev.jwasm.wasi.abi.Layout;
import dev.jwasm.wasi.abi.SubscriptionLayout;
import dev.jwasm.wasi.abi.WasiErrnoException;
import dev.jwasm.wasi.fs.Descriptor;
import dev.jwasm.wasi.fs.InputStreamDescriptor;
import dev.jwasm.wasi.net.ListenerDescriptor;
import dev.jwasm.wasi.net.SocketDescriptor;
import java.io.IOException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code poll_oneoff}: waits until a subscribed descriptor is ready or the earliest clock subscription
 * expires, then reports every event that happened. Regular files are always ready; stdin is ready when
 * input is {@linkplain java.io.InputStream#available() available}; sockets are asked through a
 * {@link Selector}. A wait with only clock subscriptions goes through {@link dev.jwasm.wasi.WasiClock#sleep}
 * so a fake clock makes it instantaneous.
 */
public final class PollFunction implements FunctionRegistry.Group {
    /** More subscriptions than this are EINVAL: each one costs host memory. */
    static final int MAX_SUBSCRIPTIONS = 1 << 16;
    /** How often stdin is re-checked while also waiting for other things. */
    private static final long STDIN_POLL_NANOS = 10_000_000L;
    private static final int POLL_ONEOFF = 0;

    private final WasiContext ctx;
    private final SubscriptionLayout layout;

    private PollFunction(WasiContext ctx, SubscriptionLayout layout) {
        this.ctx = ctx;
        this.layout = layout;
    }

    /** One decoded subscription and, once it fires, its event. */
    private static final class Sub {
        long userdata;
        int type;
        int fd;
        long deadline = Long.MAX_VALUE;
        int error;
        Descriptor descriptor;
        boolean fired;
        long nbytes;
        int eventFlags;
    }

    public static void register(FunctionRegistry r, WasiContext ctx) {
        register(r, ctx, SubscriptionLayout.PREVIEW1);
    }

    /** Registers poll_oneoff reading subscriptions laid out as {@code layout}. */
    public static void register(FunctionRegistry r, WasiContext ctx, SubscriptionLayout layout) {
        r.add("poll_oneoff", "iiii", new PollFunction(ctx, layout), POLL_ONEOFF);
    }

    private static List<Sub> decode(WasiContext ctx, GuestMemory m, long in, int n, SubscriptionLayout layout) {
        long now = ctx.clock().monotonicNanos();
        List<Sub> subs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long at = in + (long) i * layout.size();
            Sub s = new Sub();
            s.userdata = m.readI64(at + Layout.SUB_USERDATA);
            s.type = m.readU8(at + Layout.SUB_TAG);
            if (s.type == Flags.EVENT_CLOCK) {
                decodeClock(ctx, m, at, s, now, layout);
            } else if (s.type == Flags.EVENT_FD_READ || s.type == Flags.EVENT_FD_WRITE) {
                s.fd = m.readI32(at + layout.fd());
                decodeFd(ctx, s);
            } else {
                throw new WasiErrnoException(Errno.INVAL);
            }
            subs.add(s);
        }
        return subs;
    }

    private static void decodeClock(WasiContext ctx, GuestMemory m, long at, Sub s, long now,
            SubscriptionLayout layout) {
        int id = m.readI32(at + layout.clockId());
        long timeout = m.readI64(at + layout.clockTimeout());
        boolean absolute = (m.readU16(at + layout.clockFlags()) & Flags.SUBSCRIPTION_CLOCK_ABSTIME) != 0;
        long relative;
        try {
            long clockNow = ClockFunctions.now(ctx.clock(), id); // also rejects an unknown clock id
            relative = absolute ? timeout - clockNow : timeout;
        } catch (WasiErrnoException e) {
            fail(s, e.errno());
            return;
        }
        // Timeouts are u64: a huge one (or one that overflows) means "practically never".
        s.deadline = relative < 0 && !absolute ? Long.MAX_VALUE : saturatingAdd(now, Math.max(0, relative));
    }

    private static void decodeFd(WasiContext ctx, Sub s) {
        try {
            s.descriptor = ctx.fds().get(s.fd);
        } catch (WasiErrnoException e) {
            fail(s, e.errno());
        }
    }

    private static void fail(Sub s, int errno) {
        s.error = errno;
        s.fired = true;
    }

    private static long saturatingAdd(long a, long b) {
        long r = a + b;
        return r < a ? Long.MAX_VALUE : r;
    }

    private static void poll(WasiContext ctx, List<Sub> subs) throws IOException {
        long deadline = Long.MAX_VALUE;
        boolean anyFd = false;
        for (Sub s : subs) {
            deadline = Math.min(deadline, s.deadline);
            anyFd |= s.descriptor != null;
        }
        try (Selector selector = anyFd ? Selector.open() : null) {
            while (true) {
                if (checkDescriptors(subs, selector) || anyFired(subs)) {
                    return;
                }
                long now = ctx.clock().monotonicNanos();
                if (now >= deadline) {
                    for (Sub s : subs) {
                        s.fired |= s.type == Flags.EVENT_CLOCK && s.deadline <= now;
                    }
                    return;
                }
                waitFor(ctx, subs, selector, deadline - now, deadline == Long.MAX_VALUE);
            }
        }
    }

    private static boolean anyFired(List<Sub> subs) {
        for (Sub s : subs) {
            if (s.fired) {
                return true;
            }
        }
        return false;
    }

    /** Marks ready fd subscriptions as fired; returns whether any did. */
    private static boolean checkDescriptors(List<Sub> subs, Selector selector) throws IOException {
        boolean any = false;
        if (selector != null) {
            register(subs, selector);
            // Keys selected in an earlier round would otherwise still look ready.
            selector.selectedKeys().clear();
            selector.selectNow();
        }
        for (Sub s : subs) {
            if (s.descriptor == null || s.fired) {
                continue;
            }
            if (s.type == Flags.EVENT_FD_READ) {
                readiness(s, selector);
            } else if (s.descriptor.readyToWrite() || selectedFor(s, selector, SelectionKey.OP_WRITE)) {
                s.fired = true;
            }
            any |= s.fired;
        }
        return any;
    }

    private static void readiness(Sub s, Selector selector) throws IOException {
        Descriptor d = s.descriptor;
        long ready = d.readyToRead();
        if (ready >= 0) {
            s.fired = true;
            s.nbytes = ready;
            s.eventFlags = d instanceof SocketDescriptor sd && sd.atEof() ? Flags.EVENT_FD_READWRITE_HANGUP : 0;
        } else if (d instanceof ListenerDescriptor && selectedFor(s, selector, SelectionKey.OP_ACCEPT)) {
            s.fired = true;
            s.nbytes = 1;
        } else if (d instanceof SocketDescriptor sd && selectedFor(s, selector, SelectionKey.OP_READ)) {
            s.fired = true;
            s.nbytes = sd.probe();
            s.eventFlags = sd.atEof() ? Flags.EVENT_FD_READWRITE_HANGUP : 0;
        }
    }

    private static void register(List<Sub> subs, Selector selector) throws IOException {
        for (Sub s : subs) {
            SelectableChannel ch = s.descriptor == null ? null : s.descriptor.selectableChannel();
            if (ch == null || !ch.isOpen()) {
                continue;
            }
            int op = s.type == Flags.EVENT_FD_WRITE ? SelectionKey.OP_WRITE
                    : s.descriptor instanceof ListenerDescriptor ? SelectionKey.OP_ACCEPT : SelectionKey.OP_READ;
            SelectionKey key = ch.keyFor(selector);
            if (key == null) {
                ch.register(selector, op);
            } else {
                key.interestOps(key.interestOps() | op);
            }
        }
    }

    @Override
    public int call(int id, Call c) throws IOException {
        return switch (id) {
            case POLL_ONEOFF -> pollOneoff(c);
            default -> throw new IllegalArgumentException("no function " + id);
        };
    }

    private int pollOneoff(Call c) throws IOException {
        long in = c.u32(0);
        long out = c.u32(1);
        long n = c.u32(2);
        long outCount = c.u32(3);
        if (n == 0 || n > MAX_SUBSCRIPTIONS) {
            return Errno.INVAL;
        }
        GuestMemory m = c.memory();
        m.check(in, n * layout.size());
        m.check(out, n * Layout.EVENT_SIZE);
        m.check(outCount, 4);
        List<Sub> subs = decode(ctx, m, in, (int) n, layout);
        poll(ctx, subs);
        int written = 0;
        for (Sub s : subs) {
            if (s.fired) {
                writeEvent(m, out + (long) written * Layout.EVENT_SIZE, s);
                written++;
            }
        }
        m.writeI32(outCount, written);
        return 0;
    }

    private static boolean selectedFor(Sub s, Selector selector, int op) {
        SelectableChannel ch = s.descriptor.selectableChannel();
        if (selector == null || ch == null) {
            return false;
        }
        SelectionKey key = ch.keyFor(selector);
        return key != null && key.isValid() && selector.selectedKeys().contains(key) && (key.readyOps() & op) != 0;
    }

    private static void waitFor(WasiContext ctx, List<Sub> subs, Selector selector, long remaining, boolean forever)
            throws IOException {
        boolean sockets = selector != null && !selector.keys().isEmpty();
        InputStreamDescriptor stdin = null;
        for (Sub s : subs) {
            if (s.descriptor instanceof InputStreamDescriptor in && s.type == Flags.EVENT_FD_READ) {
                stdin = in;
            }
        }
        try {
            if (stdin != null && !sockets) {
                stdin.awaitInput(forever ? -1 : remaining);
            } else if (sockets) {
                selector.selectedKeys().clear();
                long nanos = stdin != null ? Math.min(remaining, STDIN_POLL_NANOS) : remaining;
                long millis = Math.max(1, nanos / 1_000_000L);
                selector.select(forever && stdin == null ? 0 : millis);
            } else {
                ctx.clock().sleep(remaining);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WasiErrnoException(Errno.INTR);
        }
    }

    private static void writeEvent(GuestMemory m, long at, Sub s) {
        m.fill(at, Layout.EVENT_SIZE, (byte) 0);
        m.writeI64(at + Layout.EVENT_USERDATA, s.userdata);
        m.writeU16(at + Layout.EVENT_ERROR, s.error);
        m.writeU8(at + Layout.EVENT_TYPE, s.type);
        if (s.type != Flags.EVENT_CLOCK) {
            m.writeI64(at + Layout.EVENT_NBYTES, s.nbytes);
            m.writeU16(at + Layout.EVENT_FLAGS, s.eventFlags);
        }
    }
}
