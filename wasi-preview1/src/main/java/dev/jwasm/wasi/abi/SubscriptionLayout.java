package dev.jwasm.wasi.abi;

/**
 * Where the fields of a {@code subscription} live. wasi_unstable (snapshot 0) has an extra
 * {@code identifier} in the clock variant, shifting the clock fields by 8 and the record to 56 bytes.
 */
public record SubscriptionLayout(int size, int clockId, int clockTimeout, int clockFlags, int fd) {
    public static final SubscriptionLayout PREVIEW1 = new SubscriptionLayout(Layout.SUBSCRIPTION_SIZE,
            Layout.SUB_CLOCK_ID, Layout.SUB_CLOCK_TIMEOUT, Layout.SUB_CLOCK_FLAGS, Layout.SUB_FD);
    public static final SubscriptionLayout UNSTABLE = new SubscriptionLayout(56, 24, 32, 48, 16);
}
