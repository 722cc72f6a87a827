import Testing

extension Trait where Self == TimeLimitTrait {
    /// The limit of a test that proves hostile input returns: a guard against a hang, never a speed test.
    /// It is wide because a test's clock runs while it waits for a worker thread, and on a 2-core machine the
    /// serialized process and terminal suites can hold both for minutes.
    static var hangGuard: Self { .timeLimit(.minutes(10)) }
}
