using LmcBot.Core.Embedding;

namespace LmcBot.Cli;

/// <summary>
/// Shows long CLI work (a sync's or import's embedding, the vector build) on standard error, and only when that is a
/// terminal: redirected to a file or a pipe it stays quiet, and it never writes to standard output, so <c>--json</c>
/// lines and answers are never mixed with it.
/// </summary>
public sealed class TerminalProgress : IProgress<EmbeddingProgress>
{
    /// <summary>Runs shorter than this (a few admin facts, well under a second) print nothing.</summary>
    private const int QuietBelow = 200;

    private readonly TextWriter _error;
    private readonly Lock _lock = new();
    private int _lastTenth = -1;

    /// <param name="enabled">Whether anything is shown: standard error is a terminal.</param>
    public TerminalProgress(TextWriter error, bool enabled)
    {
        _error = error;
        Enabled = enabled;
    }

    public bool Enabled { get; }

    /// <summary>Progress on <paramref name="error"/> when it is this process's standard error and that is a terminal.</summary>
    public static TerminalProgress For(TextWriter error) =>
        new(error, enabled: ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected);

    /// <summary>A line about every tenth of the way: "embedding 320/1200 texts with the sentence model".</summary>
    public void Report(EmbeddingProgress value)
    {
        if (!Enabled || value.Total < QuietBelow) return;
        lock (_lock)
        {
            var tenth = value.Done * 10 / value.Total;
            if (tenth == _lastTenth) return;
            _lastTenth = tenth;
            _error.WriteLine($"embedding {value.Done}/{value.Total} texts with the sentence model");
        }
    }

    /// <summary>One step of long work that has no count ("importing article.md").</summary>
    public void Step(string what)
    {
        if (Enabled) lock (_lock) _error.WriteLine(what + "…");
    }
}
