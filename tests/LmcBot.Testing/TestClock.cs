using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace LmcBot.Testing;

/// <summary>
/// The test hosts' clock: a <see cref="FakeTimeProvider"/> at a fixed instant, so a run does not depend on when it
/// happens, that also notes how long each timer set on it waits. A test can then wait until the adapter has set the
/// timer it means (the deferral, a retry's delay) and advance the clock by exactly that much, instead of guessing
/// when the adapter got there.
/// </summary>
public sealed class TestClock() : FakeTimeProvider(StartsAt)
{
    /// <summary>Where every test clock starts.</summary>
    public static readonly DateTimeOffset StartsAt = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly ConcurrentQueue<TimeSpan> _dueTimes = new();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _dueTimes.Enqueue(dueTime);
        return timer;
    }

    /// <summary>How many timers of <paramref name="dueTime"/> have been set so far.</summary>
    public int TimersSet(TimeSpan dueTime) => _dueTimes.Count(d => d == dueTime);

    /// <summary>Waits (in real time, 10 s at most) until <paramref name="count"/> timers of <paramref name="dueTime"/> have been set.</summary>
    public Task WaitForTimerAsync(TimeSpan dueTime, int count = 1) =>
        Eventually.TrueAsync(() => TimersSet(dueTime) >= count, $"a timer of {dueTime} (the {count}. one)");

    /// <summary>
    /// Moves the clock on in steps of <paramref name="step"/> (default 50 ms) until <paramref name="done"/> holds, for
    /// waits whose length the test does not know exactly (a backoff with jitter). Bounded by 30 s of real time.
    /// </summary>
    public async Task AdvanceUntilAsync(Func<bool> done, string what, TimeSpan? step = null)
    {
        var bound = Stopwatch.StartNew();
        while (!done())
        {
            if (bound.Elapsed > TimeSpan.FromSeconds(30))
                throw new TimeoutException("Timed out advancing the clock until " + what);
            Advance(step ?? TimeSpan.FromMilliseconds(50));
            await Task.Delay(10);
        }
    }
}
