using System.Diagnostics;
using LmcBot.Core.Chat;

namespace LmcBot.Teams.Load;

/// <summary>
/// The core bot with a stopwatch around each answer, to tell its share of a turn from the
/// adapter's; or, while <see cref="Fixed"/> is set, that one answer at no cost, to measure the
/// adapter alone.
/// </summary>
internal sealed class TimedChatBot(IChatBot inner) : IChatBot
{
    /// <summary>When set, returned for every request without asking the core.</summary>
    public Answer? Fixed { get; set; }

    private long _calls;
    private long _ticks;

    private long _refused;

    public long Calls => Interlocked.Read(ref _calls);

    /// <summary>Answers that were errors or refusals (a rate limit, a bad command): a run with any measured the wrong thing.</summary>
    public long Refused => Interlocked.Read(ref _refused);

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _ticks));

    public void Reset()
    {
        Interlocked.Exchange(ref _calls, 0);
        Interlocked.Exchange(ref _ticks, 0);
        Interlocked.Exchange(ref _refused, 0);
    }

    public async Task<Answer> HandleAsync(ChatRequest request, CancellationToken cancellationToken = default)
    {
        if (Fixed is { } answer)
            return answer;
        var started = Stopwatch.GetTimestamp();
        var real = await inner.HandleAsync(request, cancellationToken);
        Interlocked.Add(ref _ticks, Stopwatch.GetTimestamp() - started);
        Interlocked.Increment(ref _calls);
        if (real.IsError) Interlocked.Increment(ref _refused);
        return real;
    }

    public IReadOnlyList<string> Complete(string command, string option, string partial, int max = 25) =>
        inner.Complete(command, option, partial, max);
}
